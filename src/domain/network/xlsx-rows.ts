// The cell values of an .xlsx file, sheet by sheet and row by row, for the network import.
// exceljs's streaming reader cost most of a city-sized import: it writes every sheet to a
// temporary file when the shared strings come after the sheets (as Excel and exceljs itself
// write them) and builds a row, cell and style object per cell. This reader opens the zip's
// central directory instead, so it reads the shared strings, styles and workbook first and
// then streams each sheet once, keeping only the values. It gives what exceljs gives for a
// cell (string, number, boolean, Date for a date format, { error }), except that rich text
// arrives as one string and a formula as its cached result.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import type { SaxesParser, SaxesTagPlain } from 'saxes';

export type XlsxValue = string | number | boolean | Date | { error: string };

export interface XlsxRow {
  /** 1-based, as the sheet numbers it. */
  number: number;
  /** By 1-based column number; columns without a value are holes. */
  values: XlsxValue[];
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/** The entries of a zip file by name, from its central directory. */
async function zipDirectory(path: string): Promise<Map<string, ZipEntry>> {
  const file = await open(path);
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let end = tail.length - 22;
    while (end >= 0 && tail.readUInt32LE(end) !== END_OF_DIRECTORY) end--;
    if (end < 0) throw new Error('not a zip file');
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directoryOffset === ZIP64_MARK) throw new Error('zip64 files are not supported');
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    const entries = new Map<string, ZipEntry>();
    for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === DIRECTORY_ENTRY; ) {
      const nameLength = directory.readUInt16LE(at + 28);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      entries.set(name, { method: directory.readUInt16LE(at + 10), compressedSize: directory.readUInt32LE(at + 20), localHeaderOffset: directory.readUInt32LE(at + 42) });
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    return entries;
  } finally {
    await file.close();
  }
}

/** An entry's uncompressed bytes as text, chunk by chunk. */
async function* entryText(path: string, entry: ZipEntry): AsyncGenerator<string> {
  const file = await open(path);
  const header = Buffer.alloc(30);
  try {
    await file.read(header, 0, 30, entry.localHeaderOffset);
  } finally {
    await file.close();
  }
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 16 });
  if (entry.method !== 0 && entry.method !== 8) throw new Error(`unsupported zip compression ${entry.method}`);
  const bytes = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 16 })) : raw;
  raw.on('error', (error) => bytes.destroy(error));
  const decoder = new TextDecoder();
  for await (const chunk of bytes) yield decoder.decode(chunk as Buffer, { stream: true });
  yield decoder.decode();
}

/** Feeds an entry to a SAX parser, yielding after each chunk what the handlers collected. */
async function* parseEntry<T>(path: string, entry: ZipEntry, collected: T[], handlers: (parser: SaxesParser) => void): AsyncGenerator<T[]> {
  // Loaded by the first import: most starts read no spreadsheet.
  const { SaxesParser: Parser } = await import('saxes');
  const parser = new Parser({ position: false });
  let failure: Error | undefined;
  parser.on('error', (error) => (failure ??= error));
  handlers(parser);
  for await (const text of entryText(path, entry)) {
    parser.write(text);
    if (failure) throw failure;
    if (collected.length > 0) yield collected.splice(0);
  }
  parser.close();
  if (failure) throw failure;
  if (collected.length > 0) yield collected.splice(0);
}

async function readAll(path: string, entry: ZipEntry | undefined, handlers: (parser: SaxesParser) => void): Promise<void> {
  if (!entry) return;
  for await (const _ of parseEntry(path, entry, [], handlers));
}

/** Shared strings; rich text runs joined, phonetic guides (rPh) left out. */
async function sharedStrings(path: string, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  await readAll(path, entry, (parser) => {
    let text = '';
    let inText = false;
    let inPhonetic = false;
    parser.on('opentag', (tag) => {
      if (tag.name === 'si') text = '';
      else if (tag.name === 'rPh') inPhonetic = true;
      else if (tag.name === 't' && !inPhonetic) inText = true;
    });
    parser.on('text', (value) => {
      if (inText) text += value;
    });
    parser.on('closetag', (tag) => {
      if (tag.name === 'si') strings.push(text);
      else if (tag.name === 'rPh') inPhonetic = false;
      else if (tag.name === 't') inText = false;
    });
  });
  return strings;
}

