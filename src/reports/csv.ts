// The report as one CSV table (RFC 4180, UTF-8 with BOM so spreadsheet programs read the
// Chinese names): a row per scope or breakdown key and period, every figure a column,
// rates as numerator, denominator and rate (empty when the denominator is 0).
import { DIMENSIONS } from '../domain/reports/figures.js';
import { PERIOD_NAMES } from '../domain/reports/period.js';
import type { MonthlyReport } from '../domain/reports/report.js';
import { FIGURE_COLUMNS } from './labels.js';
import type { Figures } from '../domain/reports/figures.js';

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderCsv(report: MonthlyReport): string {
  const header = ['month', 'dimension', 'id', 'name_zh', 'name_en', 'period', ...FIGURE_COLUMNS.map((c) => c.id)];
  const lines = [header.join(',')];
  const push = (dimension: string, id: number | null, nameZh: string, nameEn: string, byPeriod: Record<(typeof PERIOD_NAMES)[number], Figures>) => {
    for (const period of PERIOD_NAMES) {
      lines.push([report.month, dimension, id, nameZh, nameEn, period, ...FIGURE_COLUMNS.map((c) => c.value(byPeriod[period]))].map(field).join(','));
    }
  };
  const scope = report.street ?? { id: null, nameZh: '全区', nameEn: 'District' };
  push(report.street ? 'street_scope' : 'district', scope.id, scope.nameZh, scope.nameEn, report.totals);
  for (const dimension of DIMENSIONS) for (const row of report.breakdowns[dimension]) push(dimension, row.id, row.nameZh, row.nameEn, row);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
