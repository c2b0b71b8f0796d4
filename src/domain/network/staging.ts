// The rows read from the spreadsheet land in temporary tables of the import's transaction,
// a batch at a time: checks across rows and the merge into the network are then set-based
// SQL, and memory stays flat whatever the size. A batch is one INSERT … SELECT FROM unnest
// of an array per column, written while the next batch is read.
import type { SqlRunner } from '../../db/migrate.js';
import { STAGES } from '../calendar/stage-limits.js';
import type { ParsedRow } from './cells.js';
import { SHEETS, SHEET_KINDS, type SheetKind } from './sheets.js';

const BATCH_ROWS = 5_000;

/** The staged columns of a sheet: its own, except that a category's limits become one JSON column. */
export function stagedColumns(kind: SheetKind): string[] {
  const keys = SHEETS[kind].columns.map((column) => column.key);
  return kind === 'categories' ? [...keys.filter((key) => !key.includes('.')), 'stageLimits'] : keys;
}

export function stageTable(kind: SheetKind): string {
  return `stage_${kind}`;
}

function stagedValue(kind: SheetKind, key: string, row: ParsedRow): string | null {
  if (key === 'stageLimits' && kind === 'categories') {
    const limits = STAGES.filter((stage) => row[`${stage}.amount`] !== null).map((stage) => ({ stage, limit: { amount: row[`${stage}.amount`], unit: row[`${stage}.unit`] } }));
    return JSON.stringify(limits);
  }
  const value = row[key];
  return value === null || value === undefined ? null : String(value);
}

export async function createStagingTables(tx: SqlRunner): Promise<void> {
  for (const kind of SHEET_KINDS) {
    const columns = stagedColumns(kind).map((key) => `"${key}" text`).join(', ');
    await tx.query(`CREATE TEMP TABLE ${stageTable(kind)} ("row" int NOT NULL, bad boolean NOT NULL, ${columns}) ON COMMIT DROP`);
  }
}

/** Buffers rows per sheet and writes each full batch. */
export class StagingWriter {
  private readonly buffers = new Map<SheetKind, { rowNumber: number; bad: boolean; row: ParsedRow }[]>();
  /** The batch being written; the transaction takes one statement at a time. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly tx: SqlRunner) {}

  /** `bad`: a row with a failed cell, staged so that other rows' references to it still resolve. */
  async add(kind: SheetKind, rowNumber: number, row: ParsedRow, bad: boolean): Promise<void> {
    const buffer = this.buffers.get(kind) ?? [];
    this.buffers.set(kind, buffer);
    buffer.push({ rowNumber, bad, row });
    if (buffer.length >= BATCH_ROWS) await this.flush(kind);
  }

  async flushAll(): Promise<void> {
    for (const kind of this.buffers.keys()) await this.flush(kind);
    await this.writing;
    // Statistics for the planner: the checks and the merge join these tables.
    for (const kind of SHEET_KINDS) await this.tx.query(`ANALYZE ${stageTable(kind)}`);
  }

  private async flush(kind: SheetKind): Promise<void> {
    const buffer = this.buffers.get(kind);
    if (!buffer?.length) return;
    this.buffers.set(kind, []);
    const keys = stagedColumns(kind);
    const arrays: unknown[] = [buffer.map((entry) => entry.rowNumber), buffer.map((entry) => entry.bad), ...keys.map((key) => buffer.map((entry) => stagedValue(kind, key, entry.row)))];
    const params = keys.map((_, index) => `$${index + 3}::text[]`).join(', ');
    await this.writing;
    this.writing = this.tx.query(`INSERT INTO ${stageTable(kind)} SELECT * FROM unnest($1::int[], $2::boolean[], ${params})`, arrays);
    // Awaited by the next flush; a reader that fails first rolls the transaction back anyway.
    this.writing.catch(() => undefined);
  }
}
