// Delivery of the notification outbox. Two jobs:
// - `deliver-notifications` (every few seconds, and on notifyOutboxChanged) finds the rows
//   that may go now and queues one `send-notification` per row;
// - `send-notification` claims its row, waits for its chat's turn, sends it and records
//   the outcome.
// The outbox row is the truth and the queue only wakes the workers: a lost job (Redis or
// the process stopped) is found again by the next sweep. The rates Telegram allows:
// about 30 messages a second overall (the limiter of `send-notification`, global across
// BullMQ workers) and 1 a second per chat (ChatPacer, per process; within the whole
// system a chat's rows are claimed one at a time and in order, see outbox.ts).
import { z } from 'zod';
import {
  claimNotification,
  defaultOutboxPolicy,
  findDeliverableNotifications,
  markChatBlocked,
  markFailed,
  markSent,
  nextPendingInChat,
  recordFailedAttempt,
  releaseClaim,
  type DeliverableNotification,
  type OutboxPolicy,
} from '../domain/notifications/outbox.js';
import {
  RecipientBlockedError,
  RejectedSendError,
  SendRateLimitedError,
  type NotificationSender,
} from '../domain/notifications/sender.js';
import type { Logger } from '../logger.js';
import { defineJob, QueueRateLimitedError, type AnyJobDefinition, type JobDeps } from './define-job.js';
import type { JobQueue } from './queue.js';

export const deliverNotificationsJob = 'deliver-notifications';
export const sendNotificationJob = 'send-notification';

export interface NotificationDeliveryOptions {
  sender: NotificationSender;
  /** Telegram: 1 message a second per chat. */
  perChatIntervalMs?: number;
  /** Telegram: about 30 messages a second overall. */
  maxPerSecond?: number;
  /** The sweep that finds rows whose job was lost, and retries that came due. */
  sweepEveryMs?: number;
  /** Sends in flight at once in one process (they mostly wait on the network). */
  concurrency?: number;
  /** Rows queued per sweep. */
  batchSize?: number;
  policy?: Partial<OutboxPolicy>;
}

