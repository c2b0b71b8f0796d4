import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CalendarDataError,
  SHIPPED_HOLIDAYS_FILE,
  WorkingCalendar,
  addCalendarDays,
  addHours,
} from '../../../src/domain/calendar/index.js';

const SHANGHAI = 'Asia/Shanghai';
const calendar = WorkingCalendar.fromFile();

/** An instant given as Shanghai wall-clock time (UTC+8, no DST). */
function shanghai(localDateTime: string): Date {
  return new Date(`${localDateTime}+08:00`);
}
/** The expected deadline: 23:59:59.999 Shanghai time on the given date. */
function endOfShanghaiDay(isoDate: string): Date {
  return shanghai(`${isoDate}T23:59:59.999`);
}

function writeTempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'minyi-calendar-')), name);
  writeFileSync(path, content);
  return path;
}

describe('shipped schedule', () => {
  it('covers 2025 and 2026', () => {
    expect(calendar.years).toEqual([2025, 2026]);
    expect(calendar.coversYear(2027)).toBe(false);
  });

  it('names the years deadlines may reach without a schedule: from December, the next one too', () => {
    expect(calendar.yearsMissingAround(new Date('2026-11-30T15:59:00Z'), 'Asia/Shanghai')).toEqual([]);
    // 2026-12-01 00:00 in Shanghai is still November in UTC.
    expect(calendar.yearsMissingAround(new Date('2026-11-30T16:00:00Z'), 'Asia/Shanghai')).toEqual([2027]);
    expect(calendar.yearsMissingAround(new Date('2027-03-01T00:00:00Z'), 'Asia/Shanghai')).toEqual([2027]);
  });

  it('puts every make-up working day on a weekend (catches typos in the file)', () => {
    const data = JSON.parse(readFileSync(SHIPPED_HOLIDAYS_FILE, 'utf8')) as {
      years: Record<string, { workdays: [string, string][] }>;
    };
    const workdays = Object.values(data.years).flatMap((year) => year.workdays.map(([date]) => date));
    expect(workdays).toHaveLength(11);
    for (const date of workdays) expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
  });

  it('matches the 2025 notice', () => {
    const off = ['2025-01-01', '2025-01-28', '2025-02-04', '2025-04-04', '2025-05-05', '2025-06-02', '2025-10-08'];
    const on = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];
    for (const date of off) expect(calendar.isWorkingDate(date), date).toBe(false);
    for (const date of on) expect(calendar.isWorkingDate(date), date).toBe(true);
  });
});

