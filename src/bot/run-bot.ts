// How the bot receives updates: long polling through @grammyjs/runner by default, or a
// webhook (Telegram's secret-token header checked) when WEBHOOK_URL is set.
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { run } from '@grammyjs/runner';
import { webhookCallback, type Bot } from 'grammy';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { health, startHttpServer } from '../server/http-server.js';
import type { BotContext } from './context.js';

export interface RunningBot {
  mode: 'polling' | 'webhook';
  /** The bound port in webhook mode. */
  port?: number;
  stop(): Promise<void>;
}

export async function runBot(bot: Bot<BotContext>, config: Config, logger: Logger): Promise<RunningBot> {
  if (!config.WEBHOOK_URL) {
    await bot.api.deleteWebhook({ drop_pending_updates: config.BOT_DROP_PENDING_UPDATES });
    const runner = run(bot);
    logger.info('long polling', { bot: bot.botInfo.username });
    return {
      mode: 'polling',
      stop: async () => {
        if (runner.isRunning()) await runner.stop();
        // stop() ends fetching; updates in hand still finish before the database closes.
        while (runner.size() > 0) await delay(20);
      },
    };
  }
  // Telegram echoes the secret on every call; without it anyone could post updates.
  const secretToken = config.WEBHOOK_SECRET ?? randomBytes(32).toString('hex');
  const path = new URL(config.WEBHOOK_URL).pathname;
  const server = await startHttpServer({
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    routes: { '/health': health(), [path]: webhookCallback(bot, 'http', { secretToken }) },
  });
  await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: secretToken, drop_pending_updates: config.BOT_DROP_PENDING_UPDATES });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
  logger.info('webhook mode', { url: config.WEBHOOK_URL, port });
  return {
    mode: 'webhook',
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
