import type { IncomingMessage } from 'node:http';

export interface UploadedFile {
  /** The form field name the part was sent under (grammY uses a random attach id). */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface ParsedBody {
  /** Non-file fields. JSON bodies keep their types; form fields are strings. */
  fields: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

export class BodyParseError extends Error {}

/** Upload cap; Telegram's own bot upload limit is 50 MB. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

export async function readRequestBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) throw new BodyParseError(`request body larger than ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a body by its Content-Type: JSON, urlencoded form or multipart form. */
export function parseBody(contentTypeHeader: string | undefined, body: Buffer): ParsedBody {
  const { mediaType, params } = parseContentType(contentTypeHeader ?? '');
  if (body.length === 0) return { fields: {}, files: new Map() };
  if (mediaType === 'application/json') {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BodyParseError('body is not valid JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BodyParseError('JSON body must be an object');
    }
    return { fields: value as Record<string, unknown>, files: new Map() };
  }
  if (mediaType === 'application/x-www-form-urlencoded' || mediaType === '') {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) fields[key] = value;
    return { fields, files: new Map() };
  }
  if (mediaType === 'multipart/form-data') {
    const boundary = params.get('boundary');
    if (!boundary) throw new BodyParseError('multipart body without boundary');
    return parseMultipart(body, boundary);
  }
  throw new BodyParseError(`unsupported content type ${mediaType}`);
}

export function parseContentType(header: string): { mediaType: string; params: Map<string, string> } {
  const [rawType = '', ...rest] = splitHeaderParams(header);
  const params = new Map<string, string>();
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    params.set(param.slice(0, eq).trim().toLowerCase(), unquote(param.slice(eq + 1).trim()));
  }
  return { mediaType: rawType.trim().toLowerCase(), params };
}

/**
 * Binary-safe multipart/form-data parser (RFC 7578). Tolerates what grammY
 * emits: lower-case headers without a space after the colon and an unquoted
 * `filename=` parameter.
 */
export function parseMultipart(body: Buffer, boundary: string): ParsedBody {
  const fields: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  if (position < 0) throw new BodyParseError('multipart boundary not found');
  for (;;) {
    position += delimiter.length;
    // "--" right after a delimiter marks the end of the body.
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break;
    position = skipLineBreak(body, position);
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), position);
    if (next < 0) throw new BodyParseError('multipart part is not terminated by a boundary');
    const part = body.subarray(position, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new BodyParseError('multipart part without header terminator');
    const headers = parsePartHeaders(part.subarray(0, headerEnd).toString('utf8'));
    const data = part.subarray(headerEnd + 4);
    const disposition = headers.get('content-disposition');
    if (!disposition) throw new BodyParseError('multipart part without content-disposition');
    const { params } = parseContentType(disposition);
    const name = params.get('name');
    if (name === undefined) throw new BodyParseError('multipart part without a name');
    const filename = params.get('filename');
    if (filename !== undefined) {
      files.set(name, {
        field: name,
        filename,
        contentType: headers.get('content-type') ?? 'application/octet-stream',
        data: Buffer.from(data),
      });
    } else {
      fields[name] = data.toString('utf8');
    }
    position = next + 2; // now at "--boundary"
  }
  return { fields, files };
}

function parsePartHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function skipLineBreak(body: Buffer, position: number): number {
  if (body[position] === 0x0d && body[position + 1] === 0x0a) return position + 2;
  if (body[position] === 0x0a) return position + 1;
  return position;
}

/** Splits `a; b="x;y"; c` on semicolons outside quotes. */
function splitHeaderParams(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const char = header[i]!;
    if (char === '"' && header[i - 1] !== '\\') quoted = !quoted;
    if (char === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}
