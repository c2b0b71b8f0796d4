// Telegram's size limits and the helpers that keep every message within them: texts are
// shortened (never inside a surrogate pair) and long content is split into pages.
// Lengths are UTF-16 code units, as Telegram counts them (a JS string's length).
import { InlineKeyboard } from 'grammy';

export const TELEGRAM_LIMITS = {
  /** A message's text, after entity parsing. */
  text: 4096,
  /** A photo's or document's caption. */
  caption: 1024,
  /** An inline button's callback_data, in bytes. */
  callbackData: 64,
} as const;

const ELLIPSIS = '…';

/** The text cut to at most `max` UTF-16 units, an ellipsis marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return cutAt(text, max - ELLIPSIS.length) + ELLIPSIS;
}

/** The first `units` UTF-16 units, one fewer if that would split a surrogate pair. */
function cutAt(text: string, units: number): string {
  const end = Math.max(0, units);
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/** Values shorter than this are left whole: names, numbers, dates and Fluent selectors. */
const SHORTEST_SHORTENED = 100;

/**
 * What a template makes of its values, within `max` units. When that is too long, the long
 * values (a resident's text, a note, a reason) are shortened to one common length, the
 * longest that fits, so each keeps its beginning and the template's own words all stay;
 * only if that is not enough is the whole text cut.
 */
export function fitValues<V extends Record<string, unknown>>(render: (values: V) => string, values: V, max: number): string {
  const whole = render(values);
  if (whole.length <= max) return whole;
  const capped = (cap: number) => render(Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'string' ? clip(value, cap) : value])) as V);
  // A binary search for the longest common length that fits: `fits` fits, `tooLong` does not.
  let fits = SHORTEST_SHORTENED;
  if (capped(fits).length > max) return clip(capped(fits), max);
  let tooLong = Math.max(...Object.values(values).map((value) => (typeof value === 'string' ? value.length : 0)));
  while (tooLong - fits > 1) {
    const cap = Math.floor((fits + tooLong) / 2);
    if (capped(cap).length <= max) fits = cap;
    else tooLong = cap;
  }
  return capped(fits);
}

/**
 * Splits a text into pages of at most `size` units: at a line break when one falls in
 * the second half of the page, else at the limit (never inside a surrogate pair).
 */
export function paginate(text: string, size: number): string[] {
  const pages: string[] = [];
  let rest = text;
  while (rest.length > size) {
    let page = cutAt(rest, size);
    const lineEnd = page.lastIndexOf('\n');
    if (lineEnd > size / 2) page = page.slice(0, lineEnd);
    pages.push(page);
    rest = rest.slice(page.length).replace(/^\n/, '');
  }
  pages.push(rest);
  return pages;
}

/** Room for the page header and its counter. */
const PAGE_HEADER_ROOM = 200;
export const PAGE_SIZE = TELEGRAM_LIMITS.text - PAGE_HEADER_ROOM;

export interface PageView {
  text: string;
  keyboard: InlineKeyboard;
}

/**
 * One page of a long text with ◀ ▶ buttons; `packPage` makes a button's callback data.
 * A page number out of range shows the nearest page (the text may have changed).
 */
export function pageView(options: { header: string; text: string; page: number; packPage: (page: number) => string; counter: (page: number, pages: number) => string }): PageView {
  const pages = paginate(options.text, PAGE_SIZE);
  const page = Math.min(Math.max(options.page, 0), pages.length - 1);
  const keyboard = new InlineKeyboard();
  if (page > 0) keyboard.text('◀', options.packPage(page - 1));
  if (page < pages.length - 1) keyboard.text('▶', options.packPage(page + 1));
  const header = clip(`${options.header} ${options.counter(page + 1, pages.length)}`, PAGE_HEADER_ROOM - 2);
  return { text: `${header}\n\n${pages[page]}`, keyboard };
}
