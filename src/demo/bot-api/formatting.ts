import { badRequest } from './errors.js';
import type { TgMessageEntity } from './types.js';

// Turns `parse_mode` text into plain text + entities the way Telegram does, and
// rejects what Telegram rejects (unknown tags, unescaped MarkdownV2 characters).
// The console then renders from entities only, so bot text never reaches
// innerHTML and a formatting bug in the bot shows up in the demo as it would in
// production.

export interface FormattedText {
  text: string;
  entities: TgMessageEntity[];
}

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

/**
 * Resolves `text` + `parse_mode` / `entities` to what the message will contain.
 * `kind` selects Telegram's length limits and error wording.
 */
export function resolveFormattedText(
  raw: string,
  parseMode: string | undefined,
  explicitEntities: TgMessageEntity[] | undefined,
  kind: 'text' | 'caption',
): FormattedText {
  let formatted: FormattedText;
  if (explicitEntities !== undefined) {
    formatted = { text: raw, entities: validateEntities(raw, explicitEntities) };
  } else {
    switch ((parseMode ?? '').toLowerCase()) {
      case '':
        formatted = { text: raw, entities: [] };
        break;
      case 'html':
        formatted = parseHtml(raw);
        break;
      case 'markdownv2':
        formatted = parseMarkdown(raw, 'v2');
        break;
      case 'markdown':
        formatted = parseMarkdown(raw, 'legacy');
        break;
      default:
        throw badRequest(`unsupported parse_mode "${parseMode}"`);
    }
  }
  if (kind === 'text') {
    if (formatted.text.trim() === '') throw badRequest('message text is empty');
    if (formatted.text.length > MAX_TEXT_LENGTH) throw badRequest('message is too long');
  } else if (formatted.text.length > MAX_CAPTION_LENGTH) {
    throw badRequest('message caption is too long');
  }
  formatted.entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return formatted;
}

function validateEntities(text: string, entities: TgMessageEntity[]): TgMessageEntity[] {
  if (!Array.isArray(entities)) throw badRequest("can't parse entities: entities must be an array");
  return entities.map((entity) => {
    if (
      typeof entity?.type !== 'string' ||
      !Number.isInteger(entity.offset) ||
      !Number.isInteger(entity.length) ||
      entity.offset < 0 ||
      entity.length < 0 ||
      entity.offset + entity.length > text.length
    ) {
      throw badRequest(`can't parse entities: invalid entity ${JSON.stringify(entity)}`);
    }
    return { ...entity };
  });
}

const byteOffset = (source: string, index: number): number => Buffer.byteLength(source.slice(0, index));
const parseError = (reason: string) => badRequest(`can't parse entities: ${reason}`);

// ---------------------------------------------------------------- HTML

interface OpenHtmlTag {
  tag: string;
  start: number;
  entity: Omit<TgMessageEntity, 'offset' | 'length'> | null;
  /** `<code class="language-x">` directly inside `<pre>` only sets the pre's language. */
  mergedIntoPre?: boolean;
}

