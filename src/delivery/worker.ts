// The delivery worker: one per instance, beside the job queue. It looks at the outbox
// when woken (the OutboxSignal, after every commit that wrote notifications), when a
// send finishes, and every few seconds (retries that came due, rows of a worker that
// died). For each row it may send now it claims the row, waits for its slot at
// Telegram's limits (pacer.ts), sends, and records the outcome at once.
//
// What is guaranteed: at-least-once delivery to every chat that has not blocked the bot
// (after maxAttempts transient failures a row is FAILED), in order within a chat. A
// message can go out twice only if its worker dies after Telegram accepted it and before
// the row is marked SENT — one UPDATE, a few milliseconds (Telegram offers no
// idempotency key for sends). The row then comes free when its lease runs out (a few
// seconds: the lease is short and renewed while the worker waits and sends) and is sent
// again. README ("Delivery") gives the rate measured after SIGKILL.
import type { AppDeps } from '../deps.js';
import {
  claimNotification,
  defaultOutboxPolicy,
  findDeliverableNotifications,
  markChatBlocked,
  markFailed,
  markSent,
  recordFailedAttempt,
  releaseClaim,
  renewLease,
  type ClaimedNotification,
  type DeliverableNotification,
  type OutboxPolicy,
} from './outbox.js';
import type { DeliveryPacer } from './pacer.js';
import { RecipientBlockedError, RejectedSendError, SendRateLimitedError, type NotificationSender } from './sender.js';
import type { OutboxSignal } from './signal.js';

export interface DeliveryWorkerOptions {
  sender: NotificationSender;
  pacer: DeliveryPacer;
  /** Defaults to deps.outbox. */
  signal?: OutboxSignal;
  /** How often the outbox is looked at without being woken. */
  sweepEveryMs?: number;
  /** Rows held at once: sending, or waiting for their chat's next second. */
  concurrency?: number;
  policy?: Partial<OutboxPolicy>;
}

