// The report as JSON: the domain's own shape, dates as ISO strings.
import type { MonthlyReport } from '../domain/reports/report.js';

export function renderJson(report: MonthlyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