const NAMED_HTML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export function parseHtml(source: string): FormattedText {
  let text = '';
  const entities: TgMessageEntity[] = [];
  const stack: OpenHtmlTag[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '&') {
      const decoded = decodeHtmlEntityAt(source, i);
      if (decoded) {
        text += decoded.value;
        i += decoded.consumed;
      } else {
        text += '&'; // Telegram tolerates a lone ampersand
        i++;
      }
      continue;
    }
    if (char !== '<') {
      text += char;
      i++;
      continue;
    }
    const close = source.indexOf('>', i);
    if (close < 0) throw parseError(`Unclosed start tag at byte offset ${byteOffset(source, i)}`);
    const inner = source.slice(i + 1, close);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim().toLowerCase();
      const open = stack.pop();
      if (!open) throw parseError(`Unexpected end tag at byte offset ${byteOffset(source, i)}`);
      if (open.tag !== name) {
        throw parseError(`Can't find end tag corresponding to start tag "${open.tag}"`);
      }
      if (open.entity && text.length > open.start) {
        entities.push({ ...open.entity, offset: open.start, length: text.length - open.start });
      }
    } else {
      const match = /^([a-zA-Z][a-zA-Z0-9-]*)([\s\S]*?)\/?$/.exec(inner);
      if (!match) throw parseError(`Unsupported start tag at byte offset ${byteOffset(source, i)}`);
      const name = match[1]!.toLowerCase();
      const attributes = parseHtmlAttributes(match[2] ?? '');
      const parent = stack[stack.length - 1];
      const open: OpenHtmlTag = { tag: name, start: text.length, entity: null };
      switch (name) {
        case 'b':
        case 'strong':
          open.entity = { type: 'bold' };
          break;
        case 'i':
        case 'em':
          open.entity = { type: 'italic' };
          break;
        case 'u':
        case 'ins':
          open.entity = { type: 'underline' };
          break;
        case 's':
        case 'strike':
        case 'del':
          open.entity = { type: 'strikethrough' };
          break;
        case 'tg-spoiler':
          open.entity = { type: 'spoiler' };
          break;
        case 'span':
          if (attributes.get('class') !== 'tg-spoiler') {
            throw parseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(source, i)}`);
          }
          open.entity = { type: 'spoiler' };
          break;
        case 'a': {
          const href = attributes.get('href');
          if (href) open.entity = { type: 'text_link', url: href };
          break;
        }
        case 'code': {
          const language = /^language-(.+)$/.exec(attributes.get('class') ?? '')?.[1];
          const parentEntity = parent?.entity;
          if (language && parent?.tag === 'pre' && parentEntity && parent.start === text.length) {
            parentEntity.language = language;
            open.mergedIntoPre = true;
          } else {
            open.entity = { type: 'code' };
          }
          break;
        }
        case 'pre':
          open.entity = { type: 'pre' };
          break;
        case 'blockquote':
          open.entity = { type: attributes.has('expandable') ? 'expandable_blockquote' : 'blockquote' };
          break;
        case 'tg-emoji': {
          const emojiId = attributes.get('emoji-id');
          if (!emojiId) throw parseError(`Tag "tg-emoji" must have attribute "emoji-id"`);
          open.entity = { type: 'custom_emoji', custom_emoji_id: emojiId };
          break;
        }
        default:
          throw parseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(source, i)}`);
      }
      stack.push(open);
    }
    i = close + 1;
  }
  const unclosed = stack.pop();
  if (unclosed) throw parseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text, entities };
}

function decodeHtmlEntityAt(source: string, index: number): { value: string; consumed: number } | null {
  const match = /^&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/.exec(source.slice(index, index + 12));
  if (!match) return null;
  const body = match[1]!;
  if (body.startsWith('#')) {
    const codePoint = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (codePoint > 0x10ffff) return null;
    return { value: String.fromCodePoint(codePoint), consumed: match[0].length };
  }
  const named = NAMED_HTML_ENTITIES[body.toLowerCase()];
  if (named === undefined) {
    throw parseError(`Unsupported HTML entity "&${body};" (only &lt; &gt; &amp; &quot; and numeric entities)`);
  }
  return { value: named, consumed: match[0].length };
}

function parseHtmlAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([a-zA-Z][a-zA-Z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (const match of source.matchAll(pattern)) {
    const raw = match[2] ?? match[3] ?? match[4] ?? '';
    attributes.set(match[1]!.toLowerCase(), decodeAttribute(raw));
  }
  return attributes;
}

function decodeAttribute(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; ) {
    const decoded = raw[i] === '&' ? decodeHtmlEntityAt(raw, i) : null;
    if (decoded) {
      out += decoded.value;
      i += decoded.consumed;
    } else {
      out += raw[i];
      i++;
    }
  }
  return out;
}

// ---------------------------------------------------------------- Markdown

const MARKDOWN_V2_RESERVED = new Set('_*[]()~`>#+-=|{}.!'.split(''));
const ENTITY_NAMES: Record<string, string> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strikethrough: 'Strikethrough',
  spoiler: 'Spoiler',
  text_link: 'TextUrl',
  code: 'Code',
  pre: 'Pre',
};

interface OpenMarkdownEntity {
  type: string;
  start: number;
  sourceIndex: number;
}

