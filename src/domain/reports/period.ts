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

export interface ReportPeriods {
  month: ReportPeriod;
  previousMonth: ReportPeriod;
  /** 1 January to the month's cut-off. */
  yearToDate: ReportPeriod;
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

/** The periods of a month's report; `asOf` inside the month makes it a month-to-date report cut off then. */
export function reportPeriods(month: ReportMonth, timeZone: string, asOf?: Date): ReportPeriods {
  const whole = monthPeriod(month, timeZone);
  const current = asOf && asOf.getTime() < whole.cutoff.getTime() ? { start: whole.start, cutoff: asOf } : whole;
  return {
    month: current,
    previousMonth: monthPeriod(shiftMonth(month, -1), timeZone),
    yearToDate: { start: monthPeriod(`${month.slice(0, 4)}-01`, timeZone).start, cutoff: current.cutoff },
  };
}

/** The month an instant falls in, locally. */
export function monthOf(at: Date, timeZone: string): ReportMonth {
  return dayNumberToIsoDate(localDayNumber(at, timeZone)).slice(0, 7);
}

/** The last complete month before `now`: what a report shows by default. */
export function lastCompleteMonth(now: Date, timeZone: string): ReportMonth {
  return shiftMonth(monthOf(now, timeZone), -1);
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
