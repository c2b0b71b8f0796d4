// The two files that go with a report in chat: the spreadsheet and the chart, in one
// language, with their file names.
import type { MonthlyReport } from '../domain/reports/report.js';
import { renderChartPng } from './chart.js';
import { periodSlug, type LocaleT } from './labels.js';
import { renderXlsx } from './xlsx.js';

export interface ReportAttachments {
  xlsx: { data: Buffer; filename: string };
  chart: { data: Buffer; filename: string };
}

/** `district` or `street-<id>`: names the files of one scope. */
export function scopeSlug(report: MonthlyReport): string {
  return report.street ? `street-${report.street.id}` : 'district';
}

export async function renderAttachments(report: MonthlyReport, t: LocaleT, locale: string): Promise<ReportAttachments> {
  const base = `minyi-${periodSlug(report.span)}-${scopeSlug(report)}-${locale}`;
  return {
    xlsx: { data: await renderXlsx(report, t, locale), filename: `${base}.xlsx` },
    chart: { data: await renderChartPng(report, t, locale), filename: `${base}.png` },
  };
}
