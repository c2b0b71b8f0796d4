// Issue 8, point 3: each update is handled once. Webhook mode answers Telegram at once and
// handles the update from the job queue; a failing update is logged and apologised for
// once (bot.catch, as in polling mode); a redelivered update_id is not handled again, in
// polling mode either; one chat's updates are handled in order, one at a time, across
// two instances sharing PostgreSQL and Redis.
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/bot/context.js';
import { createBot } from '../../src/bot/create-bot.js';
import { runBot, type RunningBot } from '../../src/bot/run-bot.js';
import { updateJobs } from '../../src/bot/updates/handle.js';
import { createUpdateLedger, type UpdateLedger } from '../../src/bot/updates/ledger.js';
import { createJobQueue, type JobQueue } from '../../src/jobs/queue.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { testBotInfo } from '../helpers/telegram.js';
import { redisNamespace, redisUrl, sleep, waitFor } from '../jobs/helpers.js';

const secret = 'test-secret_123';
const namespace = redisNamespace('webhook');
afterAll(() => namespace.cleanup());

function message(updateId: number, chatId: number, text: string): Update {
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 0, chat: { id: chatId, type: 'private', first_name: 'A' }, from: { id: chatId, is_bot: false, first_name: 'A' }, text },
  } as Update;
}

const apologies = (app: TestApp, chatId: number) =>
  app.telegram.callsTo(chatId).filter((call) => call.method === 'sendMessage' && call.result !== undefined && String(call.payload.text) === app.deps.translate('zh-CN', 'error-generic'));

describe('webhook mode', () => {
  let app: TestApp;
  let queue: JobQueue;
  let running: RunningBot;
  let ledger: UpdateLedger;
  beforeAll(async () => {
    app = await createTestApp();
    ledger = createUpdateLedger(app.deps.db);
    queue = createJobQueue(app.deps, updateJobs(app.bot, ledger), { redisUrl: undefined });
    await queue.start();
    const config = { ...app.deps.config, WEBHOOK_URL: 'https://minyi.example.org/telegram', WEBHOOK_SECRET: secret, HTTP_HOST: '127.0.0.1', HTTP_PORT: 0 };
    running = await runBot(app.bot, config, app.deps.logger, { ledger, queue });
  });
  afterAll(async () => {
    await running.stop();
    await queue.stop();
    await app.close();
  });

  const post = (update: Update, headers: Record<string, string> = { 'X-Telegram-Bot-Api-Secret-Token': secret }) =>
    fetch(`http://127.0.0.1:${running.port}/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(update) });

  it('registers the webhook with the secret', () => {
    const setWebhook = app.telegram.calls.find((call) => call.method === 'setWebhook');
    expect(setWebhook?.payload).toMatchObject({ url: 'https://minyi.example.org/telegram', secret_token: secret });
  });

  it('refuses updates without the secret token header and handles those with it', async () => {
    const refused = await post(message(77, 555, 'hi'), {});
    expect(refused.status).toBe(401);
    const accepted = await post(message(77, 555, 'hi'));
    expect(accepted.status).toBe(200);
    await waitFor(() => app.telegram.callsTo(555).length > 0);
  });

  it('logs and apologises for a failing update once, answers 200, and ignores its redelivery', async () => {
    app.telegram.failNext({ method: 'sendMessage', chatId: 556, errorCode: 400, description: 'Bad Request: injected' });
    expect((await post(message(78, 556, '/language'))).status).toBe(200);
    await waitFor(() => apologies(app, 556).length === 1);
    const handledCalls = app.telegram.callsTo(556).length;
    // Telegram redelivers (e.g. it did not see the answer in time).
    expect((await post(message(78, 556, '/language'))).status).toBe(200);
    await sleep(300);
    expect(app.telegram.callsTo(556)).toHaveLength(handledCalls);
    expect(apologies(app, 556)).toHaveLength(1);
  });

  it('handles, once, an update recorded but lost by the queue (Redis restarted empty), when the sweep runs', async () => {
    // Recorded as the webhook does, but its job never ran: the queue lost it.
    await ledger.receive([message(79, 558, '/language')]);
    await app.deps.db.sql.query(`UPDATE "TelegramUpdate" SET "receivedAt" = now() - interval '1 minute' WHERE "updateId" = 79`);
    await queue.runDueNow();
    await waitFor(() => app.telegram.callsTo(558).some((call) => call.method === 'sendMessage'));
    await waitFor(async () => (await app.deps.db.sql.query(`SELECT 1 FROM "TelegramUpdate" WHERE "updateId" = 79 AND "state" = 'done'`)).rows.length === 1);
    const handledCalls = app.telegram.callsTo(558).length;
    await queue.runDueNow();
    await sleep(300);
    expect(app.telegram.callsTo(558)).toHaveLength(handledCalls);
    // What the resident wrote is not kept once handled.
    expect((await app.deps.db.sql.query(`SELECT "update" FROM "TelegramUpdate" WHERE "updateId" = 79`)).rows[0]).toEqual({ update: null });
  });

  it('answers health and readiness checks', async () => {
    expect(await (await fetch(`http://127.0.0.1:${running.port}/health`)).json()).toEqual({ status: 'ok' });
    const readiness = await fetch(`http://127.0.0.1:${running.port}/ready`);
    expect(readiness.status).toBe(200);
  });
});

