// Everything the adapters (bot, HTTP server, CLI, jobs) need, built once in src/app.ts
// and passed down explicitly: no module-level singletons.
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database, PrismaClient } from './db/database.js';
import type { OutboxSignal } from './delivery/signal.js';
import type { StagePolicy, WorkingCalendar } from './domain/calendar/index.js';
import type { Translate } from './i18n/index.js';
import type { Logger } from './logger.js';

export interface AppDeps {
  config: Config;
  db: Database;
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  translate: Translate;
  calendar: WorkingCalendar;
  /** Stage limits per category / priority, on top of the defaults. */
  stagePolicies: readonly StagePolicy[];
  /** Wakes notification delivery (every instance's) after a commit that wrote outbox rows. */
  outbox: OutboxSignal;
}
