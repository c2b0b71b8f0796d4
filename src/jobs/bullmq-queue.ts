// The BullMQ driver: one Redis queue and one worker per job definition, so that a
// definition's limiter and a 429 pause concern only its own jobs. Repeatable jobs are
// BullMQ job schedulers (one job per interval across all processes).
//
// Schedulers live in Redis only: a Redis restarted without persistence, a failover or a
// FLUSHALL loses them, and nothing would run again until a restart. So they are upserted
// (idempotent) on every `ready` of the connection and checked every
// `scheduleCheckEveryMs` (30 s by default): a lost schedule is back within a minute.
import type { Job, JobsOptions, Queue, Worker } from 'bullmq';
import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { AppDeps } from '../deps.js';
import {
  checkJobId,
  defaultAttempts,
  JobDeferredError,
  JobPayloadError,
  parsePayload,
  QueueRateLimitedError,
  runJob,
  type AnyJobDefinition,
  type JobDeps,
} from './define-job.js';
import type { EnqueueOptions, JobQueue } from './queue.js';

export interface BullJobQueueOptions {
  redisUrl: string;
  /** Prefix of every Redis key (default "minyi"). */
  prefix?: string;
  /** How often the job schedulers are checked and recreated when missing (ms, default 30 s). */
  scheduleCheckEveryMs?: number;
}

// Loaded by the first queue used: the in-process driver (no REDIS_URL) never pays its start-up time and memory.
let bullmq: Promise<typeof import('bullmq')> | undefined;
const loadBullmq = () => (bullmq ??= import('bullmq'));

const defaultScheduleCheckEveryMs = 30_000;
const readinessTimeoutMs = 3000;

export class BullJobQueue implements JobQueue {
  readonly driver = 'bullmq';
  readonly #deps: JobDeps;
  readonly #definitions: Map<string, AnyJobDefinition>;
  readonly #connection: Redis;
  readonly #prefix: string;
  readonly #queues = new Map<string, Queue>();
  #workers: Worker[] = [];
  readonly #scheduleCheckEveryMs: number;
  #scheduleCheck: NodeJS.Timeout | undefined;
  #restoring = false;

