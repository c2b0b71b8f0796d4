// The outbox's delivery side. A notification row is the truth: it is PENDING until a
// worker has handed it to the messenger (SENT), given up on it (FAILED) or found the chat
// closed to the bot (BLOCKED). Workers claim a row before sending it, so two workers
// never take the same one, and a chat's notifications go out one at a time, in order.
//
// Times compared in SQL come from `deps.clock` (tests and the demo move it), passed as
// UTC text: Prisma stores DateTime as UTC in `timestamp without time zone` columns.
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { SqlRunner } from '../../db/migrate.js';

export interface OutboxPolicy {
  /** How long a claimed row is reserved for its worker; after it, a crashed worker's row is due again. */
  leaseMs: number;
  /** Sends tried before a row is FAILED. */
  maxAttempts: number;
  /** Backoff after a failed send: base × 2^(attempts−1), at most `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const defaultOutboxPolicy: OutboxPolicy = { leaseMs: 2 * 60_000, maxAttempts: 8, retryBaseMs: 5_000, retryMaxMs: 60 * 60_000 };

export function retryDelayMs(policy: OutboxPolicy, attempts: number): number {
  return Math.min(policy.retryBaseMs * 2 ** Math.max(0, attempts - 1), policy.retryMaxMs);
}

// A row never tried is due at once whatever its nextAttemptAt says (that column's default
// is the database's clock, which need not agree with deps.clock); afterwards nextAttemptAt
// holds the lease or the retry time. Only the oldest pending row of a chat may go.
const deliverableCondition = (nowParam: string) => `
  n.status = 'PENDING'
  AND (n.attempts = 0 OR n."nextAttemptAt" <= (${nowParam}::timestamptz AT TIME ZONE 'UTC'))
  AND NOT EXISTS (
    SELECT 1 FROM "Notification" earlier
    WHERE earlier."chatId" = n."chatId" AND earlier.status = 'PENDING' AND earlier.id < n.id
  )`;

export interface DeliverableNotification {
  id: number;
  attempts: number;
}

/** Notifications that may be sent now, oldest first. */
export async function findDeliverableNotifications(sql: SqlRunner, now: Date, limit: number): Promise<DeliverableNotification[]> {
  const { rows } = await sql.query<DeliverableNotification>(
    `SELECT n.id, n.attempts FROM "Notification" n WHERE ${deliverableCondition('$1')} ORDER BY n.id LIMIT $2`,
    [now.toISOString(), limit],
  );
  return rows.map((row) => ({ id: Number(row.id), attempts: Number(row.attempts) }));
}

/** The oldest pending notification of a chat, whether or not it is due yet. */
export async function nextPendingInChat(prisma: PrismaClient, chatId: bigint): Promise<DeliverableNotification | null> {
  return prisma.notification.findFirst({ where: { chatId, status: 'PENDING' }, orderBy: { id: 'asc' }, select: { id: true, attempts: true } });
}

/**
 * Reserves one notification for this worker: counts the attempt and moves nextAttemptAt
 * past the lease. Row locks with SKIP LOCKED, and the re-check PostgreSQL makes on a row
 * changed meanwhile, let exactly one of several concurrent workers win.
 * Returns false when the row is taken, not due, not first in its chat, or done.
 */
export async function claimNotification(sql: SqlRunner, id: number, now: Date, leaseMs: number): Promise<boolean> {
  const { rows } = await sql.query(
    `UPDATE "Notification" SET attempts = attempts + 1, "nextAttemptAt" = ($3::timestamptz AT TIME ZONE 'UTC')
     WHERE id = (
       SELECT n.id FROM "Notification" n
       WHERE n.id = $1 AND ${deliverableCondition('$2')}
       FOR UPDATE SKIP LOCKED
     )
     RETURNING id`,
    [id, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString()],
  );
  return rows.length === 1;
}

export async function markSent(prisma: PrismaClient, id: number, at: Date): Promise<void> {
  await prisma.notification.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'SENT', sentAt: at, lastError: null } });
}

/** Gives a claimed row back untried (the messenger asked us to slow down): due again at once. */
export async function releaseClaim(prisma: PrismaClient, id: number, now: Date, reason: string): Promise<void> {
  await prisma.notification.updateMany({
    where: { id, status: 'PENDING', attempts: { gt: 0 } },
    data: { attempts: { decrement: 1 }, nextAttemptAt: now, lastError: reason },
  });
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
  await prisma.notification.updateMany({ where: { id, status: 'PENDING' }, data: { nextAttemptAt: at, lastError: error } });
  return { status: 'retry', at, attempts: row.attempts };
}

export async function markFailed(prisma: PrismaClient, id: number, error: string): Promise<void> {
  await prisma.notification.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'FAILED', lastError: error } });
}

/**
 * The chat is closed to the bot: this row and every other pending one for the chat become
 * BLOCKED (never retried), and the person is marked so that nothing new is written for them.
 */
export async function markChatBlocked(prisma: PrismaClient, notification: { id: number; chatId: bigint; personId: number | null }, at: Date, error: string): Promise<void> {
  await prisma.$transaction([
    prisma.notification.updateMany({ where: { chatId: notification.chatId, status: 'PENDING' }, data: { status: 'BLOCKED', lastError: error } }),
    prisma.person.updateMany({
      where: { blockedAt: null, OR: [{ chatId: notification.chatId }, ...(notification.personId !== null ? [{ id: notification.personId }] : [])] },
      data: { blockedAt: at },
    }),
  ]);
}
