// Tracking numbers a person can read aloud over the phone: MY-2611-0042, i.e. the
// 42nd opinion of November 2026 (month in the district's time zone).
import type { Tx } from '../deps.js';

/** YYMM of `at` in `timeZone`. */
export function trackingMonth(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: '2-digit', month: '2-digit' }).formatToParts(at);
  const field = (type: 'year' | 'month') => parts.find((part) => part.type === type)?.value ?? '';
  return `${field('year')}${field('month')}`;
}

export function formatTrackingNumber(month: string, sequence: number): string {
  return `MY-${month}-${String(sequence).padStart(4, '0')}`;
}

export const trackingNumberPattern = /^MY-\d{4}-\d{4,}$/;

/**
 * Takes the next number of a counter (a month YYMM for opinions, P<year> for proposals)
 * inside the caller's transaction. The upsert locks the counter's row until commit, so
 * concurrent submissions queue instead of colliding, and a rolled-back one gives its
 * number back.
 */
export async function nextInSequence(tx: Tx, counter: string): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "TrackingCounter" ("month", "last") VALUES (${counter}, 1)
    ON CONFLICT ("month") DO UPDATE SET "last" = "TrackingCounter"."last" + 1
    RETURNING "last"`;
  return Number(rows[0]!.last);
}

/** The month's next tracking number. */
export async function allocateTrackingNumber(tx: Tx, at: Date, timeZone: string): Promise<string> {
  const month = trackingMonth(at, timeZone);
  return formatTrackingNumber(month, await nextInSequence(tx, month));
}