/** MarkdownV2, or the legacy `Markdown` mode (no nesting, fewer markers, lenient escaping). */
export function parseMarkdown(source: string, flavour: 'v2' | 'legacy'): FormattedText {
  const v2 = flavour === 'v2';
  let text = '';
  const entities: TgMessageEntity[] = [];
  const stack: OpenMarkdownEntity[] = [];
  let quoteStart: number | null = null;
  let atLineStart = true;
  let i = 0;

  const unclosedError = (open: OpenMarkdownEntity) =>
    parseError(
      v2
        ? `Can't find end of ${ENTITY_NAMES[open.type] ?? open.type} entity at byte offset ${byteOffset(source, open.sourceIndex)}`
        : `Can't find end of the entity starting at byte offset ${byteOffset(source, open.sourceIndex)}`,
    );
  const toggle = (type: string, markerLength: number) => {
    const top = stack[stack.length - 1];
    if (top?.type === type) {
      stack.pop();
      if (text.length > top.start) entities.push({ type, offset: top.start, length: text.length - top.start });
    } else if (stack.some((open) => open.type === type)) {
      throw unclosedError(top!);
    } else if (!v2 && top) {
      throw unclosedError(top); // legacy Markdown cannot nest
    } else {
      stack.push({ type, start: text.length, sourceIndex: i });
    }
    i += markerLength;
  };
  const closeQuote = () => {
    if (quoteStart === null) return;
    const end = text.endsWith('\n') ? text.length - 1 : text.length;
    if (end > quoteStart) entities.push({ type: 'blockquote', offset: quoteStart, length: end - quoteStart });
    quoteStart = null;
  };
  /** Reads up to an unescaped `terminator`; inside, only `\` escapes `\`, the terminator and (v2) any char. */
  const readVerbatim = (from: number, terminator: string, open: OpenMarkdownEntity): { value: string; next: number } => {
    let value = '';
    let j = from;
    while (j < source.length) {
      if (source.startsWith(terminator, j)) return { value, next: j + terminator.length };
      if (source[j] === '\\' && j + 1 < source.length) {
        value += source[j + 1];
        j += 2;
      } else {
        value += source[j];
        j++;
      }
    }
    throw unclosedError(open);
  };

  while (i < source.length) {
    const char = source[i]!;
    if (atLineStart) {
      atLineStart = false;
      if (v2 && char === '>') {
        if (quoteStart === null) quoteStart = text.length;
        i++;
        continue;
      }
      closeQuote();
    }
    if (char === '\\' && i + 1 < source.length && (v2 || '_*`['.includes(source[i + 1]!))) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (char === '`') {
      const open = { type: source.startsWith('```', i) ? 'pre' : 'code', start: text.length, sourceIndex: i };
      if (open.type === 'pre') {
        let bodyStart = i + 3;
        let language = '';
        const newline = source.indexOf('\n', bodyStart);
        const firstLine = newline >= 0 ? source.slice(bodyStart, newline) : '';
        if (newline >= 0 && /^[A-Za-z0-9_+#-]+$/.test(firstLine)) {
          language = firstLine;
          bodyStart = newline + 1;
        }
        const { value, next } = readVerbatim(bodyStart, '```', open);
        text += value;
        if (value.length > 0) {
          entities.push({ type: 'pre', offset: open.start, length: value.length, ...(language ? { language } : {}) });
        }
        i = next;
      } else {
        const { value, next } = readVerbatim(i + 1, '`', open);
        text += value;
        if (value.length > 0) entities.push({ type: 'code', offset: open.start, length: value.length });
        i = next;
      }
      continue;
    }
    if (char === '*') {
      toggle('bold', 1);
      continue;
    }
    if (char === '_') {
      if (v2 && source[i + 1] === '_') toggle('underline', 2);
      else toggle('italic', 1);
      continue;
    }
    if (v2 && char === '~') {
      toggle('strikethrough', 1);
      continue;
    }
    if (v2 && char === '|' && source[i + 1] === '|') {
      toggle('spoiler', 2);
      continue;
    }
    if (char === '[') {
      if (!v2 && stack.length > 0) throw unclosedError(stack[stack.length - 1]!);
      stack.push({ type: 'text_link', start: text.length, sourceIndex: i });
      i++;
      continue;
    }
    if (char === ']' && stack[stack.length - 1]?.type === 'text_link') {
      const open = stack.pop()!;
      if (source[i + 1] !== '(') throw unclosedError(open);
      const { value: url, next } = readVerbatim(i + 2, ')', open);
      if (text.length > open.start) {
        entities.push({ type: 'text_link', offset: open.start, length: text.length - open.start, url });
      }
      i = next;
      continue;
    }
    if (v2 && MARKDOWN_V2_RESERVED.has(char)) {
      throw parseError(`Character '${char}' is reserved and must be escaped with the preceding '\\'`);
    }
    text += char;
    if (char === '\n') atLineStart = true;
    i++;
  }
  closeQuote();
  const unclosed = stack.pop();
  if (unclosed) throw unclosedError(unclosed);
  return { text, entities };
}

/** Telegram marks `/command` words in user messages; grammY's `bot.command()` relies on that. */
export function detectBotCommands(text: string): TgMessageEntity[] {
  const entities: TgMessageEntity[] = [];
  const pattern = /(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)(?=$|\s)/g;
  for (const match of text.matchAll(pattern)) {
    const offset = (match.index ?? 0) + match[1]!.length;
    entities.push({ type: 'bot_command', offset, length: match[2]!.length });
  }
  return entities;
}
