// Issue 8, point 2: BullMQ job schedulers live in Redis only. After Redis loses its data
// (restarted without persistence, FLUSHALL) every repeatable job must come back without
// restarting the process. Runs against a redis-server of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/deps.js';
import { defineJob } from '../../src/jobs/define-job.js';
import { createJobQueue, type JobQueue } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/logger.js';
import { startPrivateRedis, type PrivateRedis } from '../helpers/private-redis.js';
import { waitFor } from './helpers.js';

const deps = { config: loadConfig({ LOG_LEVEL: 'silent' }), db: { kind: 'postgres' }, logger: createLogger('silent') } as unknown as AppDeps;

describe('job schedules after Redis lost its data', () => {
  let redis: PrivateRedis;
  let queue: JobQueue;
  const runs = { tick: 0, cron: 0 };
  beforeAll(async () => {
    redis = await startPrivateRedis();
    queue = createJobQueue(
      deps,
      [
        defineJob({ name: 'tick', schema: z.object({}), repeat: { everyMs: 200 }, handler: async () => void runs.tick++ }),
        defineJob({ name: 'cron', schema: z.object({}), repeat: { cron: '* * * * * *', timeZone: 'Asia/Shanghai' }, handler: async () => void runs.cron++ }),
      ],
      // The periodic check is what catches a FLUSHALL (the connection stays up).
      { redisUrl: redis.url, scheduleCheckEveryMs: 500 },
    );
    await queue.start();
  });
  afterAll(async () => {
    await queue.stop();
    await redis.stop();
  });

  async function expectRunsResume(): Promise<void> {
    const before = { ...runs };
    await waitFor(() => runs.tick >= before.tick + 3 && runs.cron >= before.cron + 2, { timeoutMs: 15_000 });
    expect(await queue.problems()).toEqual([]);
  }

  it('runs the repeatable jobs', async () => {
    await expectRunsResume();
  });

  it('recreates the schedules after FLUSHALL', async () => {
    await redis.flushAll();
    expect((await queue.problems()).join()).toMatch(/missing/);
    await expectRunsResume();
  });

  it('recreates the schedules after Redis restarted empty', async () => {
    await redis.restartEmpty();
    await expectRunsResume();
  });
});
