// Outbox delivery end to end: notification rows → the delivery worker → a grammY Api on
// the fake Telegram (or the Bot API emulator enforcing Telegram's limits). Real time with
// short delays (the rate limits are Telegram's real seconds). Three set-ups: PGlite and
// PostgreSQL in one process (in-memory pacing and signal), PostgreSQL with Redis (pacing
// and wake-ups shared through Redis, as several instances are).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { DatabaseKind } from '../../src/db/database.js';
import type { AppDeps } from '../../src/deps.js';
import { createDeliveryApi, startDelivery, type Delivery, type DeliveryOptions, type RenderNotification } from '../../src/delivery/index.js';
import { enqueueNotifications, type NotificationMessage } from '../../src/delivery/message.js';
import { claimNotification, defaultOutboxPolicy } from '../../src/delivery/outbox.js';
import { createOutboxSignal, type OutboxSignal } from '../../src/delivery/signal.js';
import { createLogger } from '../../src/logger.js';
import type { Persona } from '../../src/demo/index.js';
import { startEmulator, TOKEN } from '../demo/helpers.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { FakeTelegram } from '../helpers/telegram.js';
import { redisNamespace, redisUrl, sleep, waitFor, type Driver } from './helpers.js';

const namespace = redisNamespace('delivery');
afterAll(() => namespace.cleanup());

/** Stub renderer: the message key, in the recipient's locale. */
const render: RenderNotification = (notification, recipient) => ({
  method: 'sendMessage',
  params: { chat_id: Number(notification.chatId), text: `${recipient.locale}|${(notification.payload as unknown as NotificationMessage).key}` },
});

const setups: { backend: DatabaseKind; driver: Driver }[] = [
  { backend: 'pglite', driver: 'in-process' },
  { backend: 'postgres', driver: 'in-process' },
  { backend: 'postgres', driver: 'bullmq' },
];

