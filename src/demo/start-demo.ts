// The whole demo in one process: the production bot, its background jobs and the
// seeded district on an embedded database, talking to the local Bot API emulator
// whose web console plays the people. `npm run demo` and the browser test call this.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createDeps } from '../app.js';
import { startApplication } from '../application.js';
import { ManualClock, OffsetClock } from '../clock.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import type { WorkingCalendar } from '../domain/calendar/index.js';
import { endOfLocalDay, localDayNumber } from '../domain/calendar/zoned-date.js';
import { seedDemoDistrict } from '../domain/seed/demo-district.js';
import { generateDemoHistory } from '../domain/seed/demo-history.js';
import { seedDemoProposals } from '../domain/seed/demo-proposals.js';
import { createLogger, type Logger } from '../logger.js';
import type { TimeAdvance } from './console/server.js';
import { startDemoTransport, type DemoTransport } from './demo-transport.js';
import { defaultDemoPersonas, defaultDemoPlaces } from './personas.js';

/** Any "<digits>:<text>" works: the emulator accepts the token it is given. */
export const DEMO_BOT_TOKEN = '7000000001:minyi-demo';

export interface StartDemoOptions {
  config: Config;
  /**
   * Embedded database folder; `memory://` keeps nothing (tests). Defaults to
   * `DATA_DIR/demo-pglite`, emptied first unless `keepData`.
   */
  dataDir?: string;
  keepData?: boolean;
  /** Console port (0: a free one) and host; default DEMO_PORT and DEMO_HOST. */
  port?: number;
  host?: string;
  logger?: Logger;
  /** Moves the demo's clock forward to this moment before anything happens (tests; training on a set day). */
  startAt?: Date;
  /** A Bot API method the emulator lacks; default: a loud line on stderr. Tests fail on it. */
  onUnknownMethod?: (method: string) => void;
  /** Six months of past activity in a fresh database (default true), so the reports show figures. */
  history?: boolean;
}

export interface RunningDemo {
  /** The console's address, e.g. http://127.0.0.1:3000. */
  url: string;
  clock: OffsetClock;
  deps: AppDeps;
  transport: DemoTransport;
  /** What the console's time buttons do: move the clock, then run the due jobs. */
  advanceTime(advance: TimeAdvance): Promise<Date>;
  close(): Promise<void>;
}

export async function startDemo(options: StartDemoOptions): Promise<RunningDemo> {
  const logger = options.logger ?? createLogger(options.config.LOG_LEVEL);
  const dataDir = options.dataDir ?? join(options.config.DATA_DIR, 'demo-pglite');
  if (!options.keepData && !dataDir.startsWith('memory://')) await rm(dataDir, { recursive: true, force: true });

  const clock = new OffsetClock();
  if (options.startAt) clock.advanceTo(options.startAt);
  const stops: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((error: unknown) => logger.error('demo shutdown step failed', { error }));
    }
  };

  try {
    // Bound late: the console exists before the deps and jobs its time buttons use.
    let advanceTime: (advance: TimeAdvance) => Promise<Date> = async () => clock.now();
    const transport = await startDemoTransport({
      token: DEMO_BOT_TOKEN,
      personas: defaultDemoPersonas,
      places: defaultDemoPlaces,
      now: () => clock.now(),
      onAdvanceTime: (advance) => advanceTime(advance),
      ...(options.onUnknownMethod ? { onUnknownMethod: options.onUnknownMethod } : {}),
      port: options.port ?? options.config.DEMO_PORT,
      host: options.host ?? options.config.DEMO_HOST,
    });
    stops.push(() => transport.close());

    // Self-contained: never a configured PostgreSQL, Redis, webhook or Telegram.
    const config: Config = {
      ...options.config,
      BOT_TOKEN: DEMO_BOT_TOKEN,
      TELEGRAM_API_ROOT: transport.apiRoot,
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
      WEBHOOK_URL: undefined,
      BOT_DROP_PENDING_UPDATES: false,
      // /health and /ready on a port of its own, never the production one.
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: 0,
    };
    const db = await openDatabase({ pgliteDir: dataDir });
    stops.push(() => db.close());
    await seedDemoDistrict(db.prisma, { now: clock.now() });
    const deps = await createDeps(config, { db, clock, logger });
    if ((options.history ?? true) && (await db.prisma.opinion.count()) === 0) {
      const started = Date.now();
      // Made before the application starts: nothing of the past is delivered now.
      const made = await generateDemoHistory({ ...deps, clock: new ManualClock(clock.now()) }, { until: clock.now() });
      const proposals = await seedDemoProposals({ ...deps, clock: new ManualClock(clock.now()) });
      logger.info('demo history generated', { ...made, proposals, seconds: (Date.now() - started) / 1000 });
    }

    // Production's start-up, unchanged: only the API root (the emulator) differs. A quick
    // outbox sweep keeps the console lively besides the immediate delivery after each change.
    const application = await startApplication(deps, { token: DEMO_BOT_TOKEN, deliverySweepMs: 1000 });
    stops.push(() => application.stop());
    const { jobs } = application;

    advanceTime = async ({ workingDays, hours }) => {
      if (workingDays > 0) clock.advanceTo(sameTimeWorkingDaysLater(deps.calendar, config.TIME_ZONE, clock.now(), workingDays));
      if (hours > 0) clock.advance(hours * 3_600_000);
      // Reminders, escalations, expiries and a month's report at once, as if the time had passed.
      await jobs.queue.runDueNow();
      return clock.now();
    };

    return { url: transport.apiRoot, clock, deps, transport, advanceTime: (advance) => advanceTime(advance), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The same local time `days` working days later: "+1 工作日" from Friday 10:00 is Monday 10:00. */
export function sameTimeWorkingDaysLater(calendar: WorkingCalendar, timeZone: string, from: Date, days: number): Date {
  const endOfToday = endOfLocalDay(localDayNumber(from, timeZone), timeZone);
  const endOfTarget = calendar.addWorkingDays(from, days, timeZone);
  return new Date(from.getTime() + (endOfTarget.getTime() - endOfToday.getTime()));
}
