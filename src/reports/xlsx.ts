// The report as a spreadsheet: the summary sheet first (figures × month / previous month /
// year to date), then one sheet per breakdown (a row per key and period), the most
// overdue cases and the hot topics. Rates come as numerator, denominator and rate
// columns; a rate with a zero denominator is the text "—".
import ExcelJS from 'exceljs';
import { DIMENSIONS } from '../domain/reports/figures.js';
import { PERIOD_NAMES } from '../domain/reports/period.js';
import type { MonthlyReport } from '../domain/reports/report.js';
import { DIMENSION_LABEL_KEYS, FIGURE_COLUMNS, NOT_AVAILABLE, PERIOD_LABEL_KEYS, localName, type FigureColumn, type LocaleT } from './labels.js';
import type { Figures } from '../domain/reports/figures.js';

const NUMBER_FORMATS = { count: '0', percent: '0.0%', hours: '0.0' } as const;

function writeFigure(cell: ExcelJS.Cell, column: FigureColumn, figures: Figures): void {
  const value = column.value(figures);
  if (value === null) {
    cell.value = NOT_AVAILABLE;
    cell.alignment = { horizontal: 'right' };
  } else {
    cell.value = value;
    cell.numFmt = NUMBER_FORMATS[column.kind];
  }
}

function boldHeader(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function renderXlsx(report: MonthlyReport, t: LocaleT, locale: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'minyi';
  // Fixed, so the same report gives the same file.
  workbook.created = report.periods.month.cutoff;
  workbook.modified = report.periods.month.cutoff;

  const summary = workbook.addWorksheet(t('report-sheet-summary'));
  summary.columns = [{ width: 36 }, ...PERIOD_NAMES.map(() => ({ width: 16 }))];
  summary.addRow([t('report-column-figure'), ...PERIOD_NAMES.map((p) => t(PERIOD_LABEL_KEYS[p]))]);
  for (const column of FIGURE_COLUMNS) {
    const row = summary.addRow([column.label(t)]);
    PERIOD_NAMES.forEach((period, index) => writeFigure(row.getCell(index + 2), column, report.totals[period]));
  }
  boldHeader(summary);

  for (const dimension of DIMENSIONS) {
    const sheet = workbook.addWorksheet(t(DIMENSION_LABEL_KEYS[dimension]));
    sheet.columns = [{ width: 24 }, { width: 12 }, ...FIGURE_COLUMNS.map(() => ({ width: 14 }))];
    sheet.addRow([t('report-column-name'), t('report-column-period'), ...FIGURE_COLUMNS.map((c) => c.label(t))]);
    for (const entry of report.breakdowns[dimension]) {
      for (const period of PERIOD_NAMES) {
        const row = sheet.addRow([localName(entry, locale), t(PERIOD_LABEL_KEYS[period])]);
        FIGURE_COLUMNS.forEach((column, index) => writeFigure(row.getCell(index + 3), column, entry[period]));
      }
    }
    boldHeader(sheet);
  }

  const overdue = workbook.addWorksheet(t('report-sheet-overdue'));
  overdue.columns = [{ width: 18 }, { width: 12 }];
  overdue.addRow([t('report-column-tracking-no'), t('report-column-days-overdue')]);
  for (const c of report.mostOverdue) overdue.addRow([c.trackingNo, c.daysOverdue]);
  boldHeader(overdue);

  const topics = workbook.addWorksheet(t('report-sheet-hot-topics'));
  topics.columns = [{ width: 8 }, { width: 14 }, { width: 14 }, { width: 18 }, { width: 60 }, { width: 30 }, { width: 24 }, { width: 12 }];
  topics.addRow([
    t('report-column-size'),
    t('report-column-category'),
    t('report-column-street'),
    t('report-column-tracking-no'),
    t('report-column-representative'),
    t('report-column-stations'),
    t('report-column-keywords'),
    t('report-column-proposal-candidate'),
  ]);
  for (const topic of report.hotTopics) {
    topics.addRow([
      topic.size,
      localName(topic.category, locale),
      topic.street ? localName(topic.street, locale) : NOT_AVAILABLE,
      topic.representative.trackingNo,
      topic.representative.text,
      topic.stations.map((s) => localName(s, locale)).join('、'),
      topic.keywords.join(' '),
      t(topic.proposalCandidate ? 'report-yes' : 'report-no'),
    ]);
  }
  boldHeader(topics);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
