// Issue 8, point 4 (repeatable jobs): without Redis, several instances on one PostgreSQL
// each run the in-process driver; every occurrence of a repeatable job must still run in
// one instance only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/deps.js';
import { defineJob } from '../../src/jobs/define-job.js';
import { createJobQueue, type JobQueue } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/logger.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { waitFor } from './helpers.js';

describe('two in-process instances on one PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(() => db.destroy());

  it('run each occurrence of a repeatable job once', async () => {
    const deps = { config: loadConfig({ LOG_LEVEL: 'silent' }), db, prisma: db.prisma, logger: createLogger('silent') } as unknown as AppDeps;
    const runs = [0, 0];
    const queues: JobQueue[] = [0, 1].map((instance) =>
      createJobQueue(
        deps,
        [defineJob({ name: 'sweep', schema: z.object({}), repeat: { everyMs: 250 }, handler: async () => void runs[instance]!++ })],
        { redisUrl: undefined },
      ),
    );
    await Promise.all(queues.map((queue) => queue.start()));
    const occurrences = async () =>
      Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "JobOccurrence" WHERE "jobName" = 'sweep'`)).rows[0]!.n);
    await waitFor(async () => (await occurrences()) >= 8, { timeoutMs: 20_000, everyMs: 100 });
    await Promise.all(queues.map((queue) => queue.stop()));
    // Both instances ticked every time, yet no occurrence ran twice (an occurrence claimed
    // just before stop() may not have run).
    const claimed = await occurrences();
    expect(runs[0]! + runs[1]!).toBeLessThanOrEqual(claimed);
    expect(runs[0]! + runs[1]!).toBeGreaterThanOrEqual(claimed - 2);
  });
});