  constructor(deps: AppDeps, definitions: readonly AnyJobDefinition[], options: BullJobQueueOptions) {
    this.#deps = { ...deps, queue: this };
    this.#definitions = new Map(definitions.map((definition) => [definition.name, definition]));
    this.#prefix = options.prefix ?? 'minyi';
    // Workers block on Redis: BullMQ requires maxRetriesPerRequest: null.
    this.#connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.#connection.on('error', (error) => deps.logger.warn('redis connection', { error }));
    this.#scheduleCheckEveryMs = options.scheduleCheckEveryMs ?? defaultScheduleCheckEveryMs;
    // After a reconnection Redis may be a new, empty server.
    this.#connection.on('ready', () => {
      if (this.#workers.length > 0) void this.#restoreSchedules();
    });
  }

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
    const definition = this.#definition(name);
    parsePayload(definition, payload);
    checkJobId(options.jobId);
    const jobOptions: JobsOptions = {
      attempts: definition.attempts ?? defaultAttempts,
      // 1 s, 2 s, 4 s, … as the in-process driver (jobRetryDelayMs).
      backoff: { type: 'exponential', delay: 1000 },
      // Finished jobs leave Redis at once, freeing their id for the next job of that id.
      removeOnComplete: true,
      removeOnFail: true,
      ...(options.jobId !== undefined ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
    };
    await (await this.#queue(name)).add(name, payload, jobOptions);
  }

  async start(): Promise<void> {
    if (this.#workers.length > 0) return;
    for (const definition of this.#definitions.values()) {
      const queue = await this.#queue(definition.name);
      const { Worker } = await loadBullmq();
      // Unconditionally at start: the schedule may have changed since the last deployment.
      if (definition.repeat) await this.#upsertSchedule(definition);
      const worker: Worker = new Worker(definition.name, (job: Job, token?: string) => this.#process(definition, queue, job, token), {
        connection: this.#connection,
        prefix: this.#prefix,
        concurrency: definition.concurrency ?? 1,
        ...(definition.limiter ? { limiter: { max: definition.limiter.max, duration: definition.limiter.durationMs } } : {}),
        ...(definition.crashRecoveryMs
          ? { lockDuration: definition.crashRecoveryMs, stalledInterval: definition.crashRecoveryMs, maxStalledCount: Number.MAX_SAFE_INTEGER }
          : {}),
      });
      worker.on('error', (error) => this.#deps.logger.error('worker error', { job: definition.name, error }));
      worker.on('failed', (job, error) =>
        this.#deps.logger.error('job failed', { job: definition.name, jobId: job?.id, attemptsMade: job?.attemptsMade, error }),
      );
      this.#workers.push(worker);
    }
    this.#scheduleCheck = setInterval(() => void this.#restoreSchedules(), this.#scheduleCheckEveryMs);
  }

  async problems(): Promise<string[]> {
    try {
      // Commands wait for a lost connection to come back: a readiness probe must not.
      const missing = await Promise.race([
        this.#missingSchedules(),
        delay(readinessTimeoutMs, undefined, { ref: false }).then(() => Promise.reject(new Error(`no answer within ${readinessTimeoutMs / 1000} s`))),
      ]);
      if (missing.length === 0) return [];
      void this.#restoreSchedules();
      return [`job schedules missing in Redis (being recreated): ${missing.join(', ')}`];
    } catch (error) {
      return [`Redis: ${(error as Error).message}`];
    }
  }

  async #upsertSchedule(definition: AnyJobDefinition): Promise<void> {
    const repeat = definition.repeat!;
    await (await this.#queue(definition.name)).upsertJobScheduler(
      definition.name,
      'everyMs' in repeat ? { every: repeat.everyMs } : { pattern: repeat.cron, tz: repeat.timeZone },
      {
        name: definition.name,
        data: {},
        opts: { attempts: definition.attempts ?? defaultAttempts, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: true },
      },
    );
  }

  async #missingSchedules(): Promise<string[]> {
    const missing: string[] = [];
    for (const definition of this.#definitions.values()) {
      if (definition.repeat && !(await (await this.#queue(definition.name)).getJobScheduler(definition.name))) missing.push(definition.name);
    }
    return missing;
  }

  /** Recreates the schedules Redis lost; errors are logged (Redis may still be down) and retried at the next check. */
  async #restoreSchedules(): Promise<void> {
    if (this.#restoring) return;
    this.#restoring = true;
    try {
      const missing = await this.#missingSchedules();
      for (const name of missing) await this.#upsertSchedule(this.#definition(name));
      if (missing.length > 0) this.#deps.logger.warn('job schedules were missing in Redis and are recreated', { jobs: missing });
    } catch (error) {
      // Right after a reconnection the first commands may still fail: try again shortly.
      this.#deps.logger.warn('job schedules not checked: Redis unavailable, retrying', { error });
      if (this.#workers.length > 0) setTimeout(() => void this.#restoreSchedules(), 1000).unref();
    } finally {
      this.#restoring = false;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.#scheduleCheck);
    this.#scheduleCheck = undefined;
    // close() waits for the running jobs; the waiting ones stay in Redis for the next start.
    await Promise.all(this.#workers.map((worker) => worker.close()));
    this.#workers = [];
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()));
    this.#queues.clear();
    if (this.#connection.status !== 'end') await this.#connection.quit().catch(() => this.#connection.disconnect());
  }

  async runDueNow(): Promise<void> {
    for (const definition of this.#definitions.values()) {
      if (definition.repeat) await runJob(definition, this.#deps, {});
    }
  }

  async #process(definition: AnyJobDefinition, queue: Queue, job: Job, token: string | undefined): Promise<void> {
    try {
      await runJob(definition, this.#deps, job.data);
    } catch (error) {
      const { DelayedError, UnrecoverableError, Worker } = await loadBullmq();
      if (error instanceof JobDeferredError) {
        // Back to the delayed set without using an attempt; the worker slot is free meanwhile.
        await job.moveToDelayed(Date.now() + error.delayMs, token);
        throw new DelayedError();
      }
      if (error instanceof QueueRateLimitedError) {
        // The job returns to the waiting list without using an attempt; every worker of
        // this queue pauses until the delay is over.
        await queue.rateLimit(error.delayMs);
        throw Worker.RateLimitError();
      }
      if (error instanceof JobPayloadError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  #definition(name: string): AnyJobDefinition {
    const definition = this.#definitions.get(name);
    if (!definition) throw new Error(`unknown job ${name}`);
    return definition;
  }

  async #queue(name: string): Promise<Queue> {
    const { Queue } = await loadBullmq();
    let queue = this.#queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.#connection, prefix: this.#prefix });
      queue.on('error', (error) => this.#deps.logger.warn('queue error', { job: name, error }));
      this.#queues.set(name, queue);
    }
    return queue;
  }
}
