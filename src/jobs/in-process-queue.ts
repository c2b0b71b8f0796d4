// The in-process driver: the same job definitions on timers, for the embedded default
// (no Redis). Nothing here survives the process, by design: the work that must not be
// lost lives in the database (the notification outbox, the deadlines), and the
// periodic jobs find it again after a restart.
//
// Several instances on one PostgreSQL may each run this driver (no Redis): every
// occurrence of a repeatable job is then claimed in the database first (a JobOccurrence
// row; the first insert wins), so it runs in one instance only. Interval ticks are
// aligned to multiples of the interval so that all instances name an occurrence alike.
import { CronExpressionParser } from 'cron-parser';
import type { AppDeps } from '../deps.js';
import {
  checkJobId,
  defaultAttempts,
  JobDeferredError,
  jobRetryDelayMs,
  JobPayloadError,
  parsePayload,
  QueueRateLimitedError,
  runJob,
  type AnyJobDefinition,
  type JobDeps,
} from './define-job.js';
import type { EnqueueOptions, JobQueue } from './queue.js';

interface QueuedJob {
  payload: unknown;
  jobId: string | undefined;
  attemptsMade: number;
}

/** One definition's jobs: waiting, running, its rate window and pause. */
interface Lane {
  definition: AnyJobDefinition;
  waiting: QueuedJob[];
  running: Set<Promise<void>>;
  /** Ids of jobs waiting, delayed or running (deduplication, as BullMQ does). */
  ids: Set<string>;
  /** Start times within the limiter's window. */
  starts: number[];
  pausedUntil: number;
  wakeTimer: NodeJS.Timeout | undefined;
}

/** Decides which instance runs an occurrence of a repeatable job; absent: this one always does. */
export interface OccurrenceLedger {
  /** True for the first caller of a (job, occurrence) pair, false for every later one. */
  claim(jobName: string, occursAt: Date): Promise<boolean>;
}

// setTimeout's longest delay; longer waits are taken in steps.
const maxTimerMs = 2 ** 31 - 1;

export class InProcessJobQueue implements JobQueue {
  readonly driver = 'in-process';
  readonly #deps: JobDeps;
  readonly #lanes = new Map<string, Lane>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #started = false;
  /** After stop(): delayed work started by jobs still finishing is dropped, not timed. */
  #stopped = false;

  readonly #occurrences: OccurrenceLedger | undefined;