describe.each(setups)('delivery on $backend with the $driver driver', ({ backend, driver }) => {
  let db: TestDatabase;
  let deps: AppDeps;
  let telegram: FakeTelegram;
  /** What reached Telegram, with the time it arrived. */
  let sent: { chatId: number; text: string; at: number; ok: boolean }[];
  const running: Delivery[] = [];
  const logger = createLogger('silent');
  /** With Redis, each worker group listens on its own connection, as another instance would. */
  const channel = `${namespace.next()}-outbox`;
  const signal = (): OutboxSignal => (driver === 'bullmq' ? createOutboxSignal({ redisUrl, channel, logger }) : deps.outbox);
  const signals: OutboxSignal[] = [];

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    const outbox = driver === 'bullmq' ? createOutboxSignal({ redisUrl, channel, logger }) : undefined;
    deps = await createDeps(loadConfig({ LOG_LEVEL: 'silent' }), { db, logger, ...(outbox ? { outbox } : {}) });
  });
  afterAll(async () => {
    await Promise.all([deps.outbox, ...signals].map((s) => s.close()));
    await db.destroy();
  });

  beforeEach(async () => {
    telegram = new FakeTelegram();
    sent = [];
    await deps.prisma.notification.deleteMany();
    await deps.prisma.person.deleteMany();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((delivery) => delivery.stop()));
  });

  /** A delivery worker (one "instance"); each gets its own Redis prefix (own pacing) unless given one. */
  async function startWorker(options: Partial<DeliveryOptions> = {}, prefix = namespace.next()): Promise<Delivery> {
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const at = Date.now();
      const response = await telegram.fetch(input, init);
      const body = JSON.parse(init?.body as string) as { chat_id: number; text: string };
      sent.push({ chatId: body.chat_id, text: body.text, at, ok: ((await response.clone().json()) as { ok: boolean }).ok });
      return response;
    }) as typeof globalThis.fetch;
    return startWorkerOn(createDeliveryApi('test-token', { fetch }), options, prefix);
  }

  async function startWorkerOn(api: DeliveryOptions['api'], options: Partial<DeliveryOptions>, prefix: string): Promise<Delivery> {
    const workerSignal = signal();
    if (workerSignal !== deps.outbox) signals.push(workerSignal);
    const delivery = await startDelivery(deps, { api, render, sweepEveryMs: 200, redisUrl: driver === 'bullmq' ? redisUrl : undefined, prefix, signal: workerSignal, ...options });
    running.push(delivery);
    return delivery;
  }

  async function person(chatId: number, locale = 'zh-CN') {
    return deps.prisma.person.create({ data: { telegramId: BigInt(chatId), chatId: BigInt(chatId), locale } });
  }

  async function notify(to: { id: number; chatId: bigint | null }, ...keys: string[]) {
    await deps.prisma.$transaction((tx) =>
      enqueueNotifications(tx, keys.map((key) => ({ dedupeKey: `${to.id}-${key}`, personId: to.id, chatId: to.chatId!, message: { key } }))),
    );
  }

  const rows = () => deps.prisma.notification.findMany({ orderBy: { id: 'asc' } });
  const allDone = async () => (await rows()).every((row) => row.status !== 'PENDING');
  const successes = (chatId: number) => sent.filter((s) => s.chatId === chatId && s.ok);

  it('delivers each notification once, in the recipient’s language, and marks it SENT', async () => {
    const zh = await person(101);
    const en = await person(102, 'en');
    await notify(zh, 'note-a');
    await notify(en, 'note-b');
    await startWorker();
    await waitFor(allDone);
    await sleep(500); // a few more sweeps
    expect(sent.map((s) => s.text).sort()).toEqual(['en|note-b', 'zh-CN|note-a']);
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
    }
  });

  it('sends one message a second per chat, in order, while other chats do not wait', async () => {
    const a = await person(201);
    const b = await person(202);
    await notify(a, 'a1', 'a2', 'a3');
    await notify(b, 'b1');
    await startWorker();
    await waitFor(allDone);
    const toA = successes(201);
    expect(toA.map((s) => s.text)).toEqual(['zh-CN|a1', 'zh-CN|a2', 'zh-CN|a3']);
    expect(toA[1]!.at - toA[0]!.at).toBeGreaterThanOrEqual(990);
    expect(toA[2]!.at - toA[1]!.at).toBeGreaterThanOrEqual(990);
    expect(successes(202)[0]!.at).toBeLessThan(toA[1]!.at);
  });

  it('obeys retry_after on a 429 and then delivers, without counting an attempt', async () => {
    const a = await person(301);
    await notify(a, 'hello');
    telegram.failNext({ method: 'sendMessage', errorCode: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    await startWorker();
    await waitFor(allDone);
    expect(sent.map((s) => s.ok)).toEqual([false, true]);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(1000);
    expect((await rows())[0]).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('marks a chat that blocked the bot, and never retries it', async () => {
    const blocker = await person(401);
    const gone = await person(402);
    const fine = await person(403);
    await notify(blocker, 'first', 'second');
    await notify(gone, 'hello');
    await notify(fine, 'hello');
    telegram.failNext({ chatId: 401, errorCode: 403, description: 'Forbidden: bot was blocked by the user' });
    telegram.failNext({ chatId: 402, errorCode: 400, description: 'Bad Request: chat not found' });
    await startWorker();
    await waitFor(allDone);
    await sleep(500);
    expect(sent.filter((s) => s.chatId === 401)).toHaveLength(1);
    expect(sent.filter((s) => s.chatId === 402)).toHaveLength(1);
    const byChat = (chatId: number) => rows().then((all) => all.filter((row) => row.chatId === BigInt(chatId)).map((row) => row.status));
    expect(await byChat(401)).toEqual(['BLOCKED', 'BLOCKED']);
    expect(await byChat(402)).toEqual(['BLOCKED']);
    expect(await byChat(403)).toEqual(['SENT']);
    const people = await deps.prisma.person.findMany({ orderBy: { id: 'asc' } });
    expect(people.map((p) => p.blockedAt !== null)).toEqual([true, true, false]);
  });

  it('retries a transient failure with backoff, and gives up after the last attempt', async () => {
    const a = await person(501);
    const b = await person(502);
    await notify(a, 'recovers');
    await notify(b, 'never');
    telegram.failNext({ chatId: 501, errorCode: 500, description: 'Internal Server Error' });
    telegram.failNext({ chatId: 502, errorCode: 502, description: 'Bad Gateway', times: 3 });
    await startWorker({ limits: { perChatIntervalMs: 50 }, policy: { retryBaseMs: 200, maxAttempts: 3 } });
    await waitFor(allDone);
    const toA = sent.filter((s) => s.chatId === 501);
    expect(toA.map((s) => s.ok)).toEqual([false, true]);
    expect(toA[1]!.at - toA[0]!.at).toBeGreaterThanOrEqual(190);
    const toB = sent.filter((s) => s.chatId === 502);
    expect(toB.map((s) => s.ok)).toEqual([false, false, false]);
    // Backoff doubles: 200 ms, then 400 ms.
    expect(toB[2]!.at - toB[1]!.at).toBeGreaterThanOrEqual(390);
    const [rowA, rowB] = await rows();
    expect(rowA).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(rowB).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(rowB!.lastError).toMatch(/Bad Gateway/);
  });

  it('delivers each row exactly once with two workers on the same outbox', async () => {
    const people = await Promise.all(Array.from({ length: 15 }, (_, i) => person(600 + i)));
    for (const p of people) await notify(p, 'one', 'two');
    // Two workers with pacing of their own: nothing but the outbox claim keeps them apart.
    await Promise.all([startWorker({ limits: { perChatIntervalMs: 50 } }), startWorker({ limits: { perChatIntervalMs: 50 } })]);
    await waitFor(allDone);
    await sleep(300);
    const texts = sent.filter((s) => s.ok).map((s) => `${s.chatId}|${s.text}`);
    expect(texts).toHaveLength(30);
    expect(new Set(texts).size).toBe(30);
    expect((await rows()).every((row) => row.status === 'SENT' && row.attempts === 1)).toBe(true);
  });

  it('lets exactly one of many concurrent claims take a row', async () => {
    const a = await person(701);
    await notify(a, 'contested');
    const [row] = await rows();
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimNotification(deps.db.sql, row!.id, new Date(), 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimNotification(deps.db.sql, row!.id, new Date(), 60_000)).toBeNull();
  });

  it('loses nothing while delivery is stopped: rows written meanwhile go out after the restart', async () => {
    const a = await person(801);
    await notify(a, 'before');
    const prefix = namespace.next();
    const first = await startWorker({}, prefix);
    await waitFor(allDone);
    await first.stop();
    running.splice(running.indexOf(first), 1);
    await notify(a, 'while-stopped-1', 'while-stopped-2');
    // Redis may even lose everything meanwhile: the outbox is the truth.
    if (driver === 'bullmq') await namespace.cleanup();
    await sleep(300);
    expect(sent).toHaveLength(1);
    await startWorker({ limits: { perChatIntervalMs: 100 } }, prefix);
    await waitFor(allDone);
    expect(successes(801).map((s) => s.text)).toEqual(['zh-CN|before', 'zh-CN|while-stopped-1', 'zh-CN|while-stopped-2']);
  });

  it('starts delivering at once when the outbox signal is given after a commit (from another instance on Redis)', async () => {
    const a = await person(901);
    await startWorker({ sweepEveryMs: 60_000 });
    await sleep(300); // the first look has found nothing; the next sweep is a minute away
    await notify(a, 'woken');
    // The writer's signal is deps.outbox; with Redis the worker listens on a connection of its own.
    deps.outbox.notify();
    await waitFor(allDone, { timeoutMs: 5000 });
    expect(successes(901).map((s) => s.text)).toEqual(['zh-CN|woken']);
  });

  it('takes over, within seconds, a row claimed by a worker that died', async () => {
    const a = await person(1001);
    await notify(a, 'orphaned', 'next');
    const [row] = await rows();
    // A worker claimed the row with the default lease and died before sending.
    expect(await claimNotification(deps.db.sql, row!.id, new Date(), defaultOutboxPolicy.leaseMs)).not.toBeNull();
    await startWorker();
    await waitFor(allDone, { timeoutMs: 15_000 });
    expect(successes(1001).map((s) => s.text)).toEqual(['zh-CN|orphaned', 'zh-CN|next']);
    expect(await rows()).toMatchObject([{ status: 'SENT', attempts: 2 }, { status: 'SENT', attempts: 1 }]);
  });

  it(`stays within Telegram's limits against a Bot API that enforces them (${driver === 'bullmq' ? 'two workers sharing Redis' : 'one worker'}): no 429`, async () => {
    // 60 chats once each and 2 chats four times: about 2 s at 30/s, 3 s at 1/s per chat.
    const personas: Persona[] = Array.from({ length: 62 }, (_, i) => ({ id: `p${i}`, userId: 5000 + i, firstName: `P${i}`, languageCode: 'zh-hans', role: 'resident' }));
    const emulator = await startEmulator({ personas, rateLimits: { perSecond: 30, perChatIntervalMs: 1000 } });
    try {
      const people = await Promise.all(personas.map((p) => person(p.userId)));
      for (const p of people.slice(0, 2)) await notify(p, 'm1', 'm2', 'm3', 'm4');
      for (const p of people.slice(2)) await notify(p, 'once');
      const api = () => createDeliveryApi(TOKEN, { apiRoot: emulator.apiRoot });
      const prefix = namespace.next();
      await startWorkerOn(api(), {}, prefix);
      if (driver === 'bullmq') await startWorkerOn(api(), {}, prefix);
      await waitFor(allDone, { timeoutMs: 20_000 });
      expect(emulator.emulator.rateLimited).toBe(0);
      const delivered = emulator.emulator.calls.filter((c) => c.method === 'sendMessage' && c.ok);
      expect(delivered).toHaveLength(68);
      expect(new Set(delivered.map((c) => `${String(c.params.chat_id)}|${String(c.params.text)}`)).size).toBe(68);
      expect(delivered.filter((c) => Number(c.params.chat_id) === 5000).map((c) => c.params.text)).toEqual(['zh-CN|m1', 'zh-CN|m2', 'zh-CN|m3', 'zh-CN|m4']);
    } finally {
      await Promise.all(running.splice(0).map((delivery) => delivery.stop()));
      await emulator.close();
    }
  });
});
