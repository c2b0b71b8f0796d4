// Starting the product: the bot with its command menus (published in the background), the background jobs that
// deliver its notifications and watch deadlines, and the update source (long polling or
// webhook). `npm start` and the demo both start through here.
import { publishCommands } from './bot/commands.js';
import { createBot } from './bot/create-bot.js';
import type { BotContext } from './bot/context.js';
import { renderNotification } from './bot/notifications/render.js';
import { runBot } from './bot/run-bot.js';
import type { AppDeps } from './deps.js';
import { dataRetentionJob } from './jobs/definitions/data-retention.js';
import { secondEvaluationJob } from './jobs/definitions/second-evaluation.js';
import { monthlyReportJob } from './jobs/definitions/monthly-report.js';
import { createDeliveryApi } from './delivery/index.js';
import { startBackgroundJobs, type BackgroundJobs } from './jobs/index.js';
import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { updateJobs } from './bot/updates/handle.js';
import { createUpdateLedger } from './bot/updates/ledger.js';
import { databaseProblems } from './db/database.js';

export interface RunningApplication {
  bot: Bot<BotContext>;
  jobs: BackgroundJobs;
  stop(): Promise<void>;
}

export interface StartApplicationOptions {
  token: string;
  /** How often delivery sweeps the outbox besides being woken (ms). */
  deliverySweepMs?: number;
  /** The bot's identity when start-up already asked Telegram (getMe). */
  botInfo?: UserFromGetMe;
}

export async function startApplication(deps: AppDeps, { token, deliverySweepMs, botInfo }: StartApplicationOptions): Promise<RunningApplication> {
  warnOfMissingHolidaySchedule(deps);
  const bot = createBot({ token, deps, ...(botInfo ? { botInfo } : {}) });
  // Updates are recorded by update_id: handled once, one chat in order (src/bot/updates).
  const updateLedger = createUpdateLedger(deps.db);
  await bot.init();
  // In the background: only changed menus are sent, and start-up does not wait for Telegram.
  void publishCommands(bot.api, deps).then(
    ({ calls }) => deps.logger.info('command menus published', { calls }),
    (error: unknown) => deps.logger.warn('command menus not published; the next start tries again', { error }),
  );
  const jobs = await startBackgroundJobs(deps, {
    delivery: {
      api: createDeliveryApi(token, { apiRoot: deps.config.TELEGRAM_API_ROOT }),
      render: (notification, recipient) =>
        renderNotification(notification, { translate: deps.translate, personLocale: recipient.locale, botUsername: bot.botInfo.username }),
      ...(deliverySweepMs ? { sweepEveryMs: deliverySweepMs } : {}),
    },
    jobs: [monthlyReportJob(deps.config), dataRetentionJob(deps.config), secondEvaluationJob(deps.config), ...updateJobs(bot, updateLedger)],
  });
  const updates = await runBot(bot, deps.config, deps.logger, {
    ledger: updateLedger,
    queue: jobs.queue,
    readiness: [() => databaseProblems(deps.db)],
  });
  return {
    bot,
    jobs,
    stop: async () => {
      // Updates first (they write), then the jobs (they deliver what was written).
      await updates.stop();
      await jobs.stop();
      await deps.outbox.close();
    },
  };
}

/** Deadlines in a year without a holiday schedule count Monday to Friday: tell the operator. */
function warnOfMissingHolidaySchedule(deps: AppDeps): void {
  const missing = deps.calendar.yearsMissingAround(deps.clock.now(), deps.config.TIME_ZONE);
  if (missing.length === 0) return;
  deps.logger.warn(
    'no public-holiday schedule for these years: their deadlines count Monday to Friday. Add the State Council schedule with CALENDAR_FILE (see README, Deadlines).',
    { years: missing },
  );
}