  constructor(deps: AppDeps, definitions: readonly AnyJobDefinition[], occurrences?: OccurrenceLedger) {
    this.#deps = { ...deps, queue: this };
    this.#occurrences = occurrences;
    for (const definition of definitions) {
      this.#lanes.set(definition.name, { definition, waiting: [], running: new Set(), ids: new Set(), starts: [], pausedUntil: 0, wakeTimer: undefined });
    }
  }

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
    const lane = this.#lane(name);
    parsePayload(lane.definition, payload);
    checkJobId(options.jobId);
    if (options.jobId !== undefined) {
      if (lane.ids.has(options.jobId)) return;
      lane.ids.add(options.jobId);
    }
    // Through JSON, as a payload stored in Redis would be: the handlers see the same values.
    const job: QueuedJob = { payload: JSON.parse(JSON.stringify(payload)) as unknown, jobId: options.jobId, attemptsMade: 0 };
    this.#push(lane, job, options.delayMs ?? 0);
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#stopped = false;
    for (const lane of this.#lanes.values()) {
      const repeat = lane.definition.repeat;
      if (repeat && 'everyMs' in repeat) {
        const everyMs = repeat.everyMs;
        void this.#enqueueRepeat(lane, new Date(Math.floor(Date.now() / everyMs) * everyMs));
        this.#scheduleEvery(lane, everyMs);
      } else if (repeat) {
        this.#scheduleCron(lane, repeat.cron, repeat.timeZone);
      }
      this.#pump(lane);
    }
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const lane of this.#lanes.values()) {
      clearTimeout(lane.wakeTimer);
      lane.wakeTimer = undefined;
      lane.waiting = [];
      lane.ids.clear();
      lane.pausedUntil = 0;
    }
    await Promise.allSettled([...this.#lanes.values()].flatMap((lane) => [...lane.running]));
  }

  async problems(): Promise<string[]> {
    return this.#started ? [] : ['the in-process job queue is not running'];
  }

  async runDueNow(): Promise<void> {
    for (const lane of this.#lanes.values()) {
      if (lane.definition.repeat) await runJob(lane.definition, this.#deps, {});
    }
    await this.#settled();
  }

  #lane(name: string): Lane {
    const lane = this.#lanes.get(name);
    if (!lane) throw new Error(`unknown job ${name}`);
    return lane;
  }

  async #enqueueRepeat(lane: Lane, occursAt: Date): Promise<void> {
    const name = lane.definition.name;
    const jobId = `repeat-${name}`;
    // One run at a time: a tick while the previous run still waits or works is skipped
    // (before claiming: another instance may take the occurrence).
    if (lane.ids.has(jobId)) return;
    try {
      if (this.#occurrences && !(await this.#occurrences.claim(name, occursAt))) return;
      await this.enqueue(name, {}, { jobId });
    } catch (error) {
      this.#deps.logger.error('repeatable job not queued', { job: name, error });
    }
  }

  #scheduleEvery(lane: Lane, everyMs: number): void {
    const next = (Math.floor(Date.now() / everyMs) + 1) * everyMs;
    this.#after(Math.max(0, next - Date.now()), () => {
      void this.#enqueueRepeat(lane, new Date(next));
      this.#scheduleEvery(lane, everyMs);
    });
  }

  #scheduleCron(lane: Lane, cron: string, timeZone: string): void {
    const next = CronExpressionParser.parse(cron, { tz: timeZone, currentDate: new Date() }).next().toDate();
    this.#after(Math.max(0, next.getTime() - Date.now()), () => {
      void this.#enqueueRepeat(lane, next);
      this.#scheduleCron(lane, cron, timeZone);
    });
  }

  #push(lane: Lane, job: QueuedJob, delayMs: number): void {
    if (delayMs > 0) {
      this.#after(delayMs, () => this.#push(lane, job, 0));
      return;
    }
    lane.waiting.push(job);
    this.#pump(lane);
  }

  /** A timer that is cleared on stop; long delays are taken in steps. */
  #after(delayMs: number, action: () => void): void {
    if (this.#stopped) return;
    const step = Math.min(delayMs, maxTimerMs);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (delayMs > step) this.#after(delayMs - step, action);
      else action();
    }, step);
    this.#timers.add(timer);
  }

  /** Starts waiting jobs as far as concurrency, the limiter and a pause allow. */
  #pump(lane: Lane): void {
    if (!this.#started) return;
    const concurrency = lane.definition.concurrency ?? 1;
    while (lane.waiting.length > 0 && lane.running.size < concurrency) {
      const now = Date.now();
      const waitMs = Math.max(lane.pausedUntil - now, this.#limiterWaitMs(lane, now));
      if (waitMs > 0) {
        this.#wakeLaneIn(lane, waitMs);
        return;
      }
      if (lane.definition.limiter) lane.starts.push(now);
      const job = lane.waiting.shift()!;
      const running: Promise<void> = this.#run(lane, job).finally(() => {
        lane.running.delete(running);
        this.#pump(lane);
      });
      lane.running.add(running);
    }
  }

  #limiterWaitMs(lane: Lane, now: number): number {
    const limiter = lane.definition.limiter;
    if (!limiter) return 0;
    while (lane.starts.length > 0 && lane.starts[0]! <= now - limiter.durationMs) lane.starts.shift();
    return lane.starts.length < limiter.max ? 0 : lane.starts[0]! + limiter.durationMs - now;
  }

  #wakeLaneIn(lane: Lane, delayMs: number): void {
    if (lane.wakeTimer) return;
    lane.wakeTimer = setTimeout(() => {
      lane.wakeTimer = undefined;
      this.#pump(lane);
    }, delayMs);
  }

  async #run(lane: Lane, job: QueuedJob): Promise<void> {
    const { definition } = lane;
    try {
      await runJob(definition, this.#deps, job.payload);
      this.#release(lane, job);
    } catch (error) {
      if (error instanceof QueueRateLimitedError) {
        lane.pausedUntil = Date.now() + error.delayMs;
        lane.waiting.unshift(job);
        return;
      }
      if (error instanceof JobDeferredError) {
        this.#push(lane, job, error.delayMs);
        return;
      }
      job.attemptsMade += 1;
      const attempts = definition.attempts ?? defaultAttempts;
      if (error instanceof JobPayloadError || job.attemptsMade >= attempts || !this.#started) {
        this.#deps.logger.error('job failed', { job: definition.name, jobId: job.jobId, attemptsMade: job.attemptsMade, error });
        this.#release(lane, job);
        return;
      }
      this.#deps.logger.warn('job failed, will retry', { job: definition.name, jobId: job.jobId, attemptsMade: job.attemptsMade, error });
      this.#push(lane, job, jobRetryDelayMs(job.attemptsMade));
    }
  }

  #release(lane: Lane, job: QueuedJob): void {
    if (job.jobId !== undefined) lane.ids.delete(job.jobId);
  }

  /** Resolves once no job waits (undelayed) or runs. */
  async #settled(): Promise<void> {
    const busy = () => [...this.#lanes.values()].some((lane) => lane.running.size > 0 || (this.#started && lane.waiting.length > 0));
    while (busy()) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
