// The report as a spreadsheet: the summary sheet first (figures × month / previous month /
// year to date), then one sheet per breakdown (a row per key and period), the most
// overdue cases, the hot topics, the proposals (summary and per lead agency), the
// representatives' activity and the station network. Rates come as numerator, denominator and rate
// columns; a rate with a zero denominator is the text "—".
import type ExcelJS from 'exceljs';
import { DIMENSIONS } from '../domain/reports/figures.js';
import { PERIOD_NAMES } from '../domain/reports/period.js';
import type { MonthlyReport } from '../domain/reports/report.js';
import {
  DIMENSION_LABEL_KEYS,
  FIGURE_COLUMNS,
  NOT_AVAILABLE,
  PROPOSAL_COLUMNS,
  REPRESENTATIVE_COLUMNS,
  TIER_LABEL_KEYS,
  localName,
  periodLabel,
  type FigureColumn,
  type LocaleT,
} from './labels.js';
import { STATION_TIERS } from '../domain/reports/stations.js';
import type { Named } from '../domain/reports/report.js';
import type { PeriodName } from '../domain/reports/period.js';

const NUMBER_FORMATS = { count: '0', percent: '0.00%', hours: '0.0' } as const;

function writeFigure<F>(cell: ExcelJS.Cell, column: FigureColumn<F>, figures: F): void {
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
  // Loaded when a spreadsheet is made: exceljs is the heaviest module to load, and most starts never need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'minyi';
  // Fixed, so the same report gives the same file.
  workbook.created = report.periods.month.cutoff;
  workbook.modified = report.periods.month.cutoff;

  const summary = workbook.addWorksheet(t('report-sheet-summary'));
  summary.columns = [{ width: 36 }, ...PERIOD_NAMES.map(() => ({ width: 16 }))];
  const periodHeader = PERIOD_NAMES.map((p) => periodLabel(report, p, t));
  /** A sheet of figures × the three periods. */
  const figuresSheet = <F>(name: string, columns: readonly FigureColumn<F>[], totals: Record<PeriodName, F>) => {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = [{ width: 36 }, ...PERIOD_NAMES.map(() => ({ width: 16 }))];
    sheet.addRow([t('report-column-figure'), ...periodHeader]);
    for (const column of columns) {
      const row = sheet.addRow([column.label(t)]);
      PERIOD_NAMES.forEach((period, index) => writeFigure(row.getCell(index + 2), column, totals[period]));
    }
    boldHeader(sheet);
  };
  /** A sheet with a row per key and period. */
  const breakdownSheet = <F>(name: string, keyLabel: string, columns: readonly FigureColumn<F>[], rows: (Named & Record<PeriodName, F>)[]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = [{ width: 24 }, { width: 12 }, ...columns.map(() => ({ width: 14 }))];
    sheet.addRow([keyLabel, t('report-column-period'), ...columns.map((c) => c.label(t))]);
    for (const entry of rows) {
      PERIOD_NAMES.forEach((period, p) => {
        const row = sheet.addRow([localName(entry, locale), periodHeader[p]]);
        columns.forEach((column, index) => writeFigure(row.getCell(index + 3), column, entry[period]));
      });
    }
    boldHeader(sheet);
  };
  summary.addRow([t('report-column-figure'), ...periodHeader]);
  for (const column of FIGURE_COLUMNS) {
    const row = summary.addRow([column.label(t)]);
    PERIOD_NAMES.forEach((period, index) => writeFigure(row.getCell(index + 2), column, report.totals[period]));
  }
  boldHeader(summary);

  for (const dimension of DIMENSIONS) breakdownSheet(t(DIMENSION_LABEL_KEYS[dimension]), t('report-column-name'), FIGURE_COLUMNS, report.breakdowns[dimension]);

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

  if (report.proposals) {
    figuresSheet(t('report-sheet-proposals'), PROPOSAL_COLUMNS, report.proposals.totals);
    breakdownSheet(t('report-sheet-proposal-agencies'), t('report-dimension-lead-agency'), PROPOSAL_COLUMNS, report.proposals.byAgency);
  }
  figuresSheet(t('report-sheet-representatives'), REPRESENTATIVE_COLUMNS, report.representatives.totals);
  breakdownSheet(t('report-dimension-representative'), t('report-dimension-representative'), REPRESENTATIVE_COLUMNS, report.representatives.byRepresentative);

  const network = workbook.addWorksheet(t('report-sheet-stations'));
  network.columns = [{ width: 24 }, { width: 14 }, ...STATION_TIERS.map(() => ({ width: 16 })), { width: 12 }, { width: 16 }];
  network.addRow([t('report-column-period'), t('report-column-figure'), ...STATION_TIERS.map((tier) => t(TIER_LABEL_KEYS[tier])), t('report-station-total'), t('report-station-little-used')]);
  PERIOD_NAMES.forEach((period, p) => {
    const totals = report.stationNetwork.totals[period];
    for (const [key, counts] of [['report-station-at-cutoff', totals.atCutoff], ['report-station-opened', totals.opened], ['report-station-closed', totals.closed]] as const) {
      network.addRow([periodHeader[p], t(key), ...STATION_TIERS.map((tier) => counts[tier]), counts.total, key === 'report-station-at-cutoff' ? totals.littleUsed : null]);
    }
  });
  boldHeader(network);
  const activity = workbook.addWorksheet(t('report-sheet-station-activity'));
  activity.columns = [{ width: 28 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 16 }, { width: 14 }];
  activity.addRow([t('report-dimension-station'), t('report-column-tier'), t('report-station-opinions'), t('report-station-receptions'), t('report-station-residents'), t('report-station-little-used')]);
  for (const s of report.stationNetwork.stations) {
    activity.addRow([localName(s, locale), t(TIER_LABEL_KEYS[s.tier]), s.opinions, s.receptions, s.residentsReceived, t(s.littleUsed ? 'report-yes' : 'report-no')]);
  }
  boldHeader(activity);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
