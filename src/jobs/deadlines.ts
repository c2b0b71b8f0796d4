// Deadline jobs: remind before a stage deadline, escalate to the street admin after it,
// close cases whose evaluation window elapsed. Every change goes through
// applyOpinionAction, which records it once (remindedAt / escalatedAt / CLOSED), so a
// run that repeats, overlaps or follows a crash sends nothing twice.
import { z } from 'zod';
import type { DeadlineKind } from '../generated/prisma/client.js';
import { applyOpinionAction } from '../domain/opinions/apply-action.js';
import type { OpinionAction } from '../domain/opinions/lifecycle.js';
import { defineJob, type AnyJobDefinition, type JobDeps } from './define-job.js';

export const deadlineRemindersJob = 'deadline-reminders';
export const evaluationExpiryJob = 'evaluation-expiry';

/** Deadlines of work staff owe: reminded before, escalated to the street admin after. */
export const escalatedKinds: DeadlineKind[] = ['ACKNOWLEDGE', 'ANALYZE', 'HANDLE'];
/** The resident's evaluation window is only reminded: when it elapses, evaluation-expiry closes the case. */
export const remindedKinds: DeadlineKind[] = [...escalatedKinds, 'EVALUATE'];

/**
 * The reminder rule: remind once the last quarter of the time between setting and due
 * has begun, and never later than 2 hours before the due time (so a short deadline is
 * reminded at once). Past the due time a staff deadline is escalated instead; one that
 * was never reminded is then only escalated.
 */
export const reminderLeadShare = 0.25;
export const minimumReminderLeadMs = 2 * 60 * 60_000;

export type DeadlineAlert = 'remind' | 'escalate';

export function deadlineAlert(
  deadline: { kind: DeadlineKind; setAt: Date; dueAt: Date; remindedAt: Date | null; escalatedAt: Date | null },
  now: Date,
): DeadlineAlert | undefined {
  const due = deadline.dueAt.getTime();
  if (now.getTime() >= due) return deadline.escalatedAt || !escalatedKinds.includes(deadline.kind) ? undefined : 'escalate';
  if (deadline.remindedAt) return undefined;
  const leadMs = Math.max((due - deadline.setAt.getTime()) * reminderLeadShare, minimumReminderLeadMs);
  return now.getTime() >= due - leadMs ? 'remind' : undefined;
}

export type ApplyAction = typeof applyOpinionAction;

export interface DeadlineJobsOptions {
  /** The domain's one entry point for opinion changes; replaceable in tests. */
  applyAction?: ApplyAction;
  everyMs?: number;
}

export function deadlineJobs(options: DeadlineJobsOptions = {}): AnyJobDefinition[] {
  const applyAction = options.applyAction ?? applyOpinionAction;
  const everyMs = options.everyMs ?? 60_000;

  /**
   * Applies system actions one by one: one case that fails does not hold up the others.
   * Each action wakes delivery itself when it wrote notifications.
   */
  async function applyAll(deps: JobDeps, job: string, actions: { opinionId: number; action: OpinionAction }[]): Promise<void> {
    for (const { opinionId, action } of actions) {
      try {
        await applyAction(deps, { opinionId, actor: { kind: 'system' }, action });
      } catch (error) {
        // Refused (e.g. someone acted on the case meanwhile): the next run looks again.
        deps.logger.warn('deadline action not applied', { job, opinionId, action: action.type, error });
      }
    }
  }

  const reminders = defineJob({
    name: deadlineRemindersJob,
    schema: z.object({}),
    repeat: { everyMs },
    attempts: 1,
    handler: async (deps) => {
      const now = deps.clock.now();
      const open = await deps.prisma.opinionDeadline.findMany({
        where: {
          metAt: null,
          cancelledAt: null,
          opinion: { stage: { not: 'CLOSED' } },
          OR: [
            { kind: { in: remindedKinds }, remindedAt: null, dueAt: { gt: now } },
            { kind: { in: escalatedKinds }, escalatedAt: null, dueAt: { lte: now } },
          ],
        },
        select: { id: true, opinionId: true, kind: true, setAt: true, dueAt: true, remindedAt: true, escalatedAt: true },
        orderBy: { dueAt: 'asc' },
      });
      const actions = open.flatMap((deadline) => {
        const alert = deadlineAlert(deadline, now);
        if (!alert) return [];
        const action: OpinionAction = alert === 'remind' ? { type: 'remindDeadline', deadlineId: deadline.id } : { type: 'escalateOverdue', deadlineId: deadline.id };
        return [{ opinionId: deadline.opinionId, action }];
      });
      await applyAll(deps, deadlineRemindersJob, actions);
    },
  });

  const evaluationExpiry = defineJob({
    name: evaluationExpiryJob,
    schema: z.object({}),
    repeat: { everyMs },
    attempts: 1,
    handler: async (deps) => {
      const expired = await deps.prisma.opinion.findMany({
        where: { stage: 'FEEDBACK', deadlines: { some: { kind: 'EVALUATE', metAt: null, cancelledAt: null, dueAt: { lte: deps.clock.now() } } } },
        select: { id: true },
        orderBy: { id: 'asc' },
      });
      await applyAll(deps, evaluationExpiryJob, expired.map(({ id }) => ({ opinionId: id, action: { type: 'expireEvaluation' } })));
    },
  });

  return [reminders, evaluationExpiry];
}
