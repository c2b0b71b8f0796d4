// Issue 8, point 7: /health says the process lives; /ready says whether it can work —
// 503 with what is wrong when the database is gone or Redis does not answer. Served in
// polling mode too.
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBot } from '../../src/bot/create-bot.js';
import { runBot, type RunningBot } from '../../src/bot/run-bot.js';
import { createUpdateLedger } from '../../src/bot/updates/ledger.js';
import { databaseProblems, openDatabase } from '../../src/db/database.js';
import { defineJob } from '../../src/jobs/define-job.js';
import { createJobQueue, type JobQueue } from '../../src/jobs/queue.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/postgres.js';
import { startPrivateRedis, type PrivateRedis } from '../helpers/private-redis.js';
import { testBotInfo } from '../helpers/telegram.js';
import { sleep, waitFor } from '../jobs/helpers.js';

describe('readiness in polling mode, on PostgreSQL and Redis', () => {
  let app: TestApp;
  let redis: PrivateRedis;
  let queue: JobQueue;
  let running: RunningBot;
  let dropDatabase: () => Promise<void>;
  beforeAll(async () => {
    const copy = await createTestDatabase();
    dropDatabase = copy.drop;
    const database = await openDatabase({ databaseUrl: copy.url, migrate: false, onConnectionError: () => undefined });
    app = await createTestApp({ db: { ...database, destroy: async () => undefined } });
    redis = await startPrivateRedis();
    queue = createJobQueue(app.deps, [defineJob({ name: 'tick', schema: z.object({}), repeat: { everyMs: 60_000 }, handler: async () => undefined })], {
      redisUrl: redis.url,
    });
    await queue.start();
    // A Bot API without updates: long polling idles.
    const idle = (async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/getUpdates')) {
        await sleep(100);
        return new Response(JSON.stringify({ ok: true, result: [] as Update[] }));
      }
      return app.telegram.fetch(input, init);
    }) as typeof fetch;
    const bot = createBot({ token: 'test-token', deps: app.deps, botInfo: testBotInfo, client: { fetch: idle } });
    running = await runBot(bot, { ...app.deps.config, HTTP_HOST: '127.0.0.1', HTTP_PORT: 0 }, app.deps.logger, {
      ledger: createUpdateLedger(app.deps.db),
      queue,
      readiness: [() => databaseProblems(app.deps.db)],
    });
  });
  afterAll(async () => {
    await running.stop();
    await queue.stop();
    await redis.stop();
    await app.db.close().catch(() => undefined);
    await dropDatabase();
  });

  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${running.port}${path}`);
    return { status: response.status, body: (await response.json()) as { status: string; problems?: string[] } };
  };

  it('is ready while the database and Redis answer', async () => {
    expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/ready')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('answers 503 naming Redis when it stops answering, and recovers', async () => {
    await redis.stop();
    const down = await get('/ready');
    expect(down.status).toBe(503);
    expect(down.body.problems?.join()).toMatch(/Redis/);
    expect((await get('/health')).status).toBe(200);
    await redis.restartEmpty();
    await waitFor(async () => (await get('/ready')).status === 200, { timeoutMs: 20_000, everyMs: 200 });
  });

  it('answers 503 naming the database when it is gone', async () => {
    await dropDatabase();
    const down = await get('/ready');
    expect(down.status).toBe(503);
    expect(down.body.problems?.join()).toMatch(/^database: /);
    expect((await get('/health')).status).toBe(200);
  });
});
