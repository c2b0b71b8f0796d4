// The BullMQ driver: one Redis queue and one worker per job definition, so that a
// definition's limiter and a 429 pause concern only its own jobs. Repeatable jobs are
// BullMQ job schedulers (one job per interval across all processes).
import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { AppDeps } from '../deps.js';
import {
  checkJobId,
  defaultAttempts,
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
}

export class BullJobQueue implements JobQueue {
  readonly driver = 'bullmq';
  readonly #deps: JobDeps;
  readonly #definitions: Map<string, AnyJobDefinition>;
  readonly #connection: Redis;
  readonly #prefix: string;
  readonly #queues = new Map<string, Queue>();
  #workers: Worker[] = [];

  constructor(deps: AppDeps, definitions: readonly AnyJobDefinition[], options: BullJobQueueOptions) {
    this.#deps = { ...deps, queue: this };
    this.#definitions = new Map(definitions.map((definition) => [definition.name, definition]));
    this.#prefix = options.prefix ?? 'minyi';
    // Workers block on Redis: BullMQ requires maxRetriesPerRequest: null.
    this.#connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.#connection.on('error', (error) => deps.logger.warn('redis connection', { error }));
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
    await this.#queue(name).add(name, payload, jobOptions);
  }

  async start(): Promise<void> {
    if (this.#workers.length > 0) return;
    for (const definition of this.#definitions.values()) {
      const queue = this.#queue(definition.name);
      if (definition.repeat) {
        const repeat = 'everyMs' in definition.repeat ? { every: definition.repeat.everyMs } : { pattern: definition.repeat.cron, tz: definition.repeat.timeZone };
        await queue.upsertJobScheduler(definition.name, repeat, {
          name: definition.name,
          data: {},
          opts: { attempts: definition.attempts ?? defaultAttempts, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: true },
        });
      }
      const worker: Worker = new Worker(definition.name, (job: Job) => this.#process(definition, queue, job), {
        connection: this.#connection,
        prefix: this.#prefix,
        concurrency: definition.concurrency ?? 1,
        ...(definition.limiter ? { limiter: { max: definition.limiter.max, duration: definition.limiter.durationMs } } : {}),
      });
      worker.on('error', (error) => this.#deps.logger.error('worker error', { job: definition.name, error }));
      worker.on('failed', (job, error) =>
        this.#deps.logger.error('job failed', { job: definition.name, jobId: job?.id, attemptsMade: job?.attemptsMade, error }),
      );
      this.#workers.push(worker);
    }
  }

  async stop(): Promise<void> {
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

  async #process(definition: AnyJobDefinition, queue: Queue, job: Job): Promise<void> {
    try {
      await runJob(definition, this.#deps, job.data);
    } catch (error) {
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

  #queue(name: string): Queue {
    let queue = this.#queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.#connection, prefix: this.#prefix });
      queue.on('error', (error) => this.#deps.logger.warn('queue error', { job: name, error }));
      this.#queues.set(name, queue);
    }
    return queue;
  }
}
