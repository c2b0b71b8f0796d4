// The outbox's rows, as delivery moves them. A notification row is the truth: it is
// PENDING until a worker has handed it to the messenger (SENT), given up on it (FAILED)
// or found the chat closed to the bot (BLOCKED). Workers claim a row before sending it,
// so two workers never take the same one, and a chat's notifications go out one at a
// time, in order.
//
// Times compared in SQL come from `deps.clock` (tests and the demo move it), passed as
// UTC text: Prisma stores DateTime as UTC in `timestamp without time zone` columns.
import type { Notification, PrismaClient } from '../generated/prisma/client.js';
import type { SqlRunner } from '../db/migrate.js';

export interface OutboxPolicy {
  /**
   * How long a claim holds a row without news from its worker (database clock). The
   * worker renews it while it waits for its turn and sends, so only a dead worker's row
   * comes free: after this long, another worker takes it.
   */
  leaseMs: number;
  /** Sends tried before a row is FAILED. */
  maxAttempts: number;
  /** Backoff after a failed send: base × 2^(attempts−1), at most `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const defaultOutboxPolicy: OutboxPolicy = { leaseMs: 6_000, maxAttempts: 8, retryBaseMs: 5_000, retryMaxMs: 60 * 60_000 };

export function retryDelayMs(policy: OutboxPolicy, attempts: number): number {
  return Math.min(policy.retryBaseMs * 2 ** Math.max(0, attempts - 1), policy.retryMaxMs);
}

// Two clocks: nextAttemptAt (the retry time) is on deps.clock, which tests and the demo
// move by days; leaseExpiresAt is on the database's clock, the one real clock that all
// instances share, because a lease is about live processes.
const databaseNow = `(clock_timestamp() AT TIME ZONE 'UTC')`;

// A row never tried is due at once whatever its nextAttemptAt says (that column's default
// is the database's clock, which need not agree with deps.clock). Only the oldest pending
// row of a chat may go, so a chat's messages leave in order and one at a time.
const deliverableCondition = (row: string, nowParam: string) => `
  ${row}.status = 'PENDING'
  AND (${row}.attempts = 0 OR ${row}."nextAttemptAt" <= (${nowParam}::timestamptz AT TIME ZONE 'UTC'))
  AND (${row}."leaseExpiresAt" IS NULL OR ${row}."leaseExpiresAt" <= ${databaseNow})
  AND NOT EXISTS (
    SELECT 1 FROM "Notification" earlier
    WHERE earlier."chatId" = ${row}."chatId" AND earlier.status = 'PENDING' AND earlier.id < ${row}.id
  )`;

export interface DeliverableNotification {
  id: number;
  /** Pending rows of its chat, this one included. */
  backlog: number;
}

/**
 * The first pending row of each chat that may be sent now. Chats with the longest backlog
 * come first: they need one second per message whatever else happens, so starting them
 * early shortens the whole delivery; single messages fill the rest of the global rate.
 */
export async function findDeliverableNotifications(sql: SqlRunner, now: Date, limit: number): Promise<DeliverableNotification[]> {
  const { rows } = await sql.query<{ id: number; backlog: string }>(
    `SELECT id, backlog FROM (
       SELECT n.id, n.attempts, n."nextAttemptAt", n."leaseExpiresAt",
              row_number() OVER (PARTITION BY n."chatId" ORDER BY n.id) AS position,
              count(*) OVER (PARTITION BY n."chatId") AS backlog
       FROM "Notification" n WHERE n.status = 'PENDING'
     ) first
     WHERE position = 1
       AND (attempts = 0 OR "nextAttemptAt" <= ($1::timestamptz AT TIME ZONE 'UTC'))
       AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" <= ${databaseNow})
     ORDER BY backlog DESC, id LIMIT $2`,
    [now.toISOString(), limit],
  );
  return rows.map((row) => ({ id: Number(row.id), backlog: Number(row.backlog) }));
}

/** A claimed row with what delivery needs: the message and the recipient's language now. */
export interface ClaimedNotification {
  id: number;
  chatId: bigint;
  personId: number | null;
  dedupeKey: string;
  payload: Notification['payload'];
  /** This attempt's number (1 for the first); it also identifies the claim. */
  attempts: number;
  locale: string | null;
}

/**
 * Reserves one notification for this worker: counts the attempt and starts a lease. Row
 * locks with SKIP LOCKED, and the re-check PostgreSQL makes on a row changed meanwhile,
 * let exactly one of several concurrent workers win. Returns null when the row is taken,
 * not due, not first in its chat, or done.
 */
