// Every cell of the district spreadsheet, checked with zod. A failed check names a locale
// key (and its variables) so that the reader gets the error in their own language.
import { z } from 'zod';
import { STAGES } from '../calendar/stage-limits.js';
import { LIMIT_UNIT_LABELS, REGION_KINDS, REPRESENTATIVE_LEVELS, SHEETS, STAFF_ROLES, STATION_TIERS, parseEnumCell, type Enumeration, type SheetKind } from './sheets.js';

/** What exceljs hands over for a cell, reduced to text ("" when empty). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return dateCellText(value);
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (cell.richText) return cell.richText.map((part) => part.text).join('').trim();
    if ('result' in cell) return cellText(cell.result);
    if ('text' in cell) return cellText(cell.text);
    if (cell.error) return cell.error;
  }
  return String(value).trim();
}

/** Excel keeps dates and times as one number; exceljs gives them as UTC dates. */
function dateCellText(date: Date): string {
  const iso = date.toISOString();
  if (iso.startsWith('1899-12-30') || iso.startsWith('1899-12-31')) return iso.slice(11, 16);
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A text cell that Excel may have turned into a serial day number. */
function fromSerial(text: string, part: 'date' | 'time'): string {
  if (!/^\d+(\.\d+)?$/.test(text) || (part === 'date' && text.length < 5)) return text;
  const iso = new Date(EXCEL_EPOCH_MS + Number(text) * 86_400_000).toISOString();
  return part === 'date' ? iso.slice(0, 10) : iso.slice(11, 16);
}

const issue = (key: string) => ({ error: key });

const code = z.string().max(64, issue('import-error-too-long')).regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, issue('import-error-bad-code'));
const text = z.string().max(300, issue('import-error-too-long'));
const optionalText = text.transform((value) => value || null);

function enumeration<T extends string>(values: Enumeration<T>, key = 'import-error-bad-enum') {
  return z.string().transform((cell, context): T => {
    const value = parseEnumCell(values, cell);
    if (value === undefined) {
      context.addIssue({ code: 'custom', message: key, params: { allowed: values.values.join(', ') } });
      return z.NEVER;
    }
    return value;
  });
}

const coordinate = (limit: number) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, issue('import-error-bad-coordinate'))
    .transform(Number)
    .pipe(z.number().min(-limit, issue('import-error-bad-coordinate')).max(limit, issue('import-error-bad-coordinate')));

const date = z
  .string()
  .transform((cell) => fromSerial(cell, 'date'))
  .pipe(z.iso.date(issue('import-error-bad-date')));

const time = z
  .string()
  .transform((cell) => fromSerial(cell, 'time'))
  .pipe(z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, issue('import-error-bad-time')))
  .transform((cell) => cell.padStart(5, '0').slice(0, 5));

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, issue('import-error-bad-time-zone'));

const telegramId = z.string().regex(/^[1-9]\d{0,15}$/, issue('import-error-bad-telegram-id'));
const positiveInt = z.string().regex(/^\d{1,6}$/, issue('import-error-bad-number')).transform(Number);
const limitAmount = positiveInt.pipe(z.number().int().positive(issue('import-error-bad-number')));

/** Cell schemas per sheet and column key; an empty optional cell is null without a check. */
const cellSchemas: Record<SheetKind, Record<string, z.ZodType>> = {
  regions: { code, kind: enumeration(REGION_KINDS), nameZh: text, nameEn: text, parent: code, timeZone },
  stations: {
    code, tier: enumeration(STATION_TIERS), nameZh: text, nameEn: text, region: code, home: code,
    addressZh: text, addressEn: text, latitude: coordinate(90), longitude: coordinate(180), hoursZh: text, hoursEn: text, phone: optionalText,
  },
  staff: { code, name: text, role: enumeration(STAFF_ROLES, 'import-error-unknown-role'), scope: code, telegramId, phone: optionalText, level: enumeration(REPRESENTATIVE_LEVELS) },
  receptionDays: { station: code, representative: code, date, from: time, to: time, noteZh: optionalText, noteEn: optionalText },
  agencies: { code, nameZh: text, nameEn: text, region: code },
  categories: {
    code, nameZh: text, nameEn: text, sortOrder: positiveInt,
    ...Object.fromEntries(STAGES.flatMap((stage) => [[`${stage}.amount`, limitAmount], [`${stage}.unit`, enumeration(LIMIT_UNIT_LABELS)]])),
  },
};

export interface CellIssue {
  column: string;
  key: string;
  vars: Record<string, string | number>;
}

export type ParsedRow = Record<string, unknown>;

/** The row's typed values, or the issues of its cells (all of them, not only the first). */
export function parseRow(kind: SheetKind, cells: ReadonlyMap<string, string>): { row: ParsedRow; issues: CellIssue[] } {
  const row: ParsedRow = {};
  const issues: CellIssue[] = [];
  for (const column of SHEETS[kind].columns) {
    const raw = cells.get(column.key) ?? '';
    if (raw === '') {
      if (column.required) issues.push({ column: column.key, key: 'import-error-required', vars: {} });
      row[column.key] = null;
      continue;
    }
    const result = cellSchemas[kind][column.key]!.safeParse(raw);
    if (result.success) row[column.key] = result.data;
    else {
      const first = result.error.issues[0]!;
      const params = (first as { params?: Record<string, string> }).params ?? {};
      issues.push({ column: column.key, key: first.message.startsWith('import-error-') ? first.message : 'import-error-bad-value', vars: { value: raw.slice(0, 40), ...params } });
    }
  }
  if (issues.length === 0) issues.push(...rowIssues(kind, row));
  return { row, issues };
}

/** Checks across the cells of one row. */
function rowIssues(kind: SheetKind, row: ParsedRow): CellIssue[] {
  switch (kind) {
    case 'regions':
      if (row.kind !== 'DISTRICT' && row.parent === null) return [{ column: 'parent', key: 'import-error-parent-required', vars: {} }];
      if (row.kind === 'DISTRICT' && row.parent !== null) return [{ column: 'parent', key: 'import-error-district-parent', vars: {} }];
      return [];
    case 'receptionDays':
      return (row.to as string) <= (row.from as string) ? [{ column: 'to', key: 'import-error-bad-time-range', vars: {} }] : [];
    case 'categories':
      return STAGES.filter((stage) => (row[`${stage}.amount`] === null) !== (row[`${stage}.unit`] === null)).map((stage) => ({
        column: row[`${stage}.amount`] === null ? `${stage}.amount` : `${stage}.unit`,
        key: 'import-error-required',
        vars: {},
      }));
    default:
      return [];
  }
}
