// The report as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read the Chinese
// names): the closure figures as one table — a row per scope or breakdown key and period,
// every figure a column, rates as numerator, denominator and rate (empty when the
// denominator is 0) — then, after an empty line each, the proposals, the representatives'
// activity and the station network as tables of their own, in the same shape.
import { DIMENSIONS } from '../domain/reports/figures.js';
import { PERIOD_NAMES, type PeriodName } from '../domain/reports/period.js';
import type { MonthlyReport } from '../domain/reports/report.js';
import { STATION_TIERS } from '../domain/reports/stations.js';
import { FIGURE_COLUMNS, PROPOSAL_COLUMNS, REPRESENTATIVE_COLUMNS, type FigureColumn } from './labels.js';

function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (values: (string | number | boolean | null)[]) => values.map(field).join(',');

/** One table: a row per (dimension, key) and period. */
function figureTable<F>(
  report: MonthlyReport,
  columns: readonly FigureColumn<F>[],
  entries: { dimension: string; id: number | null; nameZh: string; nameEn: string; byPeriod: Record<PeriodName, F> }[],
): string[] {
  const lines = [line(['month', 'dimension', 'id', 'name_zh', 'name_en', 'period', ...columns.map((c) => c.id)])];
  for (const entry of entries) {
    for (const period of PERIOD_NAMES) {
      lines.push(line([report.span.label, entry.dimension, entry.id, entry.nameZh, entry.nameEn, period, ...columns.map((c) => c.value(entry.byPeriod[period]))]));
    }
  }
  return lines;
}

export function renderCsv(report: MonthlyReport): string {
  const scope = report.street ?? { id: null, nameZh: '全区', nameEn: 'District' };
  const scopeEntry = { dimension: report.street ? 'street_scope' : 'district', id: scope.id, nameZh: scope.nameZh, nameEn: scope.nameEn };
  const tables: string[][] = [
    figureTable(report, FIGURE_COLUMNS, [
      { ...scopeEntry, byPeriod: report.totals },
      ...DIMENSIONS.flatMap((dimension) => report.breakdowns[dimension].map((row) => ({ dimension, id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, byPeriod: row }))),
    ]),
  ];
  if (report.proposals) {
    tables.push(
      figureTable(report, PROPOSAL_COLUMNS, [
        { ...scopeEntry, dimension: 'proposals', byPeriod: report.proposals.totals },
        ...report.proposals.byAgency.map((row) => ({ dimension: 'proposal_lead_agency', id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, byPeriod: row })),
      ]),
    );
  }
  tables.push(
    figureTable(report, REPRESENTATIVE_COLUMNS, [
      { ...scopeEntry, dimension: 'representatives', byPeriod: report.representatives.totals },
      ...report.representatives.byRepresentative.map((row) => ({ dimension: 'representative', id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, byPeriod: row })),
    ]),
  );
  const network = [line(['month', 'period', 'figure', ...STATION_TIERS.map((tier) => tier.toLowerCase()), 'total', 'little_used'])];
  for (const period of PERIOD_NAMES) {
    const totals = report.stationNetwork.totals[period];
    for (const [figure, counts] of [['stations_at_cutoff', totals.atCutoff], ['stations_opened', totals.opened], ['stations_closed', totals.closed]] as const) {
      network.push(line([report.span.label, period, figure, ...STATION_TIERS.map((tier) => counts[tier]), counts.total, figure === 'stations_at_cutoff' ? totals.littleUsed : null]));
    }
  }
  tables.push(network);
  tables.push([
    line(['month', 'station_id', 'name_zh', 'name_en', 'tier', 'opinions', 'receptions', 'residents_received', 'little_used']),
    ...report.stationNetwork.stations.map((s) => line([report.span.label, s.id, s.nameZh, s.nameEn, s.tier, s.opinions, s.receptions, s.residentsReceived, s.littleUsed])),
  ]);
  return `\uFEFF${tables.map((table) => table.join('\r\n')).join('\r\n\r\n')}\r\n`;
}
