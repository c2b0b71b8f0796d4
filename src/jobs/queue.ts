// The queue the application talks to, whatever runs it: BullMQ on Redis when REDIS_URL
// is set, timers in this process otherwise (the embedded default).
import type { AppDeps } from '../deps.js';
import { BullJobQueue } from './bullmq-queue.js';
import type { AnyJobDefinition } from './define-job.js';
import { InProcessJobQueue, type OccurrenceLedger } from './in-process-queue.js';
import type { Database } from '../db/database.js';

export interface EnqueueOptions {
  /** Deduplicates: while a job with this id waits or runs, another is ignored. No ':'. */
  jobId?: string;
  delayMs?: number;
}

export interface JobQueue {
  readonly driver: 'bullmq' | 'in-process';
  /** Validates the payload against the job's schema and queues it. */
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): Promise<void>;
  /** Starts the workers and the schedules of repeatable jobs. */
  start(): Promise<void>;
  /**
   * Stops taking jobs, waits for the running ones, releases connections and timers. Jobs
   * still waiting stay in Redis (BullMQ) or are dropped (in-process): the database holds
   * what matters. A stopped queue is not started again; a restart creates a new one.
   */
  stop(): Promise<void>;
  /**
   * Tests and the demo: runs every repeatable job once now, in this process, against
   * `deps.clock`; on the in-process driver also waits for the jobs that run queued meanwhile.
   */
  runDueNow(): Promise<void>;
  /** What stops the queue from working now (Redis unreachable, a schedule missing); empty when ready. */
  problems(): Promise<string[]>;
}

export interface CreateJobQueueOptions {
  /** Defaults to `deps.config.REDIS_URL`; without one the in-process driver is used. */
  redisUrl?: string | undefined;
  /** Redis key prefix (BullMQ): tests isolate themselves with a unique one. */
  prefix?: string;
  /** BullMQ: how often the job schedulers are checked and recreated if Redis lost them (ms). */
  scheduleCheckEveryMs?: number;
}

export function createJobQueue(deps: AppDeps, definitions: readonly AnyJobDefinition[], options: CreateJobQueueOptions = {}): JobQueue {
  const names = new Set<string>();
  for (const definition of definitions) {
    if (names.has(definition.name)) throw new Error(`job ${definition.name} is defined twice`);
    names.add(definition.name);
  }
  const redisUrl = 'redisUrl' in options ? options.redisUrl : deps.config.REDIS_URL;
  return redisUrl
    ? new BullJobQueue(deps, definitions, {
        redisUrl,
        ...(options.prefix ? { prefix: options.prefix } : {}),
        ...(options.scheduleCheckEveryMs ? { scheduleCheckEveryMs: options.scheduleCheckEveryMs } : {}),
      })
    : new InProcessJobQueue(deps, definitions, deps.db.kind === 'postgres' ? postgresOccurrenceLedger(deps.db) : undefined);
}

/**
 * Occurrences claimed in PostgreSQL, for several instances without Redis. (PGlite is one
 * process by construction: its data folder is locked.) Rows older than a day are deleted
 * as new ones come.
 */
export function postgresOccurrenceLedger(db: Database): OccurrenceLedger {
  return {
    async claim(jobName, occursAt) {
      const { rows } = await db.sql.query(
        `INSERT INTO "JobOccurrence" ("jobName", "occursAt") VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [jobName, occursAt],
      );
      await db.sql.query(`DELETE FROM "JobOccurrence" WHERE "jobName" = $1 AND "occursAt" < $2`, [jobName, new Date(occursAt.getTime() - 86_400_000)]);
      return rows.length > 0;
    },
  };
}
