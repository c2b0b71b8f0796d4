// Retries for the bot's own Bot API calls (replies, edits, button answers), bounded so a
// resident waits seconds, not minutes. A 429 waits its retry_after (auto-retry), up to
// 30 s. A 5xx or a network error is retried quickly: auto-retry's own backoff for these
// (3, 6, 12, 24 s, sleeping even after the last attempt) held a dialogue for 45 s on four
// 5xx in a row, longer than people wait. What still fails is thrown to the feature, which
// tells the resident honestly what was saved (src/bot/features/opinion).
// The outbox does not use this: it paces and retries deliveries itself (src/delivery).
import { autoRetry } from '@grammyjs/auto-retry';
import { HttpError, type Transformer } from 'grammy';
import { setTimeout as sleep } from 'node:timers/promises';

/** Waits before each retry of a 5xx or network error: four retries within 7.5 s. */
export const TRANSIENT_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000] as const;

const retryRateLimits = autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowInternalServerErrors: true, rethrowHttpErrors: true });

const retryTransientFailures: Transformer = async (prev, method, payload, signal) => {
  for (let attempt = 0; ; attempt++) {
    const delay = TRANSIENT_RETRY_DELAYS_MS[attempt];
    try {
      const result = await prev(method, payload, signal);
      if (result.ok || result.error_code < 500 || delay === undefined) return result;
    } catch (error) {
      if (!(error instanceof HttpError) || delay === undefined || signal?.aborted) throw error;
    }
    // grammY types its signal with the abort-controller polyfill; at run time it is Node's own.
    await sleep(delay, undefined, { signal: signal as globalThis.AbortSignal | undefined });
  }
};

/** One transformer: rate limits outside, transient failures inside (each 429 retry gets its own quick retries). */
export const botApiRetry: Transformer = (prev, method, payload, signal) =>
  retryRateLimits((m, p, s) => retryTransientFailures(prev, m, p, s), method, payload, signal);
