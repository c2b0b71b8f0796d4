// Output formats of the monthly report, chosen by name (CLI --format).
import type { MonthlyReport } from '../domain/reports/report.js';
import type { Translate } from '../i18n/index.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { localeT } from './labels.js';
import { renderMarkdown } from './markdown.js';
import { renderXlsx } from './xlsx.js';

export const REPORT_FORMATS = ['md', 'csv', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export async function renderReport(report: MonthlyReport, format: ReportFormat, translate: Translate, locale: string): Promise<Buffer> {
  const t = localeT(translate, locale);
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(report, t, locale));
    case 'csv':
      return Buffer.from(renderCsv(report));
    case 'json':
      return Buffer.from(renderJson(report));
    case 'xlsx':
      return renderXlsx(report, t, locale);
  }
}
