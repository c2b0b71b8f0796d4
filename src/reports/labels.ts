// How figures read: rates as "42.86% (3/7)" — two decimals, as the seeds print them —
// with "—" for a zero denominator, hours with one decimal, and the columns every tabular
// format (CSV, spreadsheet) shares.
import type { Figures, Rate, Spread } from '../domain/reports/figures.js';
import type { PeriodName, ReportSpan } from '../domain/reports/period.js';
import type { ProposalFigures } from '../domain/reports/proposals.js';
import type { RepresentativeFigures } from '../domain/reports/representatives.js';
import type { MonthlyReport } from '../domain/reports/report.js';
import type { Translate } from '../i18n/index.js';

/** Shown for a rate with a zero denominator or a duration with nothing measured. */
export const NOT_AVAILABLE = '—';

export function formatPercent(value: number | null): string {
  return value === null ? NOT_AVAILABLE : `${(value * 100).toFixed(2)}%`;
}

export function formatRate(rate: Rate): string {
  return `${formatPercent(rate.value)} (${rate.numerator}/${rate.denominator})`;
}

export function formatHours(hours: number | null): string {
  return hours === null ? NOT_AVAILABLE : hours.toFixed(1);
}

type RateFigure<F> = { [K in keyof F]: F[K] extends Rate ? K : never }[keyof F];
type CountFigure<F> = { [K in keyof F]: F[K] extends number ? K : never }[keyof F];
type SpreadFigure = { [K in keyof Figures]: Figures[K] extends Spread ? K : never }[keyof Figures];

export type FigureKind = 'count' | 'percent' | 'hours';

/** One column of a table of figures: a machine id (CSV header), a label key and the value. */
export interface FigureColumn<F = Figures> {
  id: string;
  kind: FigureKind;
  label(t: (key: string, vars?: Record<string, string>) => string): string;
  value(figures: F): number | null;
}

const count = <F = Figures>(id: string, figure: CountFigure<F>, key: string): FigureColumn<F> => ({ id, kind: 'count', label: (t) => t(key), value: (f) => f[figure] as number });

const rateColumns = <F = Figures>(id: string, figure: RateFigure<F>, key: string): FigureColumn<F>[] => [
  { id: `${id}_numerator`, kind: 'count', label: (t) => t('report-part-numerator', { figure: t(key) }), value: (f) => (f[figure] as Rate).numerator },
  { id: `${id}_denominator`, kind: 'count', label: (t) => t('report-part-denominator', { figure: t(key) }), value: (f) => (f[figure] as Rate).denominator },
  { id, kind: 'percent', label: (t) => t(key), value: (f) => (f[figure] as Rate).value },
];

const spread = (id: string, figure: SpreadFigure, part: keyof Spread, key: string): FigureColumn => ({
  id,
  kind: 'hours',
  label: (t) => t(key),
  value: (f) => f[figure][part],
});

/** Every figure, rates as numerator, denominator and rate, in the report's order. */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  count('received', 'received', 'report-figure-received'),
  count('answered_on_the_spot', 'answeredOnTheSpot', 'report-figure-answered-on-the-spot'),
  ...rateColumns('answered_on_the_spot_share', 'answeredOnTheSpotShare', 'report-figure-answered-on-the-spot-share'),
  ...rateColumns('answer_rate', 'answerRate', 'report-figure-answer-rate'),
  count('solved', 'solved', 'report-figure-solved'),
  ...rateColumns('solved_rate', 'solvedRate', 'report-figure-solved-rate'),
  count('referred', 'referred', 'report-figure-referred'),
  count('escalated', 'escalated', 'report-figure-escalated'),
  count('closed', 'closed', 'report-figure-closed'),
  ...rateColumns('closure_rate', 'closureRate', 'report-figure-closure-rate'),
  ...rateColumns('on_time_rate', 'onTimeRate', 'report-figure-on-time-rate'),
  ...rateColumns('response_rate', 'responseRate', 'report-figure-response-rate'),
  count('open', 'open', 'report-figure-open'),
  count('overdue', 'overdue', 'report-figure-overdue'),
  ...rateColumns('overdue_share', 'overdueShare', 'report-figure-overdue-share'),
  ...rateColumns('satisfaction_first_round', 'satisfactionFirstRound', 'report-figure-satisfaction-first-round'),
  ...rateColumns('satisfaction_second_round', 'satisfactionSecondRound', 'report-figure-satisfaction-second-round'),
  spread('response_median_hours', 'timeToFirstResponseHours', 'median', 'report-figure-response-median'),
  spread('response_p90_hours', 'timeToFirstResponseHours', 'p90', 'report-figure-response-p90'),
  spread('close_median_hours', 'timeToCloseHours', 'median', 'report-figure-close-median'),
  spread('close_p90_hours', 'timeToCloseHours', 'p90', 'report-figure-close-p90'),
];

