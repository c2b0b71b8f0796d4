// Report periods in the district's time zone. A month's cut-off is the last
// millisecond of its last local day: every figure only sees history up to it, so a
// report for a past month is the same whenever it is asked.
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { endOfLocalDay, isoDateToDayNumber, localDayNumber, dayNumberToIsoDate } from '../calendar/zoned-date.js';

/** YYYY-MM, e.g. 2026-10. */
export type ReportMonth = string;

export const reportMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export interface ReportPeriod {
  /** First instant of the period (inclusive). */
  start: Date;
  /** Last instant of the period (inclusive): the cut-off of every figure. */
  cutoff: Date;
}

/**
 * The three periods of a report. `month` is the period asked for (a month, a quarter, a
 * year or a range of months), `previousMonth` the period of the same length just before
 * it, `yearToDate` 1 January of its last month's year to its cut-off. The names stay
 * those of the monthly report, which most readers ask for.
 */
export interface ReportPeriods {
  month: ReportPeriod;
  previousMonth: ReportPeriod;
  yearToDate: ReportPeriod;
}

/** What a report covers: whole months `from`..`to`, and how the asker named them. */
export interface ReportSpan {
  kind: 'month' | 'quarter' | 'year' | 'range';
  from: ReportMonth;
  to: ReportMonth;
  /** 2026-10, 2026Q3, 2026, 2026-01..2026-05 */
  label: string;
}

export const PERIOD_NAMES = ['month', 'previousMonth', 'yearToDate'] as const;
export type PeriodName = (typeof PERIOD_NAMES)[number];

/** Validates a month typed by a user; throws a localized DomainError when malformed. */
export function parseReportMonth(input: string): ReportMonth {
  const parsed = reportMonthSchema.safeParse(input.trim());
  if (!parsed.success) throw new DomainError('validation', 'report-error-bad-month', { input: input.trim() });
  return parsed.data;
}

function firstDay(month: ReportMonth): number {
  const day = isoDateToDayNumber(`${month}-01`);
  if (day === undefined) throw new DomainError('validation', 'report-error-bad-month', { input: month });
  return day;
}

export function shiftMonth(month: ReportMonth, by: number): ReportMonth {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function startOfLocalDay(dayNumber: number, timeZone: string): Date {
  return new Date(endOfLocalDay(dayNumber - 1, timeZone).getTime() + 1);
}

export function monthPeriod(month: ReportMonth, timeZone: string): ReportPeriod {
  const nextFirst = firstDay(shiftMonth(month, 1));
  return { start: startOfLocalDay(firstDay(month), timeZone), cutoff: endOfLocalDay(nextFirst - 1, timeZone) };
}

function monthsBetween(from: ReportMonth, to: ReportMonth): number {
  const index = (month: ReportMonth) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from) + 1;
}

function spanPeriod(from: ReportMonth, to: ReportMonth, timeZone: string): ReportPeriod {
  return { start: monthPeriod(from, timeZone).start, cutoff: monthPeriod(to, timeZone).cutoff };
}

/** The periods of a report; `asOf` inside its last month makes it a report to date, cut off then. */
export function spanPeriods(span: Pick<ReportSpan, 'from' | 'to'>, timeZone: string, asOf?: Date): ReportPeriods {
  const length = monthsBetween(span.from, span.to);
  const whole = spanPeriod(span.from, span.to, timeZone);
  const current = asOf && asOf.getTime() < whole.cutoff.getTime() ? { start: whole.start, cutoff: asOf } : whole;
  return {
    month: current,
    previousMonth: spanPeriod(shiftMonth(span.from, -length), shiftMonth(span.to, -length), timeZone),
    yearToDate: { start: monthPeriod(`${span.to.slice(0, 4)}-01`, timeZone).start, cutoff: current.cutoff },
  };
}

export function reportPeriods(month: ReportMonth, timeZone: string): ReportPeriods {
  return spanPeriods({ from: month, to: month }, timeZone);
}

export function monthSpan(month: ReportMonth): ReportSpan {
  return { kind: 'month', from: month, to: month, label: month };
}

/** 1 January of the (local) year a period starts in. */
export function startOfYear(period: ReportPeriod, timeZone: string): Date {
  return monthPeriod(`${monthOf(period.start, timeZone).slice(0, 4)}-01`, timeZone).start;
}

