// Builds the application's dependencies from the configuration.
import { join } from 'node:path';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import type { AppDeps } from './deps.js';
import { readFileSync } from 'node:fs';
import { stagePolicyListSchema, WorkingCalendar } from './domain/calendar/index.js';
import { categoryStagePolicies } from './domain/network/category-limits.js';
import { createTranslate } from './i18n/index.js';
import { createLogger, type Logger } from './logger.js';

export interface CreateDepsOverrides {
  db?: Database;
  clock?: Clock;
  logger?: Logger;
}

export async function createDeps(config: Config, overrides: CreateDepsOverrides = {}): Promise<AppDeps> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const db =
    overrides.db ??
    (await openDatabase({
      databaseUrl: config.DATABASE_URL,
      pgliteDir: join(config.DATA_DIR, 'pglite'),
      onConnectionError: (error) => logger.warn('database connection lost; the next query reconnects', { error }),
    }));
  const shipped = WorkingCalendar.fromFile();
  const calendar = config.CALENDAR_FILE ? shipped.withOverrideFile(config.CALENDAR_FILE) : shipped;
  return {
    config,
    db,
    prisma: db.prisma,
    clock: overrides.clock ?? systemClock,
    logger,
    translate: createTranslate(config.DEFAULT_LOCALE),
    calendar,
    // The office's per-category limits from its spreadsheet, then the operator's file, which wins on a tie.
    stagePolicies: [...(await categoryStagePolicies(db.prisma)), ...readStagePolicies(config.STAGE_LIMITS_FILE)],
  };
}

function readStagePolicies(file: string | undefined) {
  if (!file) return [];
  const parsed = stagePolicyListSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`STAGE_LIMITS_FILE ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
