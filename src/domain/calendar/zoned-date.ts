// Local calendar dates as "day numbers": whole days since 1970-01-01, so date
// arithmetic is plain integer arithmetic and weekdays are a modulo.

const MS_PER_DAY = 86_400_000;
const LAST_MS_OF_DAY = MS_PER_DAY - 1;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError naming the zone when it is unknown.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of `instant` in `timeZone`, expressed as if that reading were UTC. */
function wallClockMs(instant: number, timeZone: string): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const millis = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(
    fields.year ?? NaN,
    (fields.month ?? NaN) - 1,
    fields.day ?? NaN,
    fields.hour ?? NaN,
    fields.minute ?? NaN,
    fields.second ?? NaN,
    millis,
  );
}

function assertValidDate(date: Date): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError('Invalid Date');
  return instant;
}

/** The local calendar date of `date` in `timeZone`, as a day number. */
export function localDayNumber(date: Date, timeZone: string): number {
  return Math.floor(wallClockMs(assertValidDate(date), timeZone) / MS_PER_DAY);
}

/** The instant of 23:59:59.999 local time on the given day in `timeZone`. */
export function endOfLocalDay(dayNumber: number, timeZone: string): Date {
  const wall = dayNumber * MS_PER_DAY + LAST_MS_OF_DAY;
  // The zone offset may differ between the first guess and the answer (DST);
  // a second pass settles on the offset in force at the answer.
  let instant = wall - (wallClockMs(wall, timeZone) - wall);
  instant = wall - (wallClockMs(instant, timeZone) - instant);
  return new Date(instant);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

export function dayNumberToIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Parses YYYY-MM-DD; undefined when malformed or not a real date (e.g. 2026-02-30). */
export function isoDateToDayNumber(isoDate: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const dayNumber = ms / MS_PER_DAY;
  return dayNumberToIsoDate(dayNumber) === isoDate ? dayNumber : undefined;
}