/** The month an instant falls in, locally. */
export function monthOf(at: Date, timeZone: string): ReportMonth {
  return dayNumberToIsoDate(localDayNumber(at, timeZone)).slice(0, 7);
}

/** The last complete month before `now`: what a report shows by default. */
export function lastCompleteMonth(now: Date, timeZone: string): ReportMonth {
  return shiftMonth(monthOf(now, timeZone), -1);
}

export interface SpanRequest {
  month?: string;
  from?: string;
  to?: string;
  /** 2026Q3 */
  quarter?: string;
  /** 2026 */
  year?: string;
}

const QUARTER = /^(\d{4})-?Q([1-4])$/i;
const yearSchema = z.string().regex(/^\d{4}$/);

/** What an admin types after /report: a month (2026-10), a quarter (2026Q3) or a year (2026). */
export function spanRequestFromText(text: string): SpanRequest {
  const input = text.trim();
  if (QUARTER.test(input)) return { quarter: input };
  if (yearSchema.safeParse(input).success) return { year: input };
  return { month: input };
}

/** The quarter a month is in: 2026-11 → 2026Q4 (as --quarter takes it). */
export function quarterOf(month: ReportMonth): string {
  return `${month.slice(0, 4)}Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * The period a user asks for: one of a month, a range of months (`from`..`to`), a quarter
 * or a year; the last complete month when none is given. Only complete months are
 * reported: a quarter or a year still running ends at the last complete month (its label
 * says so), a period that has not begun is refused. With `allowCurrent` (chat) it may end
 * in the month under way instead, to be reported to date (the caller cuts it off then).
 */
export function requestedSpan(request: SpanRequest, now: Date, timeZone: string, options: { allowCurrent?: boolean } = {}): ReportSpan {
  const given = (['month', 'from', 'quarter', 'year'] as const).filter((key) => request[key] !== undefined && request[key]!.trim() !== '');
  if (request.to !== undefined && request.from === undefined) throw new DomainError('validation', 'report-error-bad-period', { input: `--to ${request.to}` });
  if (given.length > 1) throw new DomainError('validation', 'report-error-bad-period', { input: given.map((key) => `--${key}`).join(' ') });
  const latest = options.allowCurrent ? monthOf(now, timeZone) : lastCompleteMonth(now, timeZone);
  let span: ReportSpan;
  if (request.quarter?.trim()) {
    const match = QUARTER.exec(request.quarter.trim());
    if (!match) throw new DomainError('validation', 'report-error-bad-period', { input: request.quarter.trim() });
    const from = `${match[1]}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    span = { kind: 'quarter', from, to: shiftMonth(from, 2), label: `${match[1]}Q${match[2]}` };
  } else if (request.year?.trim()) {
    const year = request.year.trim();
    if (!yearSchema.safeParse(year).success) throw new DomainError('validation', 'report-error-bad-period', { input: year });
    span = { kind: 'year', from: `${year}-01`, to: `${year}-12`, label: year };
  } else if (request.from?.trim()) {
    const from = parseReportMonth(request.from);
    const to = request.to?.trim() ? parseReportMonth(request.to) : latest;
    if (to < from) throw new DomainError('validation', 'report-error-bad-period', { input: `${from}..${to}` });
    span = { kind: from === to ? 'month' : 'range', from, to, label: from === to ? from : `${from}..${to}` };
  } else {
    return monthSpan(requestedMonth(request.month, now, timeZone, options));
  }
  if (span.from > latest) throw new DomainError('validation', 'report-error-future-month', { month: span.from, latest });
  // To date, the period keeps its name as a month to date does.
  if (span.to > latest) return { ...span, to: latest, label: options.allowCurrent ? span.label : `${span.label} (..${latest})` };
  return span;
}

/**
 * The month a user asks for (`/report 2026-10`, `--month`): the last complete month when
 * left out; complete months, whose figures no longer change, and with `allowCurrent` the
 * month under way (a month-to-date report).
 */
export function requestedMonth(input: string | undefined, now: Date, timeZone: string, options: { allowCurrent?: boolean } = {}): ReportMonth {
  const latest = options.allowCurrent ? monthOf(now, timeZone) : lastCompleteMonth(now, timeZone);
  if (input === undefined || input.trim() === '') return lastCompleteMonth(now, timeZone);
  const month = parseReportMonth(input);
  if (month > latest) throw new DomainError('validation', 'report-error-future-month', { month, latest });
  return month;
}
