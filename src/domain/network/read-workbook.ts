// Streams the district spreadsheet row by row (exceljs's streaming reader), so a city-sized
// file never sits in memory whole. Sheets are told by their header, not their name: the
// streaming reader may meet a sheet before the list of names.
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText, parseRow, type CellIssue, type ParsedRow } from './cells.js';
import { columnIndex, sheetOfHeader, type SheetSpec } from './sheets.js';

export type WorkbookEvent =
  | { type: 'sheet'; spec: SheetSpec; columns: ReadonlyMap<string, number> }
  | { type: 'row'; spec: SheetSpec; rowNumber: number; row: ParsedRow; issues: CellIssue[] }
  | { type: 'missing-column'; spec: SheetSpec; column: string };

export async function* readNetworkWorkbook(input: Readable | string): AsyncGenerator<WorkbookEvent> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  // exceljs reads a sheet's name from workbook.xml, which many writers (exceljs itself among them)
  // put after the sheets: without this empty model it fails on such a file.
  (reader as unknown as { model: { sheets: unknown[] } }).model = { sheets: [] };
  for await (const worksheet of reader) {
    let spec: SheetSpec | undefined;
    let columns = new Map<string, number>();
    let skipped = false;
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      if (skipped) continue;
      const values = Array.from(row.values as unknown[], cellText);
      if (!spec) {
        if (values.every((value) => value === '')) continue;
        spec = sheetOfHeader(values.find((value) => value !== '') ?? '');
        // A sheet of the office's own notes (or the template's read-me) is passed over.
        if (!spec) {
          skipped = true;
          continue;
        }
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