describe('isWorkingDay', () => {
  it('treats an ordinary Saturday and Sunday as days off and weekdays as working days', () => {
    expect(calendar.isWorkingDay(shanghai('2026-03-07T10:00'), SHANGHAI)).toBe(false); // Sat
    expect(calendar.isWorkingDay(shanghai('2026-03-08T10:00'), SHANGHAI)).toBe(false); // Sun
    expect(calendar.isWorkingDay(shanghai('2026-03-09T10:00'), SHANGHAI)).toBe(true); // Mon
    expect(calendar.isWorkingDay(shanghai('2026-03-13T10:00'), SHANGHAI)).toBe(true); // Fri
  });

  it('keeps the whole 春节 2026 span off, with its make-up Saturdays on', () => {
    for (let day = 15; day <= 23; day += 1) {
      const date = `2026-02-${day}`;
      expect(calendar.isWorkingDate(date), date).toBe(false);
      expect(calendar.listedName(date)).toBe('春节');
    }
    expect(calendar.isWorkingDate('2026-02-13')).toBe(true); // Fri before
    expect(calendar.isWorkingDate('2026-02-14')).toBe(true); // Sat, 调休上班
    expect(calendar.isWorkingDate('2026-02-24')).toBe(true); // Tue after
    expect(calendar.isWorkingDate('2026-02-28')).toBe(true); // Sat, 调休上班
    expect(calendar.listedName('2026-02-28')).toBe('春节调休上班');
  });

  it('counts a make-up Sunday as a working day', () => {
    expect(calendar.isWorkingDate('2026-01-04')).toBe(true);
    expect(calendar.isWorkingDate('2026-01-03')).toBe(false); // Sat inside 元旦
  });

  it('judges the local date in the given zone, not the UTC date', () => {
    // Friday 2026-03-06 16:00Z is already Saturday 00:00 in Shanghai.
    expect(calendar.isWorkingDay(new Date('2026-03-06T15:59:59.999Z'), SHANGHAI)).toBe(true);
    expect(calendar.isWorkingDay(new Date('2026-03-06T16:00:00.000Z'), SHANGHAI)).toBe(false);
    expect(calendar.isWorkingDay(new Date('2026-03-06T16:00:00.000Z'), 'UTC')).toBe(true);
  });

  it('falls back to Monday–Friday in a year without a schedule', () => {
    expect(calendar.isWorkingDate('2027-01-01')).toBe(true); // a Friday; 元旦 2027 is not shipped
    expect(calendar.isWorkingDate('2027-01-02')).toBe(false);
    expect(calendar.isWorkingDate('2024-12-31')).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('counts from the next day and ends at 23:59:59.999 local (15:59:59.999Z)', () => {
    const due = calendar.addWorkingDays(shanghai('2026-03-10T09:30'), 1, SHANGHAI);
    expect(due.toISOString()).toBe('2026-03-11T15:59:59.999Z');
  });

  it('moves a Friday submission to the end of Monday', () => {
    expect(calendar.addWorkingDays(shanghai('2026-03-06T15:00'), 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-09'));
    expect(calendar.addWorkingDays(shanghai('2026-03-06T15:00'), 3, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-11'));
  });

  it('gives a Saturday submission the same deadline as a Friday one', () => {
    expect(calendar.addWorkingDays(shanghai('2026-03-07T11:00'), 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-09'));
  });

  it('skips a Monday holiday after a Friday submission', () => {
    // 清明 2026: Sat 4/4 – Mon 4/6.
    expect(calendar.addWorkingDays(shanghai('2026-04-03T15:00'), 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-04-07'));
  });

  it('counts from the first working day after a holiday submission, including a make-up Saturday', () => {
    const nationalDay = shanghai('2026-10-01T10:00');
    expect(calendar.addWorkingDays(nationalDay, 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-10-08'));
    expect(calendar.addWorkingDays(nationalDay, 3, SHANGHAI)).toEqual(endOfShanghaiDay('2026-10-10')); // Sat, 调休上班
    expect(calendar.addWorkingDays(nationalDay, 4, SHANGHAI)).toEqual(endOfShanghaiDay('2026-10-12'));
  });

  it('uses the make-up Saturday before 春节 and resumes after the holiday', () => {
    const fridayBefore = shanghai('2026-02-13T16:00');
    expect(calendar.addWorkingDays(fridayBefore, 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-02-14'));
    expect(calendar.addWorkingDays(fridayBefore, 2, SHANGHAI)).toEqual(endOfShanghaiDay('2026-02-24'));
  });

  it('spans 15 working days across 春节', () => {
    // 2/14 (Sat, make-up), then 2/24–2/27, 2/28 (Sat, make-up), 3/2–3/6, 3/9–3/12.
    expect(calendar.addWorkingDays(shanghai('2026-02-13T10:00'), 15, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-12'));
  });

  it('treats 23:59:59.999 local as the old day and 00:00 local as the new one', () => {
    expect(calendar.addWorkingDays(new Date('2026-03-09T15:59:59.999Z'), 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-10'));
    expect(calendar.addWorkingDays(new Date('2026-03-09T16:00:00.000Z'), 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-11'));
  });

  it('crosses into an unshipped year with plain weekdays', () => {
    const lastDay2026 = shanghai('2026-12-31T10:00'); // Thursday
    expect(calendar.addWorkingDays(lastDay2026, 1, SHANGHAI)).toEqual(endOfShanghaiDay('2027-01-01'));
    expect(calendar.addWorkingDays(lastDay2026, 2, SHANGHAI)).toEqual(endOfShanghaiDay('2027-01-04'));
  });

  it('ends the day in local time in a zone with daylight saving', () => {
    // New York switches to EDT (UTC-4) on Sunday 2026-03-08.
    const due = calendar.addWorkingDays(new Date('2026-03-06T20:00:00Z'), 1, 'America/New_York');
    expect(due.toISOString()).toBe('2026-03-10T03:59:59.999Z');
  });

  it('rejects a count that is not a positive integer', () => {
    const from = shanghai('2026-03-06T15:00');
    expect(() => calendar.addWorkingDays(from, 0, SHANGHAI)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(from, -2, SHANGHAI)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(from, 1.5, SHANGHAI)).toThrow(/positive integer/);
  });

  it('rejects an invalid date or time zone', () => {
    expect(() => calendar.addWorkingDays(new Date('nonsense'), 1, SHANGHAI)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date(), 1, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('is the inverse of addWorkingDays', () => {
    const from = shanghai('2026-02-13T10:00');
    for (const days of [1, 2, 5, 15]) {
      expect(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, days, SHANGHAI), SHANGHAI)).toBe(days);
    }
  });

  it('counts how many working days a case is overdue, negative before the deadline', () => {
    const dueAt = endOfShanghaiDay('2026-09-30');
    expect(calendar.workingDaysBetween(dueAt, shanghai('2026-09-30T23:00'), SHANGHAI)).toBe(0);
    expect(calendar.workingDaysBetween(dueAt, shanghai('2026-10-07T12:00'), SHANGHAI)).toBe(0); // holiday
    expect(calendar.workingDaysBetween(dueAt, shanghai('2026-10-09T12:00'), SHANGHAI)).toBe(2);
    expect(calendar.workingDaysBetween(shanghai('2026-10-09T12:00'), dueAt, SHANGHAI)).toBe(-2);
  });
});

describe('addHours and addCalendarDays', () => {
  it('adds elapsed hours regardless of holidays', () => {
    expect(addHours(new Date('2026-02-16T02:00:00Z'), 4).toISOString()).toBe('2026-02-16T06:00:00.000Z');
    expect(() => addHours(new Date(), 0)).toThrow(RangeError);
  });

  it('ends on the N-th calendar day after the local date', () => {
    expect(addCalendarDays(shanghai('2026-02-13T23:30'), 7, SHANGHAI)).toEqual(endOfShanghaiDay('2026-02-20'));
    expect(addCalendarDays(new Date('2026-12-28T16:30:00Z'), 7, SHANGHAI)).toEqual(endOfShanghaiDay('2027-01-05'));
  });
});

describe('overrides', () => {
  it('merges an admin file on top, later entries winning', () => {
    const override = writeTempFile(
      'override.json',
      JSON.stringify({
        source: '区人大常委会 test override',
        years: {
          '2026': {
            holidays: [['2026-03-09', '2026-03-09', '区级活动日']],
            workdays: [['2026-02-23', '春节延后上班']],
          },
        },
      }),
    );
    const merged = calendar.withOverrideFile(override);
    expect(merged.isWorkingDate('2026-03-09')).toBe(false);
    expect(merged.listedName('2026-03-09')).toBe('区级活动日');
    expect(merged.isWorkingDate('2026-02-23')).toBe(true);
    expect(merged.isWorkingDate('2026-02-22')).toBe(false); // the rest of 春节 is untouched
    expect(calendar.isWorkingDate('2026-03-09')).toBe(true); // the original is unchanged

    const reverted = merged.withOverrides({ years: { '2026': { workdays: [['2026-03-09', '恢复上班']] } } });
    expect(reverted.isWorkingDate('2026-03-09')).toBe(true);
  });

  it('adds a year the shipped file does not cover', () => {
    const withNextYear = calendar.withOverrides({
      years: { '2027': { holidays: [['2027-01-01', '2027-01-01', '元旦']] } },
    });
    expect(withNextYear.years).toEqual([2025, 2026, 2027]);
    expect(withNextYear.isWorkingDate('2027-01-01')).toBe(false);
  });

  it('builds a plain weekday calendar from empty data', () => {
    const plain = WorkingCalendar.fromData({ years: {} });
    expect(plain.isWorkingDate('2026-02-16')).toBe(true);
    expect(WorkingCalendar.weekdaysOnly().isWorkingDate('2026-02-14')).toBe(false);
  });
});

describe('bad calendar data', () => {
  it('names a missing file', () => {
    expect(() => WorkingCalendar.fromFile('/nonexistent/holidays.json')).toThrow(
      /Cannot read holiday calendar file \/nonexistent\/holidays\.json/,
    );
  });

  it('names a file that is not JSON', () => {
    const path = writeTempFile('broken.json', '{ "years": ');
    expect(() => WorkingCalendar.fromFile(path)).toThrow(CalendarDataError);
    expect(() => WorkingCalendar.fromFile(path)).toThrow(/broken\.json is not valid JSON/);
  });

  it('names an impossible date and where it is', () => {
    const path = writeTempFile(
      'bad-date.json',
      JSON.stringify({ years: { '2026': { holidays: [['2026-02-30', '2026-03-01', '春节']] } } }),
    );
    let error: unknown;
    try {
      WorkingCalendar.fromFile(path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CalendarDataError);
    const message = (error as Error).message;
    expect(message).toContain('bad-date.json is not a valid holiday calendar');
    expect(message).toContain('"2026-02-30" is not a real date in the form YYYY-MM-DD');
    expect(message).toContain('years.2026.holidays[0][0]');
  });

  it('rejects a reversed range, an unknown key, a bad year key and a missing name', () => {
    const invalid = (data: unknown): string => {
      try {
        WorkingCalendar.fromData(data, 'test data');
      } catch (error) {
        expect(error).toBeInstanceOf(CalendarDataError);
        return (error as Error).message;
      }
      throw new Error('expected the data to be rejected');
    };
    expect(invalid({ years: { '2026': { holidays: [['2026-02-23', '2026-02-15', '春节']] } } })).toMatch(
      /ends before it starts/,
    );
    expect(invalid({ years: { '2026': { holiday: [] } } })).toMatch(/holiday/);
    expect(invalid({ years: { '26': {} } })).toMatch(/four digits/);
    expect(invalid({ years: { '2026': { workdays: [['2026-02-14', '']] } } })).toMatch(/name is required/);
    expect(invalid({})).toMatch(/years/);
  });

  it('rejects a date listed both as a holiday and as a working day in one file', () => {
    expect(() =>
      WorkingCalendar.fromData({
        years: { '2026': { holidays: [['2026-02-15', '2026-02-23', '春节']], workdays: [['2026-02-21', 'x']] } },
      }),
    ).toThrow(/2026-02-21 both as a holiday and as a working day/);
  });
});
