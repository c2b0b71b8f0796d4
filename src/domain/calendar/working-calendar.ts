import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  dayNumberToIsoDate,
  endOfLocalDay,
  isoDateToDayNumber,
  isWeekend,
  localDayNumber,
} from './zoned-date.js';
import { projectPath } from '../../paths.js';

/** The districts' zone; callers pass it explicitly so a district elsewhere can differ. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The shipped State Council schedule (read from src/ whether the code runs from src/ or from the bundle). */
export const SHIPPED_HOLIDAYS_FILE = projectPath('src', 'domain', 'calendar', 'cn-holidays.json');

export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
}

/** A YYYY-MM-DD date, parsed to a day number. */
const isoDateSchema = z.string().transform((value, context) => {
  const day = isoDateToDayNumber(value);
  if (day === undefined) {
    context.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a real date in the form YYYY-MM-DD` });
    return z.NEVER;
  }
  return day;
});
const nameSchema = z.string().trim().min(1, 'a name is required');

const holidayRangeSchema = z
  .tuple([isoDateSchema, isoDateSchema, nameSchema])
  .refine(([first, last]) => first <= last, { message: 'a holiday range ends before it starts' });
const makeUpWorkdaySchema = z.tuple([isoDateSchema, nameSchema]);

const yearScheduleSchema = z.strictObject({
  source: z.string().optional(),
  note: z.string().optional(),
  holidays: z.array(holidayRangeSchema).default([]),
  workdays: z.array(makeUpWorkdaySchema).default([]),
});

/** The format of cn-holidays.json and of admin override files. */
export const holidayFileSchema = z.strictObject({
  format: z.string().optional(),
  source: z.string().optional(),
  note: z.string().optional(),
  years: z.record(z.string(), yearScheduleSchema).superRefine((years, context) => {
    // Checked here rather than in the key schema so the message survives.
    for (const year of Object.keys(years)) {
      if (!/^\d{4}$/.test(year)) {
        context.addIssue({ code: 'custom', path: [year], message: `year key ${JSON.stringify(year)} must be four digits` });
      }
    }
  }),
});
/** A validated file, its dates parsed to day numbers. */
type ParsedHolidayFile = z.output<typeof holidayFileSchema>;
/** The JSON shape, for code that writes such files. */
export type HolidayFile = z.input<typeof holidayFileSchema>;

interface ListedDay {
  readonly working: boolean;
  readonly name: string;
}

/**
 * Working days per the State Council holiday schedule: listed holidays are off,
 * listed make-up days (调休上班) are on, every other date is plain Monday–Friday.
 * Immutable; overrides return a new calendar.
 */
export class WorkingCalendar {
  private constructor(
    private readonly listedDays: ReadonlyMap<number, ListedDay>,
    /** Year keys with a schedule; dates in other years fall back to Monday–Friday. */
    readonly years: readonly number[],
  ) {}

  /** A calendar without holidays: Monday–Friday everywhere. */
  static weekdaysOnly(): WorkingCalendar {
    return new WorkingCalendar(new Map(), []);
  }

  /** Validates parsed JSON (e.g. from a config store); `origin` names it in errors. */
  static fromData(data: unknown, origin = 'holiday data'): WorkingCalendar {
    return WorkingCalendar.weekdaysOnly().withOverrides(data, origin);
  }

  static fromFile(path: string = SHIPPED_HOLIDAYS_FILE): WorkingCalendar {
    return WorkingCalendar.fromData(readJsonFile(path), path);
  }

  /** Merges a schedule on top of this one: for a date listed in both, the new entry wins. */
  withOverrides(data: unknown, origin = 'holiday override'): WorkingCalendar {
    const parsed = holidayFileSchema.safeParse(data);
    if (!parsed.success) {
      throw new CalendarDataError(`${origin} is not a valid holiday calendar:\n${z.prettifyError(parsed.error)}`);
    }
    const listedDays = new Map(this.listedDays);
    for (const [day, entry] of collectListedDays(parsed.data, origin)) listedDays.set(day, entry);
    const years = new Set([...this.years, ...Object.keys(parsed.data.years).map(Number)]);
    return new WorkingCalendar(listedDays, [...years].sort((a, b) => a - b));
  }

  withOverrideFile(path: string): WorkingCalendar {
    return this.withOverrides(readJsonFile(path), path);
  }

  coversYear(year: number): boolean {
    return this.years.includes(year);
  }

  /**
   * The years deadlines set now may fall in that have no holiday schedule: this year,
   * and from December on the next one too (a 15-working-day limit crosses New Year).
   * Without a schedule those days count Monday to Friday.
   */
  yearsMissingAround(now: Date, timeZone: string): number[] {
    const [year, month] = dayNumberToIsoDate(localDayNumber(now, timeZone)).split('-').map(Number) as [number, number];
    const needed = month === 12 ? [year, year + 1] : [year];
    return needed.filter((candidate) => !this.coversYear(candidate));
  }

  /** Judged on the local calendar date of `date` in `timeZone`. */
  isWorkingDay(date: Date, timeZone: string): boolean {
    return this.isWorkingDayNumber(localDayNumber(date, timeZone));
  }

  /** Same, for a calendar date given as YYYY-MM-DD. */
  isWorkingDate(isoDate: string): boolean {
    const day = isoDateToDayNumber(isoDate);
    if (day === undefined) throw new RangeError(`Not a date in the form YYYY-MM-DD: ${isoDate}`);
    return this.isWorkingDayNumber(day);
  }

  /** The holiday or make-up day name listed for a date, if any. */
  listedName(isoDate: string): string | undefined {
    const day = isoDateToDayNumber(isoDate);
    return day === undefined ? undefined : this.listedDays.get(day)?.name;
  }

  /**
   * "N个工作日内": the end (23:59:59.999 local) of the N-th working day strictly
   * after the local date of `from`. A submission on a weekend or holiday thus
   * gets the same deadline as one on the preceding working day.
   */
  addWorkingDays(from: Date, days: number, timeZone: string): Date {
    assertPositiveInteger(days, 'days');
    let day = localDayNumber(from, timeZone);
    for (let remaining = days; remaining > 0; ) {
      day += 1;
      if (this.isWorkingDayNumber(day)) remaining -= 1;
    }
    return endOfLocalDay(day, timeZone);
  }

  /**
   * Working days after a's local date up to and including b's local date, so
   * `workingDaysBetween(from, addWorkingDays(from, n)) === n`; for an overdue
   * case, `workingDaysBetween(dueAt, now)` is how many working days late it is.
   * Negative when b's date is before a's.
   */
  workingDaysBetween(a: Date, b: Date, timeZone: string): number {
    const start = localDayNumber(a, timeZone);
    const end = localDayNumber(b, timeZone);
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) {
      if (this.isWorkingDayNumber(day)) count += 1;
    }
    return sign * count;
  }

  private isWorkingDayNumber(day: number): boolean {
    return this.listedDays.get(day)?.working ?? !isWeekend(day);
  }
}

/** Adds elapsed hours, independent of zones and holidays. */
export function addHours(from: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours <= 0) throw new RangeError(`hours must be a positive number, got ${hours}`);
  return new Date(from.getTime() + hours * 3_600_000);
}

/** The end (23:59:59.999 local) of the N-th calendar day after the local date of `from`. */
export function addCalendarDays(from: Date, days: number, timeZone: string): Date {
  assertPositiveInteger(days, 'days');
  return endOfLocalDay(localDayNumber(from, timeZone) + days, timeZone);
}

/**
 * The end (23:59:59.999 local) of the same local date N calendar months after `from`;
 * a date the shorter month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb).
 */
export function addCalendarMonths(from: Date, months: number, timeZone: string): Date {
  assertPositiveInteger(months, 'months');
  const [year, month, day] = dayNumberToIsoDate(localDayNumber(from, timeZone)).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const dayNumber = Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day, lastDay)) / 86_400_000;
  return endOfLocalDay(dayNumber, timeZone);
}

function assertPositiveInteger(value: number, label: string): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${label} must be a positive integer, got ${value}`);
  }
}

function collectListedDays(file: ParsedHolidayFile, origin: string): Map<number, ListedDay> {
  const listed = new Map<number, ListedDay>();
  const add = (day: number, entry: ListedDay): void => {
    const previous = listed.get(day);
    // Within one file a date cannot be both off and on; across files the later wins.
    if (previous && previous.working !== entry.working) {
      throw new CalendarDataError(
        `${origin} lists ${dayNumberToIsoDate(day)} both as a holiday and as a working day`,
      );
    }
    listed.set(day, entry);
  };
  for (const schedule of Object.values(file.years)) {
    for (const [first, last, name] of schedule.holidays) {
      for (let day = first; day <= last; day += 1) add(day, { working: false, name });
    }
    for (const [day, name] of schedule.workdays) add(day, { working: true, name });
  }
  return listed;
}

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CalendarDataError(`Cannot read holiday calendar file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CalendarDataError(`Holiday calendar file ${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
