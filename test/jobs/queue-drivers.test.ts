// Both queue drivers run the same job definitions: payload validation, deduplication by
// job id, delays, retries, repeatable jobs, the limiter, a 429-style pause, runDueNow
// against the clock, and a graceful stop.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/deps.js';
import { defineJob, JobPayloadError, QueueRateLimitedError, type AnyJobDefinition } from '../../src/jobs/define-job.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/logger.js';
import { drivers, queueFor, redisNamespace, sleep, waitFor } from './helpers.js';

const namespace = redisNamespace('drivers');
afterAll(() => namespace.cleanup());

const clock = new ManualClock(new Date('2026-11-23T01:00:00Z'));
// The drivers need only configuration, clock and logger of the application.
const deps = { config: loadConfig({ LOG_LEVEL: 'silent' }), db: { kind: 'pglite' }, clock, logger: createLogger('silent') } as unknown as AppDeps;

describe.each(drivers)('%s driver', (driver) => {
  let queue: JobQueue | undefined;
  afterEach(async () => {
    await queue?.stop();
    queue = undefined;
  });

  function start(definitions: AnyJobDefinition[]): Promise<JobQueue> {
    queue = queueFor(driver, deps, definitions, namespace.next());
    return queue.start().then(() => queue!);
  }

  function recorder() {
    const runs: { payload: unknown; at: number; now: Date }[] = [];
    const job = defineJob({
      name: 'record',
      schema: z.object({ n: z.number().int() }),
      concurrency: 5,
      handler: async (jobDeps, payload) => void runs.push({ payload, at: Date.now(), now: jobDeps.clock.now() }),
    });
    return { runs, job };
  }

  it('validates the payload and runs the handler with it', async () => {
    const { runs, job } = recorder();
    const q = await start([job]);
    await expect(q.enqueue('record', { n: 'one' })).rejects.toThrow(JobPayloadError);
    await expect(q.enqueue('unknown', {})).rejects.toThrow(/unknown job/);
    await q.enqueue('record', { n: 1 });
    await waitFor(() => runs.length === 1);
    expect(runs[0]!.payload).toEqual({ n: 1 });
  });

  it('ignores a job whose id is waiting, refuses ids with a colon, and delays', async () => {
    const { runs, job } = recorder();
    const q = await start([job]);
    await expect(q.enqueue('record', { n: 0 }, { jobId: 'a:b' })).rejects.toThrow(/no ':'/);
    const queuedAt = Date.now();
    await q.enqueue('record', { n: 1 }, { jobId: 'same', delayMs: 300 });
    await q.enqueue('record', { n: 2 }, { jobId: 'same', delayMs: 300 });
    await waitFor(() => runs.length === 1);
    await sleep(200);
    expect(runs.map((r) => r.payload)).toEqual([{ n: 1 }]);
    expect(runs[0]!.at - queuedAt).toBeGreaterThanOrEqual(290);
    // Finished: the id is free again.
    await q.enqueue('record', { n: 3 }, { jobId: 'same' });
    await waitFor(() => runs.length === 2);
  });

  it('retries a failing job with backoff, up to its attempts', async () => {
    const tries: number[] = [];
    const flaky = defineJob({
      name: 'flaky',
      schema: z.object({}),
      attempts: 2,
      handler: async () => {
        tries.push(Date.now());
        throw new Error('still failing');
      },
    });
    const q = await start([flaky]);
    await q.enqueue('flaky', {});
    await waitFor(() => tries.length === 2);
    expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(900);
    await sleep(600);
    expect(tries).toHaveLength(2);
  });

  it('runs repeatable jobs on their interval, with the payload {}', async () => {
    const runs: unknown[] = [];
    const tick = defineJob({ name: 'tick', schema: z.object({}).strict(), repeat: { everyMs: 200 }, handler: async (_d, payload) => void runs.push(payload) });
    await start([tick]);
    await waitFor(() => runs.length >= 3, { timeoutMs: 3000 });
    expect(runs[0]).toEqual({});
  });

  it('runs cron repeatables in their time zone', async () => {
    const runs: number[] = [];
    const everySecond = defineJob({ name: 'cron', schema: z.object({}), repeat: { cron: '* * * * * *', timeZone: 'Asia/Shanghai' }, handler: async () => void runs.push(Date.now()) });
    await start([everySecond]);
    await waitFor(() => runs.length >= 2, { timeoutMs: 4000 });
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(500);
  });

  it('limits how many jobs start per window', async () => {
    const starts: number[] = [];
    const limited = defineJob({
      name: 'limited',
      schema: z.object({ n: z.number() }),
      concurrency: 10,
      limiter: { max: 2, durationMs: 500 },
      handler: async () => void starts.push(Date.now()),
    });
    const q = await start([limited]);
    for (let n = 0; n < 6; n++) await q.enqueue('limited', { n });
    await waitFor(() => starts.length === 6, { timeoutMs: 5000 });
    // Six jobs at two per half second: at least a second from the first to the last.
    expect(starts[5]! - starts[0]!).toBeGreaterThanOrEqual(950);
  });

  it('pauses the queue when a handler is rate limited and runs the job again, without using an attempt', async () => {
    const runs: number[] = [];
    const polite = defineJob({
      name: 'polite',
      schema: z.object({}),
      attempts: 1,
      handler: async () => {
        runs.push(Date.now());
        if (runs.length === 1) throw new QueueRateLimitedError(700);
      },
    });
    const q = await start([polite]);
    await q.enqueue('polite', {});
    await waitFor(() => runs.length === 2, { timeoutMs: 5000 });
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(690);
  });

  it('runDueNow runs the repeatable jobs at once against the current clock', async () => {
    const seen: Date[] = [];
    const daily = defineJob({
      name: 'daily',
      schema: z.object({}),
      repeat: { cron: '0 8 * * *', timeZone: 'Asia/Shanghai' },
      handler: async (jobDeps) => void seen.push(jobDeps.clock.now()),
    });
    const q = await start([daily]);
    clock.set(new Date('2026-12-01T00:00:00Z'));
    await q.runDueNow();
    expect(seen).toEqual([new Date('2026-12-01T00:00:00Z')]);
  });

  it('stops gracefully: a running job finishes before stop() resolves', async () => {
    let finished = false;
    let started = false;
    const slow = defineJob({
      name: 'slow',
      schema: z.object({}),
      handler: async () => {
        started = true;
        await sleep(300);
        finished = true;
      },
    });
    const q = await start([slow]);
    await q.enqueue('slow', {});
    await waitFor(() => started);
    await q.stop();
    queue = undefined;
    expect(finished).toBe(true);
  });
});