/** The proposals' figures (代表建议), in the report's order. */
export const PROPOSAL_COLUMNS: readonly FigureColumn<ProposalFigures>[] = [
  count<ProposalFigures>('proposals_received', 'received', 'report-proposal-received'),
  count<ProposalFigures>('proposals_closed', 'closed', 'report-proposal-closed'),
  ...rateColumns<ProposalFigures>('proposals_closure_rate', 'closureRate', 'report-proposal-closure-rate'),
  count<ProposalFigures>('proposals_assigned', 'assigned', 'report-proposal-assigned'),
  count<ProposalFigures>('proposals_answered', 'answered', 'report-proposal-answered'),
  count<ProposalFigures>('proposals_answered_within_limit', 'answeredWithinLimit', 'report-proposal-within-limit'),
  ...rateColumns<ProposalFigures>('proposals_answer_rate', 'answerRate', 'report-proposal-answer-rate'),
  ...rateColumns<ProposalFigures>('proposals_within_limit_rate', 'withinLimitRate', 'report-proposal-within-limit-rate'),
  ...rateColumns<ProposalFigures>('proposals_satisfaction_first', 'satisfactionFirst', 'report-proposal-satisfaction-first'),
  ...rateColumns<ProposalFigures>('proposals_satisfaction_second', 'satisfactionSecond', 'report-proposal-satisfaction-second'),
  ...rateColumns<ProposalFigures>('proposals_implementation_rate', 'implementationRate', 'report-proposal-implementation-rate'),
  ...rateColumns<ProposalFigures>('proposals_carried_over_closure_rate', 'carriedOverClosureRate', 'report-proposal-carried-over-closure-rate'),
  count<ProposalFigures>('proposals_key', 'key', 'report-proposal-key'),
  count<ProposalFigures>('proposals_co_handled', 'coHandled', 'report-proposal-co-handled'),
];

/** Representatives' activity (进家进站). */
export const REPRESENTATIVE_COLUMNS: readonly FigureColumn<RepresentativeFigures>[] = [
  count<RepresentativeFigures>('visits', 'visits', 'report-representative-visits'),
  count<RepresentativeFigures>('leader_receptions', 'leaderReceptions', 'report-representative-leader-receptions'),
  count<RepresentativeFigures>('residents_received', 'residentsReceived', 'report-representative-residents'),
  count<RepresentativeFigures>('opinions_collected', 'opinionsCollected', 'report-representative-opinions'),
  count<RepresentativeFigures>('answered_on_the_spot', 'answeredOnTheSpot', 'report-representative-answered'),
  count<RepresentativeFigures>('referred', 'referred', 'report-representative-referred'),
];

/** Translation bound to one locale, as the formats use it. */
export type LocaleT = (key: string, vars?: Record<string, string | number>) => string;

export function localeT(translate: Translate, locale: string): LocaleT {
  return (key, vars) => translate(locale, key, vars);
}

export function localName(named: { nameZh: string; nameEn: string }, locale: string): string {
  return locale === 'en' ? named.nameEn : named.nameZh;
}

export function scopeName(report: MonthlyReport, t: LocaleT, locale: string): string {
  return report.street ? localName(report.street, locale) : t('report-scope-district');
}

/** "District closure report, 2026-10" for a month; the period's label otherwise (2026Q3, 2026, 2026-01..2026-05). */
export function reportTitle(report: MonthlyReport, t: LocaleT, locale: string): string {
  const scope = scopeName(report, t, locale);
  return report.span.kind === 'month' ? t('report-title', { scope, month: report.month }) : t('report-title-period', { scope, period: report.span.label });
}

export const PERIOD_LABEL_KEYS = {
  month: 'report-period-month',
  previousMonth: 'report-period-previous-month',
  yearToDate: 'report-period-year-to-date',
} as const;

/** The period in a file name: 2026-10, 2026Q3, 2026-01_2026-05. */
export function periodSlug(span: ReportSpan): string {
  return span.label.replace(/[^0-9A-Za-z-]+/g, '_');
}

/** A text that says "month" in a month's report, and its `-period` twin in one of a quarter, a year or a range. */
export function periodWording(report: MonthlyReport, key: string): string {
  return report.span.kind === 'month' ? key : `${key}-period`;
}

/** "This month" for a month's report, "this period" for a quarter, a year or a range. */
export function periodLabel(report: MonthlyReport, period: PeriodName, t: LocaleT): string {
  if (report.span.kind === 'month' || period === 'yearToDate') return t(PERIOD_LABEL_KEYS[period]);
  return t(period === 'month' ? 'report-period-current' : 'report-period-previous');
}

export const TIER_LABEL_KEYS = {
  HOME: 'report-station-tier-home',
  STATION: 'report-station-tier-station',
  POINT: 'report-station-tier-point',
} as const;

export const DIMENSION_LABEL_KEYS = {
  street: 'report-dimension-street',
  station: 'report-dimension-station',
  category: 'report-dimension-category',
  agency: 'report-dimension-agency',
  officer: 'report-dimension-officer',
} as const;
