// Builds the application's dependencies from the configuration.
import { systemClock, type Clock } from './clock.js';
import { configProblem, type Config } from './config.js';
import { embeddedDatabaseIn, openDatabase, type Database } from './db/database.js';
import type { AppDeps } from './deps.js';
import { readFileSync } from 'node:fs';
import { createOutboxSignal, type OutboxSignal } from './delivery/signal.js';
import { stagePolicyListSchema, WorkingCalendar } from './domain/calendar/index.js';
import { categoryStagePolicies } from './domain/network/category-limits.js';
import { createTranslate } from './i18n/index.js';
import { createLogger, type Logger } from './logger.js';
import { postgresConfigProblem, untilReachable } from './startup.js';

export interface CreateDepsOverrides {
  db?: Database;
  clock?: Clock;
  logger?: Logger;
  /** Tests: a signal on their own Redis channel. */
  outbox?: OutboxSignal;
}

export async function createDeps(config: Config, overrides: CreateDepsOverrides = {}): Promise<AppDeps> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  // The configured files first: a bad one stops start-up before the database is opened.
  const shipped = WorkingCalendar.fromFile();
  const calendarFile = config.CALENDAR_FILE;
  const calendar = calendarFile ? fromFile('CALENDAR_FILE', () => shipped.withOverrideFile(calendarFile)) : shipped;
  const stagePolicies = readStagePolicies(config.STAGE_LIMITS_FILE);
  const open = () =>
    openDatabase({
      databaseUrl: config.DATABASE_URL,
      ...embeddedDatabaseIn(config.DATA_DIR),
      onConnectionError: (error) => logger.warn('database connection lost; the next query reconnects', { error }),
    });
  const db: Database =
    overrides.db ??
    (config.DATABASE_URL
      ? await untilReachable(
          'PostgreSQL (DATABASE_URL)',
          async () => {
            try {
              return await open();
            } catch (error) {
              throw postgresConfigProblem(error) ?? error;
            }
          },
          logger,
          { attemptTimeoutMs: 30_000 },
        )
      : await open());
  return {
    config,
    db,
    prisma: db.prisma,
    clock: overrides.clock ?? systemClock,
    logger,
    translate: createTranslate(config.DEFAULT_LOCALE),
    calendar,
    // The office's per-category limits from its spreadsheet, then the operator's file, which wins on a tie.
    stagePolicies: [...(await categoryStagePolicies(db.prisma)), ...stagePolicies],
    outbox: overrides.outbox ?? createOutboxSignal({ redisUrl: config.REDIS_URL, logger }),
  };
}

function readStagePolicies(file: string | undefined) {
  if (!file) return [];
  return fromFile('STAGE_LIMITS_FILE', () => {
    const parsed = stagePolicyListSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return parsed.data;
  });
}

/** Reads a configured file; what is wrong with it stops start-up naming the variable. */
function fromFile<T>(variable: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw configProblem(variable, `expected a valid JSON file as described in README.md (${(error as Error).message.split('\n')[0]})`);
  }
}