/** A claimed row waits for its slot while holding it; longer waits give it back. */
const longestHoldMs = 2_000;
/** A row that found the pacer unreachable is tried again after this. */
const pacerRetryMs = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class DeliveryWorker {
  readonly #deps: AppDeps;
  readonly #sender: NotificationSender;
  readonly #pacer: DeliveryPacer;
  readonly #signal: OutboxSignal;
  readonly #policy: OutboxPolicy;
  readonly #concurrency: number;
  readonly #sweepEveryMs: number;
  readonly #held = new Set<Promise<void>>();
  #candidates: DeliverableNotification[] = [];
  #stale = true;
  #pumping = false;
  #again = false;
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(deps: AppDeps, options: DeliveryWorkerOptions) {
    this.#deps = deps;
    this.#sender = options.sender;
    this.#pacer = options.pacer;
    this.#signal = options.signal ?? deps.outbox;
    this.#policy = { ...defaultOutboxPolicy, ...options.policy };
    this.#concurrency = options.concurrency ?? 24;
    this.#sweepEveryMs = options.sweepEveryMs ?? 3_000;
  }

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#unsubscribe = await this.#signal.subscribe(() => this.wake());
    this.#timer = setInterval(() => this.wake(), this.#sweepEveryMs);
    this.wake();
  }

  /** Waits for the rows in hand: sent and recorded, or given back untried. */
  async stop(): Promise<void> {
    this.#running = false;
    clearInterval(this.#timer);
    this.#unsubscribe?.();
    while (this.#pumping || this.#held.size > 0) await Promise.allSettled([...this.#held, sleep(10)]);
  }

  /** Looks at the outbox now. */
  wake(): void {
    this.#stale = true;
    void this.#pump();
  }

  /** Claims rows while there is room; re-reads the outbox when told something changed. */
  async #pump(): Promise<void> {
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = true;
    try {
      do {
        this.#again = false;
        while (this.#running && this.#held.size < this.#concurrency) {
          if (this.#stale || this.#candidates.length === 0) {
            this.#stale = false;
            this.#candidates = await findDeliverableNotifications(this.#deps.db.sql, this.#deps.clock.now(), this.#concurrency * 4);
            if (this.#candidates.length === 0) break;
          }
          const candidate = this.#candidates.shift()!;
          const claim = await claimNotification(this.#deps.db.sql, candidate.id, this.#deps.clock.now(), this.#policy.leaseMs);
          if (!claim) continue;
          const held: Promise<void> = this.#deliver(claim, candidate.backlog)
            .catch((error: unknown) => this.#deps.logger.error('delivery failed', { notificationId: claim.id, error }))
            .finally(() => {
              this.#held.delete(held);
              // The chat's next message is due in a second: look for it, do not wait for a sweep.
              if (candidate.backlog > 1) this.#stale = true;
              void this.#pump();
            });
          this.#held.add(held);
        }
      } while (this.#again && this.#running);
    } catch (error) {
      this.#deps.logger.warn('outbox not read; the next sweep tries again', { error });
    } finally {
      this.#pumping = false;
    }
  }

  /** `backlog`: the chat's pending rows when this one was found (see DeliveryPacer.take). */
  async #deliver(claim: ClaimedNotification, backlog: number): Promise<void> {
    const { sql } = this.#deps.db;
    const renewal = setInterval(() => {
      renewLease(sql, claim, this.#policy.leaseMs).catch((error: unknown) => this.#deps.logger.warn('lease not renewed', { notificationId: claim.id, error }));
    }, this.#policy.leaseMs / 3);
    try {
      let slot: string;
      for (;;) {
        if (!this.#running) return await releaseClaim(sql, claim, 0, null);
        const turn = await this.#pacer.take(claim.chatId, backlog).catch(async (error: unknown) => {
          // Pacing unreachable (Redis down): nothing is sent unpaced; the row waits untried.
          this.#deps.logger.warn('delivery pacer unreachable', { error });
          await releaseClaim(sql, claim, pacerRetryMs, null);
          return null;
        });
        if (!turn) return;
        if (turn.granted) {
          slot = turn.slot;
          break;
        }
        // Another row's turn may come sooner: a long wait gives this one back meanwhile.
        if (turn.waitMs > longestHoldMs) return await releaseClaim(sql, claim, turn.waitMs, null);
        await sleep(turn.waitMs);
      }
      const answered = () => this.#pacer.answered(claim.chatId, slot).catch((error: unknown) => this.#deps.logger.warn('delivery pacer not told of an answer', { error }));
      try {
        await this.#sender.send(claim, { locale: claim.locale ?? this.#deps.config.DEFAULT_LOCALE });
      } catch (error) {
        await answered();
        await this.#recordFailure(claim, error);
        return;
      }
      // At once: this write ends the window in which a crash resends (the pacer's update
      // goes alongside, not before it).
      await Promise.all([markSent(sql, claim.id, this.#deps.clock.now()), answered()]);
    } finally {
      clearInterval(renewal);
    }
  }

  async #recordFailure(claim: ClaimedNotification, error: unknown): Promise<void> {
    const deps = this.#deps;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (error instanceof SendRateLimitedError) {
      // Not this row's fault: it goes back untried, and its chat (or, when several chats
      // hit the limit, every chat) waits retry_after.
      const retryAfterMs = Math.max(1, error.retryAfterMs);
      await this.#pacer.rateLimited(claim.chatId, retryAfterMs);
      await releaseClaim(deps.db.sql, claim, retryAfterMs, reason);
      deps.logger.warn('Telegram asked to slow down', { notificationId: claim.id, retryAfterMs });
      this.#scheduleWake(retryAfterMs);
      return;
    }
    if (error instanceof RecipientBlockedError) {
      await markChatBlocked(deps.prisma, claim, deps.clock.now(), reason);
      deps.logger.info('chat blocked the bot', { notificationId: claim.id, personId: claim.personId });
      return;
    }
    if (error instanceof RejectedSendError) {
      await markFailed(deps.prisma, claim.id, reason);
      deps.logger.error('notification rejected', { notificationId: claim.id, error });
      return;
    }
    // Transient (network, 5xx) and anything unexpected: backoff, then FAILED.
    const outcome = await recordFailedAttempt(deps.prisma, claim.id, deps.clock.now(), reason, this.#policy);
    deps.logger.warn('notification not sent', { notificationId: claim.id, outcome: outcome.status, error });
    if (outcome.status === 'retry') this.#scheduleWake(outcome.at.getTime() - deps.clock.now().getTime());
  }

  /** A retry due before the next sweep is looked for when it is due. */
  #scheduleWake(delayMs: number): void {
    if (delayMs >= this.#sweepEveryMs) return;
    const timer = setTimeout(() => {
      if (this.#running) this.wake();
    }, delayMs);
    timer.unref();
  }
}
