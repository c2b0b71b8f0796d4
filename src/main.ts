// `npm start`: the bot (long polling, or webhook when WEBHOOK_URL is set) with its
// background jobs, on PGlite or PostgreSQL and Redis or in-process queues.
import { existsSync } from 'node:fs';
import { createDeps } from './app.js';
import { startApplication } from './application.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  if (!config.BOT_TOKEN) {
    console.error(
      'minyi needs a Telegram bot token: set BOT_TOKEN (from @BotFather, see README.md) in the environment or in .env — or try `npm run demo`, which needs none.',
    );
    process.exit(1);
  }
  const deps = await createDeps(config);
  const app = await startApplication(deps, { token: config.BOT_TOKEN });

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
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
