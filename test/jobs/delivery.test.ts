// Outbox delivery end to end: notification rows → the jobs → a grammY Api on the fake
// Telegram. Real time with short delays (the rate limits are Telegram's real seconds).
// Three set-ups: PGlite and PostgreSQL with the in-process driver, PostgreSQL with BullMQ.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { DatabaseKind } from '../../src/db/database.js';
import type { AppDeps } from '../../src/deps.js';
import { enqueueNotifications, type NotificationMessage } from '../../src/domain/notifications/message.js';
import { claimNotification } from '../../src/domain/notifications/outbox.js';
import { notificationJobs, notifyOutboxChanged, type NotificationDeliveryOptions } from '../../src/jobs/notifications.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { createDeliveryApi, createTelegramSender, type RenderNotification } from '../../src/jobs/telegram-sender.js';
import { createLogger } from '../../src/logger.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { FakeTelegram } from '../helpers/telegram.js';
import { queueFor, redisNamespace, sleep, waitFor, type Driver } from './helpers.js';

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
  const running: JobQueue[] = [];

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    deps = await createDeps(loadConfig({ LOG_LEVEL: 'silent' }), { db, logger: createLogger('silent') });
  });
  afterAll(() => db.destroy());

  beforeEach(async () => {
    telegram = new FakeTelegram();
    sent = [];
    await deps.prisma.notification.deleteMany();
    await deps.prisma.person.deleteMany();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((queue) => queue.stop()));
  });

  /** A delivery worker group (one "process"); each gets its own Redis prefix unless given one. */
  async function startDelivery(options: Partial<NotificationDeliveryOptions> = {}, prefix = namespace.next()): Promise<JobQueue> {
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const at = Date.now();
      const response = await telegram.fetch(input, init);
      const body = JSON.parse(init?.body as string) as { chat_id: number; text: string };
      sent.push({ chatId: body.chat_id, text: body.text, at, ok: ((await response.clone().json()) as { ok: boolean }).ok });
      return response;
    }) as typeof globalThis.fetch;
    const sender = createTelegramSender({ api: createDeliveryApi('test-token', { fetch }), render });
    const queue = queueFor(driver, deps, notificationJobs({ sender, sweepEveryMs: 200, ...options }), prefix);
    running.push(queue);
    await queue.start();
    return queue;
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
    await startDelivery();
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
    await startDelivery();
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
    await startDelivery();
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
    await startDelivery();
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
    await startDelivery({ perChatIntervalMs: 50, policy: { retryBaseMs: 200, maxAttempts: 3 } });
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
    // Two separate worker groups (as two processes): nothing but the outbox claim keeps them apart.
    await Promise.all([startDelivery({ perChatIntervalMs: 50 }), startDelivery({ perChatIntervalMs: 50 })]);
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
    expect(await claimNotification(deps.db.sql, row!.id, new Date(), 60_000)).toBe(false);
  });

  it('loses nothing while delivery is stopped: rows written meanwhile go out after the restart', async () => {
    const a = await person(801);
    await notify(a, 'before');
    const prefix = namespace.next();
    const first = await startDelivery({}, prefix);
    await waitFor(allDone);
    await first.stop();
    running.splice(running.indexOf(first), 1);
    await notify(a, 'while-stopped-1', 'while-stopped-2');
    // Redis may even lose everything meanwhile: the outbox is the truth.
    if (driver === 'bullmq') await namespace.cleanup();
    await sleep(300);
    expect(sent).toHaveLength(1);
    await startDelivery({ perChatIntervalMs: 100 }, prefix);
    await waitFor(allDone);
    expect(successes(801).map((s) => s.text)).toEqual(['zh-CN|before', 'zh-CN|while-stopped-1', 'zh-CN|while-stopped-2']);
  });

  it('starts delivering at once when woken after a commit', async () => {
    const a = await person(901);
    const queue = await startDelivery({ sweepEveryMs: 60_000 });
    await sleep(300); // the first sweep has run and found nothing
    await notify(a, 'woken');
    const wokenAt = Date.now();
    await notifyOutboxChanged(queue);
    await waitFor(allDone, { timeoutMs: 2000 });
    expect(sent[0]!.at - wokenAt).toBeLessThan(1000);
  });
});
