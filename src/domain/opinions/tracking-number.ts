// Tracking numbers a person can read aloud over the phone: MY-2611-0042, i.e. the
// 42nd opinion of November 2026 (month in the district's time zone).
import { Prisma } from '../../generated/prisma/client.js';
import { dateTimeFormat } from '../calendar/date-time-format.js';
import type { Tx } from '../deps.js';

/** YYMM of `at` in `timeZone`. */
export function trackingMonth(at: Date, timeZone: string): string {
  const parts = dateTimeFormat('en-US', { timeZone, year: '2-digit', month: '2-digit' }).formatToParts(at);
  const field = (type: 'year' | 'month') => parts.find((part) => part.type === type)?.value ?? '';
  return `${field('year')}${field('month')}`;
}

export const trackingNumberPattern = /^MY-\d{4}-\d{4,}$/;

/**
 * The next number of a counter (a month YYMM for opinions, JY<year> for proposals), as SQL
 * to run inside the caller's transaction. The upsert locks the counter's row until
 * commit, so concurrent submissions queue instead of colliding, and a rolled-back one
 * gives its number back.
 */
const nextNumber = (counter: string) => Prisma.sql`
  INSERT INTO "TrackingCounter" ("month", "last") VALUES (${counter}, 1)
  ON CONFLICT ("month") DO UPDATE SET "last" = "TrackingCounter"."last" + 1
  RETURNING "last"`;

export async function nextInSequence(tx: Tx, counter: string): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>(nextNumber(counter));
  return Number(rows[0]!.last);
}

/**
 * Gives the opinion the next tracking number of the month of `at` and returns it, in one
 * statement (the counter's lock is held to the commit: the fewer round trips after it,
 * the less the district's submissions queue). At least four digits: MY-2611-0042,
 * MY-2611-12345.
 */
export async function numberOpinion(tx: Tx, opinionId: number, at: Date, timeZone: string): Promise<string> {
  const month = trackingMonth(at, timeZone);
  const rows = await tx.$queryRaw<{ trackingNo: string }[]>`
    WITH counter AS (${nextNumber(month)})
    UPDATE "Opinion" SET "trackingNo" = ${`MY-${month}-`} || lpad(counter."last"::text, greatest(4, length(counter."last"::text)), '0')
    FROM counter WHERE "Opinion"."id" = ${opinionId}
    RETURNING "Opinion"."trackingNo"`;
  return rows[0]!.trackingNo;
}
