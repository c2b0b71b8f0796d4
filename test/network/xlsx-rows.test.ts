// The import's .xlsx reader gives each cell the text exceljs's own reader gives it, for files
// written as Excel writes them (shared strings, styles) and as exceljs streams them (inline
// strings): text, numbers, dates and times, booleans, rich text, formulas and errors.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/domain/network/cells.js';
import { readXlsxSheets } from '../../src/domain/network/xlsx-rows.js';

const rows: ExcelJS.CellValue[][] = [
  ['code', '名称 & <name>', 'number', 'date', 'time', 'flag'],
  ['YP-STATION', '玉屏社区代表活动站', 29.3601, new Date(Date.UTC(2027, 0, 7)), new Date(Date.UTC(1899, 11, 30, 14, 30)), true],
  [' padded ', { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] }, 42, '2027-01-08', '09:00', false],
  ['F-1', { formula: 'A2&"!"', result: 'YP-STATION!' }, { formula: '1+2', result: 3 }, { error: '#N/A' }, null, 0.5],
  [],
  ['after a gap', '', 1e21, -0.25, 46394, '0.6041666666666666'],
];

async function texts(read: AsyncIterable<AsyncIterable<{ number: number; values: unknown[] }>>): Promise<Record<number, string[]>[]> {
  const sheets: Record<number, string[]>[] = [];
  for await (const sheet of read) {
    const byRow: Record<number, string[]> = {};
    for await (const row of sheet) {
      const values = Array.from(row.values, cellText);
      if (values.some((value) => value !== '')) byRow[row.number] = values;
    }
    sheets.push(byRow);
  }
  return sheets;
}

async function* exceljsSheets(path: string): AsyncGenerator<AsyncIterable<{ number: number; values: unknown[] }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  for (const worksheet of workbook.worksheets) {
    const rows: { number: number; values: unknown[] }[] = [];
    worksheet.eachRow((row) => rows.push({ number: row.number, values: row.values as unknown[] }));
    yield (async function* () {
      yield* rows;
    })();
  }
}

describe('the .xlsx reader of the import', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'minyi-xlsx-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a workbook as Excel writes it (shared strings, date formats) as exceljs does', async () => {
    const path = join(dir, 'excel.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('站点 Stations');
    rows.forEach((values, index) => sheet.getRow(index + 1).values = values);
    sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
    sheet.getColumn(5).numFmt = 'hh:mm';
    workbook.addWorksheet('说明 Notes').addRow(['只是说明']);
    await workbook.xlsx.writeFile(path);

    const ours = await texts(readXlsxSheets(path));
    expect(ours).toEqual(await texts(exceljsSheets(path)));
    expect(ours[0]![2]).toEqual(['', 'YP-STATION', '玉屏社区代表活动站', '29.3601', '2027-01-07', '14:30', 'true']);
    expect(ours[0]![3]).toEqual(['', 'padded', '富文本', '42', '2027-01-08', '09:00', 'false']);
    expect(ours[0]![4]).toEqual(['', 'F-1', 'YP-STATION!', '3', '#N/A', '', '0.5']);
    expect(ours[1]).toEqual({ 1: ['', '只是说明'] });
  });

  it('reads a workbook streamed with inline strings, and many rows, as exceljs does', async () => {
    const path = join(dir, 'streamed.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet('接待日 Reception days');
    for (const values of rows) sheet.addRow(values).commit();
    // Enough rows that the sheet arrives in many chunks, with rows and characters split between them.
    for (let index = 0; index < 5_000; index++) sheet.addRow([`ST-${index}`, `代表${index}号`, index / 7, `第${index}行`]).commit();
    sheet.commit();
    await workbook.commit();

    const ours = await texts(readXlsxSheets(path));
    expect(ours).toEqual(await texts(exceljsSheets(path)));
    expect(Object.keys(ours[0]!)).toHaveLength(5 + 5_000);
    expect(ours[0]![5_006]).toEqual(['', 'ST-4999', '代表4999号', String(4999 / 7), '第4999行']);
  });
});