/** Excel's built-in number formats that show a date or a time. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format shows a date or time when, outside quotes and brackets, it has a date or time letter (exceljs's rule). */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Per cell style index, whether its number format shows a date. */
async function dateStyles(path: string, entry: ZipEntry | undefined): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  await readAll(path, entry, (parser) => {
    let inCellFormats = false;
    parser.on('opentag', (tag) => {
      if (tag.name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''));
      else if (tag.name === 'cellXfs') inCellFormats = true;
      else if (tag.name === 'xf' && inCellFormats) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        const code = custom.get(id);
        styles.push(code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(code));
      }
    });
    parser.on('closetag', (tag) => {
      if (tag.name === 'cellXfs') inCellFormats = false;
    });
  });
  return styles;
}

async function uses1904Dates(path: string, entry: ZipEntry | undefined): Promise<boolean> {
  let date1904 = false;
  await readAll(path, entry, (parser) =>
    parser.on('opentag', (tag) => {
      if (tag.name === 'workbookPr') date1904 = ['1', 'true'].includes(String(tag.attributes.date1904));
    }),
  );
  return date1904;
}

/** "AB12" → 28. */
function columnNumber(reference: string): number {
  let column = 0;
  for (let index = 0; index < reference.length; index++) {
    const code = reference.charCodeAt(index);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

interface SheetContext {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

/** Excel's serial day number as a UTC date, rounded to the millisecond as exceljs does. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

async function* sheetRows(path: string, entry: ZipEntry, context: SheetContext): AsyncGenerator<XlsxRow> {
  const rows: XlsxRow[] = [];
  const collect = (parser: SaxesParser) => {
    let row: XlsxRow | undefined;
    let lastRowNumber = 0;
    let cell: { column: number; type: string; style: number; formula: boolean; text: string; hasValue: boolean } | undefined;
    let inValue = false;
    let inPhonetic = false;
    parser.on('opentag', (tag: SaxesTagPlain) => {
      switch (tag.name) {
        case 'row': {
          lastRowNumber = tag.attributes.r === undefined ? lastRowNumber + 1 : Number(tag.attributes.r);
          row = { number: lastRowNumber, values: [] };
          break;
        }
        case 'c':
          if (!row) break;
          cell = {
            column: tag.attributes.r === undefined ? row.values.length || 1 : columnNumber(String(tag.attributes.r)),
            type: String(tag.attributes.t ?? 'n'),
            style: Number(tag.attributes.s ?? 0),
            formula: false,
            text: '',
            hasValue: false,
          };
          break;
        case 'f':
          if (cell) cell.formula = true;
          break;
        case 'v':
        case 't':
          if (cell && !inPhonetic) inValue = cell.hasValue = true;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
      }
    });
    parser.on('text', (value) => {
      if (inValue) cell!.text += value;
    });
    parser.on('closetag', (tag: SaxesTagPlain) => {
      switch (tag.name) {
        case 'v':
        case 't':
          inValue = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          if (row && cell?.hasValue) row.values[cell.column] = cellValue(cell, context);
          cell = undefined;
          break;
        case 'row':
          if (row) rows.push(row);
          row = undefined;
          break;
      }
    });
  };
  for await (const batch of parseEntry(path, entry, rows, collect)) yield* batch;
}

function cellValue(cell: { type: string; style: number; formula: boolean; text: string }, context: SheetContext): XlsxValue {
  switch (cell.type) {
    case 's':
      return context.strings[Number(cell.text)] ?? '';
    case 'inlineStr':
    case 'str':
      return cell.text;
    case 'e':
      return { error: cell.text };
    case 'b':
      return cell.formula ? Number(cell.text) : Number(cell.text) !== 0;
    default: {
      const number = parseFloat(cell.text);
      return !cell.formula && context.dates[cell.style] ? excelDate(number, context.date1904) : number;
    }
  }
}

/** Each worksheet's rows, in the order of the sheets' file names (sheet1.xml, sheet2.xml, …). */
export async function* readXlsxSheets(path: string): AsyncGenerator<AsyncIterable<XlsxRow>> {
  const entries = await zipDirectory(path);
  const context: SheetContext = {
    strings: await sharedStrings(path, entries.get('xl/sharedStrings.xml')),
    dates: await dateStyles(path, entries.get('xl/styles.xml')),
    date1904: await uses1904Dates(path, entries.get('xl/workbook.xml')),
  };
  const sheets = [...entries.keys()]
    .map((name) => ({ name, number: Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1]) }))
    .filter((sheet) => Number.isInteger(sheet.number))
    .sort((a, b) => a.number - b.number);
  for (const sheet of sheets) yield sheetRows(path, entries.get(sheet.name)!, context);
}
