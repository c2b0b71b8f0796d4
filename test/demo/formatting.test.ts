import { describe, expect, it } from 'vitest';
import { parseHtml, parseMarkdown, resolveFormattedText } from '../../src/demo/index.js';

describe('parseHtml', () => {
  it('turns Telegram HTML into text + entities with UTF-16 offsets', () => {
    const result = parseHtml('<b>诉求 <i>#12</i></b> 😀 <a href="https://example.org/?a=1&amp;b=2">详情</a> &lt;x&gt; &#x1F600;');
    expect(result.text).toBe('诉求 #12 😀 详情 <x> 😀');
    expect(result.entities).toEqual([
      { type: 'italic', offset: 3, length: 3 },
      { type: 'bold', offset: 0, length: 6 },
      { type: 'text_link', url: 'https://example.org/?a=1&b=2', offset: 10, length: 2 },
    ]);
  });

  it('supports spoiler, blockquote, pre with language and all tag aliases', () => {
    const result = parseHtml('<strong>a</strong><em>b</em><ins>c</ins><del>d</del><tg-spoiler>e</tg-spoiler><span class="tg-spoiler">f</span><blockquote expandable>g</blockquote><pre><code class="language-ts">h</code></pre>');
    expect(result.entities.map((e) => e.type)).toEqual([
      'bold', 'italic', 'underline', 'strikethrough', 'spoiler', 'spoiler', 'expandable_blockquote', 'pre',
    ]);
    expect(result.entities.at(-1)).toMatchObject({ type: 'pre', language: 'ts' });
  });

  it('rejects what Telegram rejects', () => {
    expect(() => parseHtml('a<br>b')).toThrow(/Unsupported start tag "br"/);
    expect(() => parseHtml('<script>x</script>')).toThrow(/Unsupported start tag "script"/);
    expect(() => parseHtml('<b>open')).toThrow(/Can't find end tag/);
    expect(() => parseHtml('<b><i>x</b></i>')).toThrow(/Can't find end tag/);
    expect(() => parseHtml('1 < 2')).toThrow(/can't parse entities/);
    expect(() => parseHtml('&nbsp;')).toThrow(/Unsupported HTML entity/);
  });
});

describe('parseMarkdown', () => {
  it('parses MarkdownV2 formatting, escapes and links', () => {
    const result = parseMarkdown('*粗体* _斜体_ __下划线__ ~删除~ ||剧透|| `a\\`b` [链接](https://x.org/a\\)b) 1\\.5', 'v2');
    expect(result.text).toBe('粗体 斜体 下划线 删除 剧透 a`b 链接 1.5');
    expect(result.entities).toEqual([
      { type: 'bold', offset: 0, length: 2 },
      { type: 'italic', offset: 3, length: 2 },
      { type: 'underline', offset: 6, length: 3 },
      { type: 'strikethrough', offset: 10, length: 2 },
      { type: 'spoiler', offset: 13, length: 2 },
      { type: 'code', offset: 16, length: 3 },
      { type: 'text_link', offset: 20, length: 2, url: 'https://x.org/a)b' },
    ]);
  });

  it('parses pre blocks with a language and block quotes', () => {
    const result = parseMarkdown('```python\nprint(1)\n```\n>引用\n>第二行\n正文', 'v2');
    expect(result.text).toBe('print(1)\n\n引用\n第二行\n正文');
    expect(result.entities).toEqual([
      { type: 'pre', offset: 0, length: 9, language: 'python' },
      { type: 'blockquote', offset: 10, length: 6 },
    ]);
  });

  it('demands escaping of reserved characters and closed entities', () => {
    expect(() => parseMarkdown('编号 #12.', 'v2')).toThrow(/Character '#' is reserved/);
    expect(() => parseMarkdown('*open', 'v2')).toThrow(/Can't find end of Bold entity at byte offset 0/);
    expect(() => parseMarkdown('[x]', 'v2')).toThrow(/Can't find end of TextUrl/);
  });

  it('supports legacy Markdown leniently', () => {
    expect(parseMarkdown('*b* _i_ 1.5 #tag', 'legacy')).toEqual({
      text: 'b i 1.5 #tag',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'italic', offset: 2, length: 1 },
      ],
    });
  });
});

describe('resolveFormattedText', () => {
  it('applies Telegram length limits and empty-text rules', () => {
    expect(() => resolveFormattedText('<b></b>', 'HTML', undefined, 'text')).toThrow(/message text is empty/);
    expect(() => resolveFormattedText('x'.repeat(4097), undefined, undefined, 'text')).toThrow(/message is too long/);
    expect(() => resolveFormattedText('x'.repeat(1025), undefined, undefined, 'caption')).toThrow(/caption is too long/);
    expect(resolveFormattedText('', undefined, undefined, 'caption').text).toBe('');
  });

  it('uses explicit entities instead of parse_mode and validates their ranges', () => {
    expect(resolveFormattedText('<b>x</b>', 'HTML', [{ type: 'bold', offset: 0, length: 3 }], 'text')).toEqual({
      text: '<b>x</b>',
      entities: [{ type: 'bold', offset: 0, length: 3 }],
    });
    expect(() => resolveFormattedText('abc', undefined, [{ type: 'bold', offset: 2, length: 5 }], 'text')).toThrow(/invalid entity/);
  });

  it('rejects unknown parse modes', () => {
    expect(() => resolveFormattedText('x', 'BBCode', undefined, 'text')).toThrow(/unsupported parse_mode/);
  });
});
