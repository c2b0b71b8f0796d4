// Streams the district spreadsheet row by row, so a city-sized file never sits in memory
// whole. Sheets are told by their header, not their name, so that an office may rename them.
// A stream (a file sent in chat) is first written to a temporary file: the reader needs the
// zip's directory, at its end.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { cellText, parseRow, type CellIssue, type ParsedRow } from './cells.js';
import { columnIndex, sheetOfHeader, type SheetSpec } from './sheets.js';
import { readXlsxSheets } from './xlsx-rows.js';

export type WorkbookEvent =
  | { type: 'sheet'; spec: SheetSpec; columns: ReadonlyMap<string, number> }
  | { type: 'row'; spec: SheetSpec; rowNumber: number; row: ParsedRow; issues: CellIssue[] }
  | { type: 'missing-column'; spec: SheetSpec; column: string };

export async function* readNetworkWorkbook(input: Readable | string): AsyncGenerator<WorkbookEvent> {
  if (typeof input === 'string') {
    yield* readFile(input);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'minyi-import-'));
  try {
    const file = join(dir, 'network.xlsx');
    await pipeline(input, createWriteStream(file));
    yield* readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function* readFile(file: string): AsyncGenerator<WorkbookEvent> {
  for await (const worksheet of readXlsxSheets(file)) {
    let spec: SheetSpec | undefined;
    let columns = new Map<string, number>();
    for await (const row of worksheet) {
      const values = Array.from(row.values, cellText);
      if (!spec) {
        if (values.every((value) => value === '')) continue;
        spec = sheetOfHeader(values.find((value) => value !== '') ?? '');
        // A sheet of the office's own notes (or the template's read-me) is passed over.
        if (!spec) break;
        columns = columnIndex(spec, values);
        for (const column of spec.columns) if (column.required && !columns.has(column.key)) yield { type: 'missing-column', spec, column: column.key };
        yield { type: 'sheet', spec, columns };
        continue;
      }
      const cells = new Map<string, string>();
      for (const [key, index] of columns) cells.set(key, values[index] ?? '');
      if ([...cells.values()].every((value) => value === '')) continue;
      const { row: parsed, issues } = parseRow(spec.kind, cells);
      yield { type: 'row', spec, rowNumber: row.number, row: parsed, issues };
    }
  }
}
