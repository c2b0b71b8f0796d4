// The report as a Markdown document: the summary table (month, previous month, year to
// date), one table per breakdown, the most overdue cases and the hot topics.
import { DIMENSIONS } from '../domain/reports/figures.js';
import { PERIOD_NAMES } from '../domain/reports/period.js';
import type { MonthlyReport } from '../domain/reports/report.js';
import { DIMENSION_LABEL_KEYS, PERIOD_LABEL_KEYS, formatHours, formatRate, localName, scopeName, type LocaleT } from './labels.js';
import type { Figures } from '../domain/reports/figures.js';

function cell(text: string | number): string {
  return String(text).replaceAll('|', '\\|').replace(/\s+/g, ' ');
}

function table(header: string[], rows: (string | number)[][]): string[] {
  return [`| ${header.map(cell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

/** The summary rows: counts as numbers, rates with numerator and denominator, durations in hours. */
function summaryRows(t: LocaleT): [string, (f: Figures) => string | number][] {
  return [
    [t('report-figure-received'), (f) => f.received],
    [t('report-figure-answered-on-the-spot'), (f) => f.answeredOnTheSpot],
    [t('report-figure-referred'), (f) => f.referred],
    [t('report-figure-escalated'), (f) => f.escalated],
    [t('report-figure-closed'), (f) => f.closed],
    [t('report-figure-closure-rate'), (f) => formatRate(f.closureRate)],
    [t('report-figure-on-time-rate'), (f) => formatRate(f.onTimeRate)],
    [t('report-figure-response-rate'), (f) => formatRate(f.responseRate)],
    [t('report-figure-open'), (f) => f.open],
    [t('report-figure-overdue'), (f) => f.overdue],
    [t('report-figure-overdue-share'), (f) => formatRate(f.overdueShare)],
    [t('report-figure-satisfaction-first-round'), (f) => formatRate(f.satisfactionFirstRound)],
    [t('report-figure-satisfaction-second-round'), (f) => formatRate(f.satisfactionSecondRound)],
    [t('report-figure-response-median'), (f) => formatHours(f.timeToFirstResponseHours.median)],
    [t('report-figure-response-p90'), (f) => formatHours(f.timeToFirstResponseHours.p90)],
    [t('report-figure-close-median'), (f) => formatHours(f.timeToCloseHours.median)],
    [t('report-figure-close-p90'), (f) => formatHours(f.timeToCloseHours.p90)],
  ];
}

export function renderMarkdown(report: MonthlyReport, t: LocaleT, locale: string): string {
  const lines = [`# ${t('report-title', { scope: scopeName(report, t, locale), month: report.month })}`, ''];
  lines.push(`## ${t('report-sheet-summary')}`, '');
  lines.push(
    ...table(
      [t('report-column-figure'), ...PERIOD_NAMES.map((p) => t(PERIOD_LABEL_KEYS[p]))],
      summaryRows(t).map(([label, value]) => [label, ...PERIOD_NAMES.map((p) => value(report.totals[p]))]),
    ),
    '',
  );
  for (const dimension of DIMENSIONS) {
    const rows = report.breakdowns[dimension];
    if (rows.length === 0) continue;
    lines.push(`## ${t(DIMENSION_LABEL_KEYS[dimension])}`, '');
    lines.push(
      ...table(
        [
          t('report-column-name'),
          t('report-figure-received'),
          t('report-figure-closed'),
          `${t('report-figure-closure-rate')} · ${t('report-period-month')}`,
          `${t('report-figure-closure-rate')} · ${t('report-period-previous-month')}`,
          `${t('report-figure-closure-rate')} · ${t('report-period-year-to-date')}`,
          t('report-figure-on-time-rate'),
          t('report-figure-response-rate'),
          t('report-figure-overdue-share'),
          t('report-figure-satisfaction-first-round'),
          t('report-figure-satisfaction-second-round'),
        ],
        rows.map((row) => [
          localName(row, locale),
          row.month.received,
          row.month.closed,
          formatRate(row.month.closureRate),
          formatRate(row.previousMonth.closureRate),
          formatRate(row.yearToDate.closureRate),
          formatRate(row.month.onTimeRate),
          formatRate(row.month.responseRate),
          formatRate(row.month.overdueShare),
          formatRate(row.month.satisfactionFirstRound),
          formatRate(row.month.satisfactionSecondRound),
        ]),
      ),
      '',
    );
  }
  lines.push(`## ${t('report-sheet-overdue')}`, '');
  if (report.mostOverdue.length === 0) lines.push(t('report-summary-overdue-none'), '');
  else lines.push(...table([t('report-column-tracking-no'), t('report-column-days-overdue')], report.mostOverdue.map((c) => [c.trackingNo, c.daysOverdue])), '');
  lines.push(`## ${t('report-sheet-hot-topics')}`, '');
  if (report.hotTopics.length === 0) lines.push(t('report-summary-hot-topics-none'), '');
  else
    lines.push(
      ...table(
        [t('report-column-size'), t('report-column-category'), t('report-column-street'), t('report-column-representative'), t('report-column-stations'), t('report-column-proposal-candidate')],
        report.hotTopics.map((topic) => [
          topic.size,
          localName(topic.category, locale),
          topic.street ? localName(topic.street, locale) : '—',
          `${topic.representative.trackingNo} ${topic.representative.text}`,
          topic.stations.map((s) => localName(s, locale)).join('、'),
          t(topic.proposalCandidate ? 'report-yes' : 'report-no'),
        ]),
      ),
      '',
    );
  return lines.join('\n');
}