describe('polling mode', () => {
  it('does not handle (nor apologise for) a redelivered update twice', async () => {
    const app = await createTestApp();
    const batches: Update[][] = [[message(90, 557, '/language')], [message(90, 557, '/language')]];
    const fetchWithUpdates = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/getUpdates')) {
        const batch = batches.shift();
        if (!batch) await sleep(50);
        return new Response(JSON.stringify({ ok: true, result: batch ?? [] }));
      }
      return app.telegram.fetch(input, init);
    }) as typeof fetch;
    const bot = createBot({ token: 'test-token', deps: app.deps, botInfo: testBotInfo, client: { fetch: fetchWithUpdates } });
    const ledger = createUpdateLedger(app.deps.db);
    const queue = createJobQueue(app.deps, [], { redisUrl: undefined });
    app.telegram.failNext({ method: 'sendMessage', chatId: 557, errorCode: 400, description: 'Bad Request: injected' });
    const running = await runBot(bot, { ...app.deps.config, HTTP_HOST: '127.0.0.1', HTTP_PORT: 0 }, app.deps.logger, { ledger, queue });
    try {
      await waitFor(() => batches.length === 0 && apologies(app, 557).length === 1);
      await sleep(300);
      expect(apologies(app, 557)).toHaveLength(1);
      expect((await fetch(`http://127.0.0.1:${running.port}/health`)).status).toBe(200);
    } finally {
      await running.stop();
      await app.close();
    }
  });
});

describe('two webhook instances on one PostgreSQL and one Redis', () => {
  it('handle one chat’s updates in order, one at a time, each once', async () => {
    const first = await createTestApp({ backend: 'postgres' });
    const second = await createTestApp({ db: first.db });
    const prefix = namespace.next();
    const handled: { updateId: number; start: number; end: number }[] = [];
    const instances: { queue: JobQueue; running: RunningBot }[] = [];
    try {
      for (const app of [first, second]) {
        // A slow handler of its own, so that overlapping or reordered handling would show.
        const bot = new Bot<BotContext>('test-token', { botInfo: testBotInfo, client: { fetch: app.telegram.fetch } });
        bot.use(async (ctx) => {
          const start = Date.now();
          await sleep(30 + Math.random() * 40);
          handled.push({ updateId: ctx.update.update_id, start, end: Date.now() });
        });
        const ledger = createUpdateLedger(app.deps.db);
        const queue = createJobQueue(app.deps, updateJobs(bot, ledger), { redisUrl, prefix });
        await queue.start();
        // No WEBHOOK_SECRET: both instances must still agree on one (the last setWebhook wins).
        const config = { ...app.deps.config, WEBHOOK_URL: 'https://minyi.example.org/telegram', WEBHOOK_SECRET: undefined, HTTP_HOST: '127.0.0.1', HTTP_PORT: 0 };
        instances.push({ queue, running: await runBot(bot, config, app.deps.logger, { ledger, queue }) });
      }
      const secrets = [first, second].map((app) => app.telegram.calls.find((call) => call.method === 'setWebhook')?.payload.secret_token);
      expect(secrets[0]).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
      expect(secrets[1]).toBe(secrets[0]);
      const sharedSecret = String(secrets[0]);
      const ids = Array.from({ length: 12 }, (_, i) => 1000 + i);
      // Telegram spreads the updates over the instances, and redelivers some.
      await Promise.all(
        [...ids, 1003, 1007].map((id, i) =>
          fetch(`http://127.0.0.1:${instances[i % 2]!.running.port}/telegram`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': sharedSecret },
            body: JSON.stringify(message(id, 600, 'x')),
          }),
        ),
      );
      await waitFor(() => handled.length >= ids.length, { timeoutMs: 20_000 });
      await sleep(300);
      expect(handled.map((h) => h.updateId)).toEqual(ids);
      for (let i = 1; i < handled.length; i++) expect(handled[i]!.start).toBeGreaterThanOrEqual(handled[i - 1]!.end);
    } finally {
      for (const { queue, running } of instances) {
        await running.stop();
        await queue.stop();
      }
      await second.close();
      await first.close();
    }
  });
});
