// The Telegram sender: renders, calls the Bot API, and turns Telegram's failures into
// the outbox's typed errors. Also startBackgroundJobs, the entry point for src/main.ts.
import { describe, expect, it } from 'vitest';
import { createDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { ClaimedNotification } from '../../src/delivery/outbox.js';
import { RecipientBlockedError, RejectedSendError, SendRateLimitedError, TransientSendError } from '../../src/delivery/sender.js';
import { createDeliveryApi, createTelegramSender, type RenderNotification } from '../../src/delivery/telegram-sender.js';
import { startBackgroundJobs } from '../../src/jobs/index.js';
import { createLogger } from '../../src/logger.js';
import { openTestDatabase } from '../helpers/database.js';
import { FakeTelegram } from '../helpers/telegram.js';
import { waitFor } from './helpers.js';

const render: RenderNotification = (notification, recipient) => ({
  method: 'sendMessage',
  params: { chat_id: Number(notification.chatId), text: `${recipient.locale}:${notification.dedupeKey}` },
});
const notification: ClaimedNotification = { id: 1, chatId: 77n, personId: null, dedupeKey: 'k', payload: { key: 'k' }, attempts: 1, locale: null };

describe('the Telegram sender', () => {
  it('sends the rendered call', async () => {
    const telegram = new FakeTelegram();
    const sender = createTelegramSender({ api: createDeliveryApi('t', { fetch: telegram.fetch }), render });
    await sender.send(notification, { locale: 'en' });
    expect(telegram.calls).toEqual([expect.objectContaining({ method: 'sendMessage', payload: { chat_id: 77, text: 'en:k' } })]);
  });

  it.each([
    [429, 'Too Many Requests: retry after 7', 7, SendRateLimitedError],
    [403, 'Forbidden: bot was blocked by the user', undefined, RecipientBlockedError],
    [403, 'Forbidden: user is deactivated', undefined, RecipientBlockedError],
    [400, 'Bad Request: chat not found', undefined, RecipientBlockedError],
    [400, 'Bad Request: message text is empty', undefined, RejectedSendError],
    [500, 'Internal Server Error', undefined, TransientSendError],
    [502, 'Bad Gateway', undefined, TransientSendError],
  ])('maps %i “%s”', async (errorCode, description, retryAfter, expected) => {
    const telegram = new FakeTelegram();
    telegram.failNext({ errorCode, description, ...(retryAfter ? { retryAfter } : {}) });
    const sender = createTelegramSender({ api: createDeliveryApi('t', { fetch: telegram.fetch }), render });
    const error = await sender.send(notification, { locale: 'en' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(expected);
    if (retryAfter) expect((error as SendRateLimitedError).retryAfterMs).toBe(retryAfter * 1000);
    // No auto-retry on this Api: one call, the outbox decides what comes next.
    expect(telegram.calls).toHaveLength(1);
  });

  it('treats a network failure as transient', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    const sender = createTelegramSender({ api: createDeliveryApi('t', { fetch }), render });
    await expect(sender.send(notification, { locale: 'en' })).rejects.toBeInstanceOf(TransientSendError);
  });
});

describe('startBackgroundJobs', () => {
  it('starts the in-process queue with the deadline jobs and the delivery worker, and stops', async () => {
    const db = await openTestDatabase('pglite');
    const deps = await createDeps(loadConfig({ LOG_LEVEL: 'silent' }), { db, logger: createLogger('silent') });
    const telegram = new FakeTelegram();
    const person = await deps.prisma.person.create({ data: { telegramId: 5n, chatId: 5n, locale: 'en' } });
    await deps.prisma.notification.create({ data: { dedupeKey: 'hello', personId: person.id, chatId: 5n, payload: { key: 'hello' } } });
    const jobs = await startBackgroundJobs(deps, { delivery: { api: createDeliveryApi('t', { fetch: telegram.fetch }), render } });
    try {
      expect(jobs.queue.driver).toBe('in-process');
      await waitFor(() => telegram.calls.length === 1);
      expect(telegram.calls[0]!.payload).toEqual({ chat_id: 5, text: 'en:hello' });
    } finally {
      await jobs.stop();
      await db.destroy();
    }
  });
});
