// How figures read: rates as "42.9% (3/7)" with "—" for a zero denominator, hours with
// one decimal, and the columns every tabular format (CSV, spreadsheet) shares.
import type { Figures, Rate, Spread } from '../domain/reports/figures.js';
import type { MonthlyReport } from '../domain/reports/report.js';
import type { Translate } from '../i18n/index.js';

/** Shown for a rate with a zero denominator or a duration with nothing measured. */
export const NOT_AVAILABLE = '—';

export function formatPercent(value: number | null): string {
  return value === null ? NOT_AVAILABLE : `${(value * 100).toFixed(1)}%`;
}

export function formatRate(rate: Rate): string {
  return `${formatPercent(rate.value)} (${rate.numerator}/${rate.denominator})`;
}

export function formatHours(hours: number | null): string {
  return hours === null ? NOT_AVAILABLE : hours.toFixed(1);
}

type RateFigure = { [K in keyof Figures]: Figures[K] extends Rate ? K : never }[keyof Figures];
type CountFigure = { [K in keyof Figures]: Figures[K] extends number ? K : never }[keyof Figures];
type SpreadFigure = { [K in keyof Figures]: Figures[K] extends Spread ? K : never }[keyof Figures];

export type FigureKind = 'count' | 'percent' | 'hours';

/** One column of a table of figures: a machine id (CSV header), a label key and the value. */
export interface FigureColumn {
  id: string;
  kind: FigureKind;
  label(t: (key: string, vars?: Record<string, string>) => string): string;
  value(figures: Figures): number | null;
}

const count = (id: string, figure: CountFigure, key: string): FigureColumn => ({ id, kind: 'count', label: (t) => t(key), value: (f) => f[figure] });

const rateColumns = (id: string, figure: RateFigure, key: string): FigureColumn[] => [
  { id: `${id}_numerator`, kind: 'count', label: (t) => t('report-part-numerator', { figure: t(key) }), value: (f) => f[figure].numerator },
  { id: `${id}_denominator`, kind: 'count', label: (t) => t('report-part-denominator', { figure: t(key) }), value: (f) => f[figure].denominator },
  { id, kind: 'percent', label: (t) => t(key), value: (f) => f[figure].value },
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

export const PERIOD_LABEL_KEYS = {
  month: 'report-period-month',
  previousMonth: 'report-period-previous-month',
  yearToDate: 'report-period-year-to-date',
} as const;

export const DIMENSION_LABEL_KEYS = {
  street: 'report-dimension-street',
  station: 'report-dimension-station',
  category: 'report-dimension-category',
  agency: 'report-dimension-agency',
  officer: 'report-dimension-officer',
} as const;
