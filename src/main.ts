// `npm start`: the bot (long polling, or webhook when WEBHOOK_URL is set) with its
// background jobs, on PGlite or PostgreSQL and Redis or in-process queues. A bad setting
// stops it with one sentence naming the variable; a service that does not answer yet
// (Telegram, Redis, PostgreSQL) is reported and retried with backoff.
import './v8-flags.js';
import { existsSync } from 'node:fs';
import { createDeps } from './app.js';
import { startApplication } from './application.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { checkRedis, checkTelegram } from './startup.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  if (!config.BOT_TOKEN) {
    console.error(
      'minyi needs a Telegram bot token: set BOT_TOKEN (from @BotFather, see README.md) in the environment or in .env — or try `npm run demo`, which needs none.',
    );
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const botInfo = await checkTelegram(config, config.BOT_TOKEN, logger);
  if (config.REDIS_URL) await checkRedis(config.REDIS_URL, logger);
  const deps = await createDeps(config, { logger });
  const app = await startApplication(deps, { token: config.BOT_TOKEN, botInfo });

  const shutdown = async (signal: string) => {
    deps.logger.info('shutting down', { signal });
    await app.stop();
    await deps.db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // What the operator must fix is said in one sentence; anything else is a bug: its stack helps.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
