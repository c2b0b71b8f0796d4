// How the bot receives updates: long polling through @grammyjs/runner by default, or a
// webhook (Telegram's secret-token header checked) when WEBHOOK_URL is set. Both record
// every update in the ledger first (handled once, one chat in order across instances)
// and serve /health and /ready on HTTP_PORT.
//
// Webhook mode answers Telegram at once and handles the update from the job queue
// (BullMQ when Redis is set): a slow or failing handler never makes Telegram redeliver,
// and errors take the same path as in polling mode (bot.catch: logged, apologised for).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { run } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Config } from '../config.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Logger } from '../logger.js';
import { health, readBody, ready, sendJson, startHttpServer, type RouteHandler } from '../server/http-server.js';
import type { BotContext } from './context.js';
import { blockedRetryMs, handleRecordedUpdate, queueUpdate } from './updates/handle.js';
import type { UpdateLedger } from './updates/ledger.js';

export interface RunningBot {
  mode: 'polling' | 'webhook';
  /** The bound HTTP port (/health, /ready, the webhook). */
  port: number;
  stop(): Promise<void>;
}

export interface RunBotOptions {
  ledger: UpdateLedger;
  /** Handles webhook updates (the `telegram-update` job of updateJobs). */
  queue: JobQueue;
  /** Readiness checks besides the queue's: each returns what is wrong. */
  readiness?: readonly (() => Promise<string[]>)[];
}

// Telegram's updates are small; a photo album's is a few kilobytes.
const maxUpdateBytes = 1_000_000;

export async function runBot(bot: Bot<BotContext>, config: Config, logger: Logger, options: RunBotOptions): Promise<RunningBot> {
  const probes: RouteHandler = ready([...(options.readiness ?? []), () => options.queue.problems()]);
  const routes: Record<string, RouteHandler> = { '/health': health(), '/ready': probes };

  if (!config.WEBHOOK_URL) {
    const server = await startHttpServer({ host: config.HTTP_HOST, port: config.HTTP_PORT, routes });
    await bot.api.deleteWebhook({ drop_pending_updates: config.BOT_DROP_PENDING_UPDATES });
    const runner = run(pollingAdapter(bot, options.ledger, logger));
    logger.info('long polling', { bot: bot.botInfo.username, port: portOf(server, config) });
    return {
      mode: 'polling',
      port: portOf(server, config),
      stop: async () => {
        if (runner.isRunning()) await runner.stop();
        // stop() ends fetching; updates in hand still finish before the database closes.
        while (runner.size() > 0) await delay(20);
        await closeServer(server);
      },
    };
  }
  const secretToken = config.WEBHOOK_SECRET ?? webhookSecretFromToken(config.BOT_TOKEN ?? '');
  routes[new URL(config.WEBHOOK_URL).pathname] = webhookRoute(secretToken, options, logger);
  const server = await startHttpServer({ host: config.HTTP_HOST, port: config.HTTP_PORT, routes });
  await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: secretToken, drop_pending_updates: config.BOT_DROP_PENDING_UPDATES });
  logger.info('webhook mode', { url: config.WEBHOOK_URL, port: portOf(server, config) });
  return { mode: 'webhook', port: portOf(server, config), stop: () => closeServer(server) };
}

/**
 * The runner with the ledger in between: a fetched batch is recorded in order before any
 * of it is handled (so a later update never overtakes an earlier one of its chat), and
 * updates already handled (a redelivery) are dropped.
 */
function pollingAdapter(bot: Bot<BotContext>, ledger: UpdateLedger, logger: Logger) {
  const fresh = new Set<number>();
  return {
    init: () => bot.init(),
    api: {
      getUpdates: async (args: { offset: number; limit: number; timeout: number }, signal: Parameters<Bot['api']['getUpdates']>[1]) => {
        const updates = await bot.api.getUpdates(args, signal);
        for (const update of await ledger.receive(updates)) fresh.add(update.update_id);
        return updates;
      },
    },
    handleUpdate: async (update: Update) => {
      if (!fresh.delete(update.update_id)) return;
      while ((await handleRecordedUpdate(bot, ledger, update)) === 'blocked') await delay(blockedRetryMs);
    },
    // Only the ledger's own failures get here (bot errors went to bot.catch).
    errorHandler: (error: unknown) => logger.error('update not handled', { error }),
  };
}

/**
 * Telegram echoes the secret on every call; without it anyone could post updates. Unset, it
 * is derived from the bot token: every instance behind one URL computes the same one (a
 * random secret per start let each instance's setWebhook lock the others out), and it
 * reveals nothing of the token.
 */
export function webhookSecretFromToken(token: string): string {
  return createHmac('sha256', token).update('minyi webhook secret').digest('hex');
}

function webhookRoute(secretToken: string, { ledger, queue }: RunBotOptions, logger: Logger): RouteHandler {
  const expected = Buffer.from(secretToken);
  return async (req, res) => {
    const given = Buffer.from(String(req.headers['x-telegram-bot-api-secret-token'] ?? ''));
    if (req.method !== 'POST' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      sendJson(res, 401, { error: 'secret token mismatch' });
      return;
    }
    const body = await readBody(req, maxUpdateBytes);
    const update = parseUpdate(body);
    if (!update) {
      sendJson(res, 400, { error: 'not an update' });
      return;
    }
    const [fresh] = await ledger.receive([update]);
    if (fresh) {
      try {
        await queueUpdate(queue, update);
      } catch (error) {
        // Not queued: Telegram redelivers it after a 500, and the ledger takes the redelivery.
        logger.error('webhook update not queued; Telegram will redeliver it', { updateId: update.update_id, error });
        sendJson(res, 500, { error: 'not queued' });
        return;
      }
    }
    sendJson(res, 200, {});
  };
}

function parseUpdate(body: string | undefined): Update | undefined {
  if (body === undefined) return undefined;
  try {
    const value = JSON.parse(body) as { update_id?: unknown };
    return typeof value === 'object' && value !== null && Number.isSafeInteger(value.update_id) ? (value as Update) : undefined;
  } catch {
    return undefined;
  }
}

function portOf(server: Server, config: Config): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : config.HTTP_PORT;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
