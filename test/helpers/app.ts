// A whole application for a test file: database (either backend), deps with a manual
// clock, the real bot on a fake Telegram, and users to talk to it.
import type { Bot } from 'grammy';
import { createDeps } from '../../src/app.js';
import { createBot } from '../../src/bot/create-bot.js';
import type { BotContext } from '../../src/bot/context.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { DatabaseKind } from '../../src/db/database.js';
import type { AppDeps } from '../../src/deps.js';
import { createLogger } from '../../src/logger.js';
import { openTestDatabase, type TestDatabase } from './database.js';
import { FakeTelegram, TestUser, testBotInfo } from './telegram.js';

export interface TestApp {
  deps: AppDeps;
  db: TestDatabase;
  clock: ManualClock;
  telegram: FakeTelegram;
  bot: Bot<BotContext>;
  user(id: number, languageCode?: string, firstName?: string): TestUser;
  /** Closes the bot's resources and the database. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  backend?: DatabaseKind;
  /** Start of the manual clock; default a Monday morning in Shanghai. */
  now?: Date;
  env?: Record<string, string>;
  /** Another app's database: a second process over the same data (a restart). Not closed by this app. */
  db?: TestDatabase;
  /** Another app's fake Telegram: the chats keep their history (and buttons) across a restart. */
  telegram?: FakeTelegram;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.db ?? (await openTestDatabase(options.backend ?? 'pglite'));
  const config: Config = loadConfig({ BOT_TOKEN: 'test-token', LOG_LEVEL: 'silent', ...options.env });
  const clock = new ManualClock(options.now ?? new Date('2026-11-23T01:00:00Z'));
  const deps = await createDeps(config, { db, clock, logger: createLogger('silent') });
  const telegram = options.telegram ?? new FakeTelegram();
  const bot = createBot({ token: 'test-token', deps, botInfo: testBotInfo, client: { fetch: telegram.fetch } });
  return {
    deps,
    db,
    clock,
    telegram,
    bot,
    user: (id, languageCode = 'zh-hans', firstName) => new TestUser(bot, telegram, id, languageCode, firstName),
    close: async () => {
      if (!options.db) await db.destroy();
    },
  };
}
