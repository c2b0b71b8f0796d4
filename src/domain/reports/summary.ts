// What the chat summary says, as data: the headline rates of the month, how each moved
// against the previous month (in percentage points), the most overdue cases and the
// hot topics. src/reports/summary.ts words it in the reader's language.
import type { Figures, Rate } from './figures.js';
import type { MonthlyReport, NamedHotTopic } from './report.js';
import type { OverdueCase } from './figures.js';

export const HEADLINE_RATES = ['closureRate', 'onTimeRate', 'responseRate', 'satisfactionFirstRound'] as const;
export type HeadlineRate = (typeof HEADLINE_RATES)[number];

export interface RateChange {
  figure: HeadlineRate;
  previous: Rate;
  current: Rate;
  /** Percentage points; null when either month has no denominator. */
  deltaPoints: number | null;
}

export interface ReportSummary {
  month: MonthlyReport['month'];
  figures: Figures;
  changes: RateChange[];
  mostOverdue: OverdueCase[];
  hotTopics: NamedHotTopic[];
}

export function summarizeReport(report: MonthlyReport, hotTopicCount = 5): ReportSummary {
  const current = report.totals.month;
  const previous = report.totals.previousMonth;
  return {
    month: report.month,
    figures: current,
    changes: HEADLINE_RATES.map((figure) => {
      const now = current[figure].value;
      const before = previous[figure].value;
      return {
        figure,
        previous: previous[figure],
        current: current[figure],
        deltaPoints: now === null || before === null ? null : Math.round((now - before) * 10000) / 100,
      };
    }),
    mostOverdue: report.mostOverdue.slice(0, 5),
    hotTopics: report.hotTopics.slice(0, hotTopicCount),
  };
}
