// Jobs declared as data: a name, a zod schema for the payload, a handler and an optional
// schedule. The two queue drivers (BullMQ on Redis, in-process timers) run the same
// definitions through `runJob`, which validates the payload before calling the handler.
import type { z } from 'zod';
import type { AppDeps } from '../deps.js';
import type { JobQueue } from './queue.js';

/** What a handler gets: the application's dependencies and the queue (to enqueue follow-ups). */
export type JobDeps = AppDeps & { queue: JobQueue };

/** Repeatable jobs run with the payload `{}`; "now" inside them is `deps.clock.now()`. */
export type JobRepeat = { everyMs: number } | { cron: string; timeZone: string };

export interface JobDefinition<Payload = unknown> {
  /** Also the BullMQ queue name: letters, digits and '-' only. */
  name: string;
  schema: z.ZodType<Payload>;
  handler(deps: JobDeps, payload: Payload): Promise<void>;
  repeat?: JobRepeat;
  /** Jobs of this definition run at once in one process (default 1). */
  concurrency?: number;
  /** At most `max` jobs started per `durationMs`; with BullMQ global across workers. */
  limiter?: { max: number; durationMs: number };
  /** Tries before a failing job is given up (default 3, exponential backoff from 1 s). */
  attempts?: number;
  /**
   * With BullMQ: a job whose worker died is run again after about twice this long (its lock
   * lapses, then the next stall check finds it), however often that happens. Only for
   * handlers that are safe to run twice. Default: BullMQ's 30 s lock and check, once.
   */
  crashRecoveryMs?: number;
}

// The definitions of one application differ in payload type; a list holds them all.
export type AnyJobDefinition = JobDefinition<any>;

const jobNamePattern = /^[a-z0-9][a-z0-9-]*$/;

export function defineJob<Schema extends z.ZodType>(definition: {
  name: string;
  schema: Schema;
  handler(deps: JobDeps, payload: z.output<Schema>): Promise<void>;
  repeat?: JobRepeat;
  concurrency?: number;
  limiter?: { max: number; durationMs: number };
  attempts?: number;
  crashRecoveryMs?: number;
}): JobDefinition<z.output<Schema>> {
  if (!jobNamePattern.test(definition.name)) throw new Error(`job name ${JSON.stringify(definition.name)}: use lowercase letters, digits and '-'`);
  return definition as JobDefinition<z.output<Schema>>;
}

/** A payload its schema refuses: retrying cannot help. */
export class JobPayloadError extends Error {
  override name = 'JobPayloadError';
  constructor(jobName: string, issues: string) {
    super(`job ${jobName}: invalid payload — ${issues}`);
  }
}

/**
 * Thrown by a handler when the outside world asks to slow down (Telegram's 429): the
 * job goes back to the queue and the whole queue of this definition pauses for `delayMs`.
 * Not counted as a failed attempt.
 */
export class QueueRateLimitedError extends Error {
  override name = 'QueueRateLimitedError';
  constructor(readonly delayMs: number) {
    super(`rate limited for ${delayMs} ms`);
  }
}

/**
 * Thrown by a handler whose job cannot run yet (an earlier update of the same chat is
 * still being handled elsewhere): the job waits `delayMs` and runs again, without using
 * an attempt and without holding a worker slot meanwhile.
 */
export class JobDeferredError extends Error {
  override name = 'JobDeferredError';
  constructor(readonly delayMs: number) {
    super(`deferred for ${delayMs} ms`);
  }
}

export function parsePayload<Payload>(definition: JobDefinition<Payload>, payload: unknown): Payload {
  const parsed = definition.schema.safeParse(payload);
  if (!parsed.success) throw new JobPayloadError(definition.name, parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; '));
  return parsed.data;
}

/** Validates the payload, then calls the handler: the one way both drivers run a job. */
export async function runJob<Payload>(definition: JobDefinition<Payload>, deps: JobDeps, payload: unknown): Promise<void> {
  await definition.handler(deps, parsePayload(definition, payload));
}

export function checkJobId(jobId: string | undefined): void {
  // BullMQ builds Redis keys from ids with ':' as the separator.
  if (jobId !== undefined && (jobId.includes(':') || jobId === '')) throw new Error(`job id ${JSON.stringify(jobId)}: must be non-empty and contain no ':'`);
}

export const defaultAttempts = 3;

/** Backoff between tries of a failing job: 1 s, 2 s, 4 s, … */
export function jobRetryDelayMs(attemptsMade: number): number {
  return 1000 * 2 ** (attemptsMade - 1);
}
