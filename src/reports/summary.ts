// The short chat summary of a report, in one language.
import { summarizeReport, type HeadlineRate } from '../domain/reports/summary.js';
import type { MonthlyReport } from '../domain/reports/report.js';
import { formatPercent, formatRate, localName, periodWording, reportTitle, type LocaleT } from './labels.js';

const RATE_LABEL_KEYS: Record<HeadlineRate, string> = {
  closureRate: 'report-figure-closure-rate',
  onTimeRate: 'report-figure-on-time-rate',
  responseRate: 'report-figure-response-rate',
  satisfactionFirstRound: 'report-figure-satisfaction-first-round',
};

/** Longest representative text quoted in chat; the spreadsheet has it whole. */
const QUOTE_LENGTH = 40;

function quote(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > QUOTE_LENGTH ? `${chars.slice(0, QUOTE_LENGTH).join('')}…` : chars.join('');
}

export function renderSummary(report: MonthlyReport, t: LocaleT, locale: string): string {
  const summary = summarizeReport(report);
  const f = summary.figures;
  const lines = [
    `📊 ${reportTitle(report, t, locale)}`,
    '',
    t('report-summary-headline', {
      received: f.received,
      closed: f.closed,
      closureRate: formatRate(f.closureRate),
      onTimeRate: formatRate(f.onTimeRate),
      responseRate: formatRate(f.responseRate),
      satisfactionFirst: formatRate(f.satisfactionFirstRound),
      satisfactionSecond: formatRate(f.satisfactionSecondRound),
      overdue: f.overdue,
      overdueShare: formatRate(f.overdueShare),
    }),
    t('report-summary-opinions-extra', {
      onTheSpot: f.answeredOnTheSpot,
      onTheSpotShare: formatRate(f.answeredOnTheSpotShare),
      answerRate: formatRate(f.answerRate),
      solved: f.solved,
      solvedRate: formatRate(f.solvedRate),
    }),
    '',
    t(periodWording(report, 'report-summary-changes-title')),
    ...summary.changes.map((change) =>
      t('report-summary-change', {
        figure: t(RATE_LABEL_KEYS[change.figure]),
        from: formatPercent(change.previous.value),
        to: formatPercent(change.current.value),
        delta:
          change.deltaPoints === null
            ? t('report-summary-no-comparison')
            : t('report-summary-points', { delta: `${change.deltaPoints > 0 ? '+' : change.deltaPoints < 0 ? '−' : '±'}${Math.abs(change.deltaPoints).toFixed(2)}` }),
      }),
    ),
    '',
  ];
  lines.push(...representativesWork(report, t), '');
  if (summary.mostOverdue.length === 0) lines.push(t('report-summary-overdue-none'));
  else {
    lines.push(t('report-summary-overdue-title'));
    for (const c of summary.mostOverdue) lines.push(t('report-summary-overdue-item', { trackingNo: c.trackingNo, days: c.daysOverdue }));
  }
  lines.push('');
  if (summary.hotTopics.length === 0) lines.push(t(periodWording(report, 'report-summary-hot-topics-none')));
  else {
    lines.push(t('report-summary-hot-topics-title'));
    for (const topic of summary.hotTopics) {
      const line = t('report-summary-hot-topic', {
        size: topic.size,
        category: localName(topic.category, locale),
        street: topic.street ? localName(topic.street, locale) : '—',
        text: quote(topic.representative.text),
      });
      lines.push(topic.proposalCandidate ? `${line} ${t('report-summary-hot-topic-candidate')}` : line);
    }
  }
  return lines.join('\n');
}

/** The proposals (district report only), the representatives' activity and the station network, a line each. */
function representativesWork(report: MonthlyReport, t: LocaleT): string[] {
  const lines: string[] = [];
  const p = report.proposals?.totals.month;
  if (p) {
    lines.push(
      t('report-summary-proposals', {
        received: p.received,
        assigned: p.assigned,
        answerRate: formatRate(p.answerRate),
        withinLimitRate: formatRate(p.withinLimitRate),
        first: formatRate(p.satisfactionFirst),
        second: formatRate(p.satisfactionSecond),
        implementation: formatRate(p.implementationRate),
        carriedOver: formatRate(p.carriedOverClosureRate),
        key: p.key,
      }),
    );
  }
  const r = report.representatives.totals.month;
  lines.push(
    t('report-summary-representatives', {
      visits: r.visits,
      leader: r.leaderReceptions,
      residents: r.residentsReceived,
      opinions: r.opinionsCollected,
      answered: r.answeredOnTheSpot,
      referred: r.referred,
    }),
  );
  const n = report.stationNetwork.totals.month;
  lines.push(
    t('report-summary-stations', {
      total: n.atCutoff.total,
      home: n.atCutoff.HOME,
      station: n.atCutoff.STATION,
      point: n.atCutoff.POINT,
      opened: n.opened.total,
      closed: n.closed.total,
      littleUsed: n.littleUsed,
    }),
  );
  return lines;
}