export function notificationJobs(options: NotificationDeliveryOptions): AnyJobDefinition[] {
  const perChatIntervalMs = options.perChatIntervalMs ?? 1000;
  const policy: OutboxPolicy = { ...defaultOutboxPolicy, ...options.policy };
  const batchSize = options.batchSize ?? 200;
  const pacer = new ChatPacer(perChatIntervalMs);
  // Rows this process is sending. The claim's lease is measured on deps.clock, which the
  // demo and tests move forward by days: a lease could "expire" mid-send. Across
  // processes (real clocks) the lease alone suffices.
  const inFlight = new Set<number>();

  const queueSend = (deps: JobDeps, row: DeliverableNotification, delayMs = 0) =>
    // The id carries the attempt count: a retry is a new job, a repeat of a waiting one is not.
    deps.queue.enqueue(sendNotificationJob, { notificationId: row.id }, { jobId: `notification-${row.id}-${row.attempts}`, ...(delayMs > 0 ? { delayMs } : {}) });

  const deliver = defineJob({
    name: deliverNotificationsJob,
    schema: z.object({}),
    repeat: { everyMs: options.sweepEveryMs ?? 3000 },
    attempts: 1,
    handler: async (deps) => {
      for (const row of await findDeliverableNotifications(deps.db.sql, deps.clock.now(), batchSize)) await queueSend(deps, row);
    },
  });

  const send = defineJob({
    name: sendNotificationJob,
    schema: z.object({ notificationId: z.number().int().positive() }),
    concurrency: options.concurrency ?? 4,
    limiter: { max: options.maxPerSecond ?? 30, durationMs: 1000 },
    attempts: 3,
    handler: async (deps, { notificationId }) => {
      if (inFlight.has(notificationId)) return;
      inFlight.add(notificationId);
      try {
        await claimAndSend(deps, notificationId);
      } finally {
        inFlight.delete(notificationId);
      }
    },
  });

  async function claimAndSend(deps: JobDeps, notificationId: number): Promise<void> {
    if (!(await claimNotification(deps.db.sql, notificationId, deps.clock.now(), policy.leaseMs))) return;
    const notification = await deps.prisma.notification.findUniqueOrThrow({ where: { id: notificationId }, include: { person: { select: { locale: true } } } });
    const { person, ...row } = notification;
    await pacer.waitTurn(row.chatId);
    try {
      await options.sender.send(row, { locale: person?.locale ?? deps.config.DEFAULT_LOCALE });
    } catch (error) {
      await recordSendFailure(deps, row, error);
      return;
    }
    // The one window where a notification can go out twice: the process dies after
    // Telegram accepted the message and before the next line is written. The claim's
    // lease then expires and another worker sends it again. Telegram offers no
    // idempotency key for sends, so this window (one database write) is the minimum.
    await markSent(deps.prisma, row.id, deps.clock.now());
    await queueNextInChat(deps, row.chatId, perChatIntervalMs);
  }

  async function recordSendFailure(deps: JobDeps, row: { id: number; chatId: bigint; personId: number | null }, error: unknown): Promise<void> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (error instanceof SendRateLimitedError) {
      // Not this row's fault: it goes back untried, and the whole queue waits retry_after.
      await releaseClaim(deps.prisma, row.id, deps.clock.now(), reason);
      throw new QueueRateLimitedError(error.retryAfterMs);
    }
    if (error instanceof RecipientBlockedError) {
      await markChatBlocked(deps.prisma, row, deps.clock.now(), reason);
      deps.logger.info('chat blocked the bot', { notificationId: row.id, personId: row.personId });
      return;
    }
    if (error instanceof RejectedSendError) {
      await markFailed(deps.prisma, row.id, reason);
      deps.logger.error('notification rejected', { notificationId: row.id, error });
    } else {
      // Transient (network, 5xx) and anything unexpected: backoff, then FAILED.
      const outcome = await recordFailedAttempt(deps.prisma, row.id, deps.clock.now(), reason, policy);
      deps.logger.warn('notification not sent', { notificationId: row.id, outcome: outcome.status, error });
      if (outcome.status === 'retry') {
        await queueSend(deps, { id: row.id, attempts: outcome.attempts }, outcome.at.getTime() - deps.clock.now().getTime());
        return;
      }
    }
    // Given up: the chat's next notification no longer waits behind this one.
    await queueNextInChat(deps, row.chatId, 0);
  }

  /** A chat's next row waits for the one before it: queue it as soon as its turn comes. */
  async function queueNextInChat(deps: JobDeps, chatId: bigint, delayMs: number): Promise<void> {
    const next = await nextPendingInChat(deps.prisma, chatId);
    if (next) await queueSend(deps, next, delayMs);
  }

  return [deliver, send];
}

/**
 * Wakes delivery now (after a transaction that wrote notifications has committed). Never
 * throws: if the queue is unreachable, the periodic sweep delivers a few seconds later.
 */
export async function notifyOutboxChanged(queue: JobQueue, logger?: Logger): Promise<void> {
  try {
    await queue.enqueue(deliverNotificationsJob, {});
  } catch (error) {
    logger?.warn('delivery not woken; the sweep will find the notifications', { error });
  }
}

/** 1 message a second per chat, in real time (Telegram's clock, not deps.clock). */
export class ChatPacer {
  readonly #lastSend = new Map<bigint, number>();
  constructor(readonly intervalMs: number) {}

  async waitTurn(chatId: bigint): Promise<void> {
    const waitMs = (this.#lastSend.get(chatId) ?? -Infinity) + this.intervalMs - Date.now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    const now = Date.now();
    this.#lastSend.set(chatId, now);
    if (this.#lastSend.size > 10_000) {
      for (const [chat, at] of this.#lastSend) if (at <= now - this.intervalMs) this.#lastSend.delete(chat);
    }
  }
}