export async function claimNotification(sql: SqlRunner, id: number, now: Date, leaseMs: number): Promise<ClaimedNotification | null> {
  const { rows } = await sql.query<Omit<ClaimedNotification, 'chatId'> & { chatId: string | number | bigint }>(
    `UPDATE "Notification" n SET attempts = n.attempts + 1, "leaseExpiresAt" = ${databaseNow} + $3 * interval '1 millisecond'
     WHERE n.id = (
       SELECT c.id FROM "Notification" c
       WHERE c.id = $1 AND ${deliverableCondition('c', '$2')}
       FOR UPDATE SKIP LOCKED
     )
     RETURNING n.id, n."chatId", n."personId", n."dedupeKey", n.payload, n.attempts,
       (SELECT p.locale FROM "Person" p WHERE p.id = n."personId") AS locale`,
    [id, now.toISOString(), leaseMs],
  );
  const row = rows[0];
  if (!row) return null;
  return { ...row, id: Number(row.id), chatId: BigInt(row.chatId), attempts: Number(row.attempts), personId: row.personId === null ? null : Number(row.personId) };
}

/** Keeps a claim alive while its worker waits for its turn or sends; false if the claim is gone. */
export async function renewLease(sql: SqlRunner, claim: Pick<ClaimedNotification, 'id' | 'attempts'>, leaseMs: number): Promise<boolean> {
  const { rows } = await sql.query(
    `UPDATE "Notification" SET "leaseExpiresAt" = ${databaseNow} + $3 * interval '1 millisecond'
     WHERE id = $1 AND attempts = $2 AND status = 'PENDING' RETURNING id`,
    [claim.id, claim.attempts, leaseMs],
  );
  return rows.length === 1;
}

/** One statement, run as soon as Telegram answered: it closes the window in which a crash resends. */
export async function markSent(sql: SqlRunner, id: number, at: Date): Promise<void> {
  await sql.query(
    `UPDATE "Notification" SET status = 'SENT', "sentAt" = ($2::timestamptz AT TIME ZONE 'UTC'), "lastError" = NULL, "leaseExpiresAt" = NULL
     WHERE id = $1 AND status = 'PENDING'`,
    [id, at.toISOString()],
  );
}

/**
 * Gives a claimed row back untried (Telegram asked us to slow down, or the worker stops):
 * the attempt is not counted and no worker takes the row for `holdMs`.
 */
export async function releaseClaim(sql: SqlRunner, claim: Pick<ClaimedNotification, 'id' | 'attempts'>, holdMs: number, reason: string | null): Promise<void> {
  await sql.query(
    `UPDATE "Notification" SET attempts = attempts - 1, "leaseExpiresAt" = ${databaseNow} + $3 * interval '1 millisecond', "lastError" = COALESCE($4, "lastError")
     WHERE id = $1 AND attempts = $2 AND status = 'PENDING'`,
    [claim.id, claim.attempts, holdMs, reason],
  );
}

export type RetryOutcome = { status: 'retry'; at: Date; attempts: number } | { status: 'failed' };

/** After a failed send of a claimed row: retry later with backoff, or give up after the last attempt. */
export async function recordFailedAttempt(prisma: PrismaClient, id: number, now: Date, error: string, policy: OutboxPolicy): Promise<RetryOutcome> {
  const row = await prisma.notification.findUniqueOrThrow({ where: { id }, select: { attempts: true } });
  if (row.attempts >= policy.maxAttempts) {
    await markFailed(prisma, id, error);
    return { status: 'failed' };
  }
  const at = new Date(now.getTime() + retryDelayMs(policy, row.attempts));
  await prisma.notification.updateMany({ where: { id, status: 'PENDING' }, data: { nextAttemptAt: at, leaseExpiresAt: null, lastError: error } });
  return { status: 'retry', at, attempts: row.attempts };
}

export async function markFailed(prisma: PrismaClient, id: number, error: string): Promise<void> {
  await prisma.notification.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'FAILED', lastError: error, leaseExpiresAt: null } });
}

/**
 * The chat is closed to the bot: this row and every other pending one for the chat become
 * BLOCKED (never retried), and the person is marked so that nothing new is written for them.
 */
export async function markChatBlocked(prisma: PrismaClient, notification: { id: number; chatId: bigint; personId: number | null }, at: Date, error: string): Promise<void> {
  await prisma.$transaction([
    prisma.notification.updateMany({ where: { chatId: notification.chatId, status: 'PENDING' }, data: { status: 'BLOCKED', lastError: error, leaseExpiresAt: null } }),
    prisma.person.updateMany({
      where: { blockedAt: null, OR: [{ chatId: notification.chatId }, ...(notification.personId !== null ? [{ id: notification.personId }] : [])] },
      data: { blockedAt: at },
    }),
  ]);
}
