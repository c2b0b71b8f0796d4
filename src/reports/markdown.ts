// The report as a Markdown document: the summary table (month, previous month, year to
// date), one table per breakdown, the most overdue cases, the hot topics, then the
// representatives' proposals, their activity and the station network.
import { DIMENSIONS } from '../domain/reports/figures.js';
import { PERIOD_NAMES } from '../domain/reports/period.js';
import type { MonthlyReport } from '../domain/reports/report.js';
import {
  DIMENSION_LABEL_KEYS,
  PROPOSAL_COLUMNS,
  REPRESENTATIVE_COLUMNS,
  TIER_LABEL_KEYS,
  formatHours,
  formatRate,
  localName,
  periodLabel,
  periodWording,
  reportTitle,
  type FigureColumn,
  type LocaleT,
} from './labels.js';
import { STATION_TIERS } from '../domain/reports/stations.js';
import type { Rate } from '../domain/reports/figures.js';
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
    [t('report-figure-answered-on-the-spot-share'), (f) => formatRate(f.answeredOnTheSpotShare)],
    [t('report-figure-answer-rate'), (f) => formatRate(f.answerRate)],
    [t('report-figure-solved'), (f) => f.solved],
    [t('report-figure-solved-rate'), (f) => formatRate(f.solvedRate)],
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
  const periodHeader = PERIOD_NAMES.map((p) => periodLabel(report, p, t));
  const lines = [`# ${reportTitle(report, t, locale)}`, ''];
  lines.push(`## ${t('report-sheet-summary')}`, '');
  lines.push(
    ...table(
      [t('report-column-figure'), ...periodHeader],
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
          ...periodHeader.map((label) => `${t('report-figure-closure-rate')} · ${label}`),
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
  if (report.hotTopics.length === 0) lines.push(t(periodWording(report, 'report-summary-hot-topics-none')), '');
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
  lines.push(...newSections(report, t, locale, periodHeader));
  return lines.join('\n');
}

/** A column's value as text: rates with numerator and denominator. */
function shown<F>(columns: readonly FigureColumn<F>[]): { label: (t: LocaleT) => string; text: (f: F) => string | number }[] {
  // Rates come as numerator, denominator, rate columns: show them as one "98.96% (380/384)".
  const out: { label: (t: LocaleT) => string; text: (f: F) => string | number }[] = [];
  for (let i = 0; i < columns.length; i += 1) {
    const column = columns[i]!;
    if (column.id.endsWith('_numerator')) {
      const [numerator, denominator, value] = [column, columns[i + 1]!, columns[i + 2]!];
      out.push({
        label: (t) => value.label(t),
        text: (f) => formatRate({ numerator: numerator.value(f) ?? 0, denominator: denominator.value(f) ?? 0, value: value.value(f) } satisfies Rate),
      });
      i += 2;
    } else out.push({ label: (t) => column.label(t), text: (f) => column.value(f) ?? '—' });
  }
  return out;
}

function newSections(report: MonthlyReport, t: LocaleT, locale: string, periodHeader: string[]): string[] {
  const lines: string[] = [];
  if (report.proposals) {
    const proposals = report.proposals;
    const columns = shown(PROPOSAL_COLUMNS);
    lines.push(`## ${t('report-sheet-proposals')}`, '');
    lines.push(...table([t('report-column-figure'), ...periodHeader], columns.map((c) => [c.label(t), ...PERIOD_NAMES.map((p) => c.text(proposals.totals[p]))])), '');
    if (proposals.byAgency.length > 0) {
      lines.push(`## ${t('report-sheet-proposal-agencies')} · ${periodHeader[0]}`, '');
      lines.push(...table([t('report-dimension-lead-agency'), ...columns.map((c) => c.label(t))], proposals.byAgency.map((row) => [localName(row, locale), ...columns.map((c) => c.text(row.month))])), '');
    }
  }
  const representatives = shown(REPRESENTATIVE_COLUMNS);
  lines.push(`## ${t('report-sheet-representatives')}`, '');
  lines.push(
    ...table([t('report-column-figure'), ...periodHeader], representatives.map((c) => [c.label(t), ...PERIOD_NAMES.map((p) => c.text(report.representatives.totals[p]))])),
    '',
  );
  if (report.representatives.byRepresentative.length > 0) {
    lines.push(
      ...table(
        [t('report-dimension-representative'), ...representatives.map((c) => c.label(t))],
        report.representatives.byRepresentative.map((row) => [localName(row, locale), ...representatives.map((c) => c.text(row.month))]),
      ),
      '',
    );
  }
  const network = report.stationNetwork;
  lines.push(`## ${t('report-sheet-stations')}`, '');
  lines.push(
    ...table(
      [t('report-column-tier'), t('report-station-at-cutoff'), t('report-station-opened'), t('report-station-closed')],
      [...STATION_TIERS.map((tier) => [t(TIER_LABEL_KEYS[tier]), tier] as const), [t('report-station-total'), 'total'] as const].map(([label, key]) => [
        label,
        network.totals.month.atCutoff[key],
        network.totals.month.opened[key],
        network.totals.month.closed[key],
      ]),
    ),
    '',
    `${t('report-station-little-used')}: ${network.totals.month.littleUsed}`,
    '',
  );
  if (network.stations.length > 0) {
    lines.push(
      ...table(
        [t('report-dimension-station'), t('report-column-tier'), t('report-station-opinions'), t('report-station-receptions'), t('report-station-residents'), t('report-station-little-used')],
        network.stations.map((s) => [localName(s, locale), t(TIER_LABEL_KEYS[s.tier]), s.opinions, s.receptions, s.residentsReceived, t(s.littleUsed ? 'report-yes' : 'report-no')]),
      ),
      '',
    );
  }
  return lines;
}
