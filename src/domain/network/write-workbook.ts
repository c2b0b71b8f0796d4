// Writes the district spreadsheet: the template (an example row per sheet) and the export
// (the current network) share this layout, so an exported file imports back unchanged.
// Streamed (exceljs's WorkbookWriter, inline strings), so a city-sized export stays small in memory.
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { columnLetter, headerText, SHEET_KINDS, SHEETS, type SheetKind, type SheetSpec } from './sheets.js';

export type CellValue = string | number | null;

/** The rows of one sheet, in column order. */
export type SheetRows = (kind: SheetKind) => AsyncIterable<CellValue[]> | Iterable<CellValue[]>;

/** A list in a data validation formula may hold at most 255 characters. */
const MAX_LIST_FORMULA = 255;
/** Rows below the data that still get the drop-down lists, for the office's additions. */
const ROOM_TO_GROW = 2_000;

export async function writeNetworkWorkbook(target: string | Writable, rows: SheetRows): Promise<void> {
  // Loaded when a spreadsheet is written: exceljs is the heaviest module to load, and most starts never need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    ...(typeof target === 'string' ? { filename: target } : { stream: target }),
    useSharedStrings: false,
    useStyles: true,
  });
  for (const kind of SHEET_KINDS) {
    const spec = SHEETS[kind];
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((column) => ({ key: column.key, width: column.width ?? 16 }));
    const header = sheet.addRow(spec.columns.map(headerText));
    header.font = { bold: true };
    header.commit();
    let written = 0;
    for await (const values of rows(kind)) {
      sheet.addRow(values).commit();
      written++;
    }
    addValidations(sheet, spec, written + 1 + ROOM_TO_GROW);
    sheet.commit();
  }
  await workbook.commit();
}

/**
 * Drop-down lists for the enumeration columns, down to a bounded row: a range to the sheet's
 * end makes some readers (exceljs's own among them) expand a million cells.
 */
function addValidations(sheet: ExcelJS.Worksheet, spec: SheetSpec, lastRow: number): void {
  spec.columns.forEach((column, index) => {
    if (!column.enumeration) return;
    const list = column.enumeration.values.map((value) => `${column.enumeration!.labels[value]} ${value}`).join(',');
    if (list.length > MAX_LIST_FORMULA) return;
    const letter = columnLetter(index + 1);
    // The streaming writer supports validations; its typings omit them.
    (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`"${list}"`],
      showErrorMessage: true,
      errorTitle: '无效 Invalid',
      error: `${column.zh} / ${column.en}`,
    });
  });
}

/** The template: each sheet's example row. Imported as it is, it loads a one-station district. */
export async function writeNetworkTemplate(target: string | Writable): Promise<void> {
  await writeNetworkWorkbook(target, (kind) => [SHEETS[kind].example.map((value) => (value === '' ? null : value))]);
}
