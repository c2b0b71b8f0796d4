// Handling one recorded update, the same way in polling and webhook mode: claimed in the
// ledger (in its chat's order), run through the bot's middleware, and a failure logged
// and apologised for by the bot's error handler (bot.catch), never rethrown.
import { BotError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import { defineJob, JobDeferredError, type AnyJobDefinition } from '../../jobs/define-job.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { BotContext } from '../context.js';
import { handlingRenewMs, type UpdateLedger } from './ledger.js';

export type UpdateOutcome = 'handled' | 'skipped' | 'blocked';

/** 'blocked' while an earlier update of the same chat is pending: try again shortly. */
export async function handleRecordedUpdate(bot: Bot<BotContext>, ledger: UpdateLedger, update: Update): Promise<UpdateOutcome> {
  const claim = await ledger.claim(update.update_id);
  if (claim === 'wait') return 'blocked';
  if (claim === 'skip') return 'skipped';
  // The claim lives while this process does: renewed during the handler, it lapses soon after a crash.
  const renewal = setInterval(() => void ledger.renew(update.update_id).catch(() => undefined), handlingRenewMs);
  try {
    await bot.handleUpdate(update);
  } catch (error) {
    if (!(error instanceof BotError)) throw error;
    await bot.errorHandler(error);
  } finally {
    clearInterval(renewal);
    await ledger.finish(update.update_id);
  }
  return 'handled';
}

const updateJobName = 'telegram-update';

/** Queued by update id: one still waiting in the queue is not added twice. */
export const queueUpdate = (queue: JobQueue, update: Update) => queue.enqueue(updateJobName, { update }, { jobId: `update-${update.update_id}` });
/** How long an update waits before trying again when an earlier one of its chat is pending. */
export const blockedRetryMs = 100;
/** An update neither handled nor claimed this long after it came is taken as lost by the queue. */
const strandedAfterSeconds = 30;
const strandedSweepMs = 15_000;

/**
 * Webhook mode: the HTTP request only records and queues the update; these jobs handle it
 * (on BullMQ across all instances when Redis is set), queue again what the queue lost
 * (Redis restarted empty, an instance killed before queueing) and purge old ledger rows.
 */
export function updateJobs(bot: Bot<BotContext>, ledger: UpdateLedger): AnyJobDefinition[] {
  return [
    defineJob({
      name: updateJobName,
      schema: z.object({ update: z.looseObject({ update_id: z.number().int() }) }),
      // Several chats at once; one chat's updates still wait for each other (the ledger).
      concurrency: 8,
      attempts: 5,
      // The ledger makes a second run harmless; a killed instance's update must not wait a minute.
      crashRecoveryMs: 5_000,
      handler: async (_deps, { update }) => {
        if ((await handleRecordedUpdate(bot, ledger, update as Update)) === 'blocked') throw new JobDeferredError(blockedRetryMs);
      },
    }),
    defineJob({
      name: 'update-ledger-sweep',
      schema: z.object({}),
      repeat: { everyMs: strandedSweepMs },
      // Queued again by update id: one still in the queue is not added twice, and only one claim wins.
      handler: async ({ queue }) => {
        for (const update of await ledger.stranded(strandedAfterSeconds, 500)) await queueUpdate(queue, update);
      },
    }),
    defineJob({
      name: 'update-ledger-retention',
      schema: z.object({}),
      repeat: { everyMs: 3_600_000 },
      handler: async () => void (await ledger.deleteOld()),
    }),
  ];
}
