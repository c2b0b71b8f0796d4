import { describe, expect, it } from 'vitest';
import { BodyParseError, parseBody, parseMultipart } from '../../src/demo/index.js';

const crlf = (lines: string[]) => lines.join('\r\n');

describe('parseBody', () => {
  it('parses JSON objects and keeps their types', () => {
    const parsed = parseBody('application/json; charset=utf-8', Buffer.from(JSON.stringify({ chat_id: 1, reply_markup: { inline_keyboard: [] } })));
    expect(parsed.fields).toEqual({ chat_id: 1, reply_markup: { inline_keyboard: [] } });
    expect(parsed.files.size).toBe(0);
  });

  it('rejects malformed JSON and non-object JSON', () => {
    expect(() => parseBody('application/json', Buffer.from('{'))).toThrow(BodyParseError);
    expect(() => parseBody('application/json', Buffer.from('[1]'))).toThrow(BodyParseError);
  });

  it('parses urlencoded forms including UTF-8 and JSON-encoded fields', () => {
    const body = new URLSearchParams({ chat_id: '42', text: '你好 & welcome', reply_markup: '{"remove_keyboard":true}' }).toString();
    const parsed = parseBody('application/x-www-form-urlencoded', Buffer.from(body));
    expect(parsed.fields).toEqual({ chat_id: '42', text: '你好 & welcome', reply_markup: '{"remove_keyboard":true}' });
  });

  it('treats an empty body as no parameters', () => {
    expect(parseBody(undefined, Buffer.alloc(0)).fields).toEqual({});
  });

  it('rejects unsupported content types and multipart without boundary', () => {
    expect(() => parseBody('text/xml', Buffer.from('<a/>'))).toThrow(/unsupported content type/);
    expect(() => parseBody('multipart/form-data', Buffer.from('x'))).toThrow(/boundary/);
  });
});

describe('parseMultipart', () => {
  it('parses the exact shape grammY sends (lower-case headers, no spaces, unquoted filename)', () => {
    const boundary = '----------abc123';
    const binary = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d, 0x41, 0x0d, 0x0a]); // contains CRLF and "--"
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n42` +
          `\r\n--${boundary}\r\ncontent-disposition:form-data;name="document"\r\n\r\nattach://x1y2` +
          `\r\n--${boundary}\r\ncontent-disposition:form-data;name="reply_markup"\r\n\r\n{"inline_keyboard":[[{"text":"好","callback_data":"ok"}]]}` +
          `\r\n--${boundary}\r\ncontent-disposition:form-data;name="x1y2";filename=报告.csv\r\ncontent-type:application/octet-stream\r\n\r\n`,
      ),
      binary,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const parsed = parseBody(`multipart/form-data; boundary=${boundary}`, body);
    expect(parsed.fields).toEqual({
      chat_id: '42',
      document: 'attach://x1y2',
      reply_markup: '{"inline_keyboard":[[{"text":"好","callback_data":"ok"}]]}',
    });
    const file = parsed.files.get('x1y2');
    expect(file?.filename).toBe('报告.csv');
    expect(file?.contentType).toBe('application/octet-stream');
    expect(Buffer.compare(file!.data, binary)).toBe(0);
  });

  it('parses browser-style parts (quoted boundary, spaced headers, preamble, empty values)', () => {
    const boundary = 'WebKitFormBoundary7MA4YWxkTrZu0gW';
    const body = Buffer.from(
      crlf([
        'preamble to ignore',
        `--${boundary}`,
        'Content-Disposition: form-data; name="caption"',
        '',
        '',
        `--${boundary}`,
        'Content-Disposition: form-data; name="photo"; filename="a;b.png"',
        'Content-Type: image/png',
        '',
        'PNGDATA',
        `--${boundary}--`,
        '',
      ]),
    );
    const parsed = parseMultipart(body, boundary);
    expect(parsed.fields).toEqual({ caption: '' });
    expect(parsed.files.get('photo')).toMatchObject({ filename: 'a;b.png', contentType: 'image/png' });
    expect(parsed.files.get('photo')!.data.toString()).toBe('PNGDATA');
    expect(parseBody(`multipart/form-data; boundary="${boundary}"`, body).files.size).toBe(1);
  });

  it('is binary-safe for large random payloads', () => {
    const boundary = 'xyz';
    const payload = Buffer.alloc(256 * 1024);
    for (let i = 0; i < payload.length; i++) payload[i] = (i * 7919) % 256;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="f.bin"\r\n\r\n`),
      payload,
      Buffer.from(`\r\n--${boundary}--`),
    ]);
    expect(Buffer.compare(parseMultipart(body, boundary).files.get('f')!.data, payload)).toBe(0);
  });

  it('fails on truncated bodies instead of guessing', () => {
    const boundary = 'b';
    expect(() => parseMultipart(Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue'), boundary)).toThrow(BodyParseError);
    expect(() => parseMultipart(Buffer.from('no boundary here'), boundary)).toThrow(/boundary not found/);
    expect(() => parseMultipart(Buffer.from('--b\r\nX: y\r\n\r\nv\r\n--b--'), boundary)).toThrow(/content-disposition/);
  });
});
