// Deadline jobs: the overdue chain of staff deadlines (reminders at half the limit, at the
// deadline and each working day after, with 督办 to the admins), the resident's
// evaluation reminder, closing cases whose evaluation window elapsed, and round 2 after a
// 不满意 whose reason never came. Every change goes through applyOpinionAction, which
// records each step once (OpinionDeadlineStep / remindedAt / CLOSED / REOPENED), so a run
// that repeats, overlaps or follows a crash sends nothing twice.
import { z } from 'zod';
import { dueDeadlineSteps } from '../domain/opinions/deadlines.js';
import { applyOpinionAction } from '../domain/opinions/apply-action.js';
import type { OpinionAction } from '../domain/opinions/lifecycle.js';
import { defineJob, type AnyJobDefinition, type JobDeps } from './define-job.js';

export const deadlineRemindersJob = 'deadline-reminders';
export const evaluationExpiryJob = 'evaluation-expiry';
export const dissatisfactionReasonWaitJob = 'dissatisfaction-reason-wait';

/**
 * The resident's evaluation window is only reminded (when it elapses, evaluation-expiry
 * closes the case): once the last quarter of the window has begun, and never later
 * than 2 hours before its end. Staff deadlines follow the overdue chain instead
 * (dueDeadlineSteps in src/domain/opinions/deadlines.ts).
 */
export const reminderLeadShare = 0.25;
export const minimumReminderLeadMs = 2 * 60 * 60_000;

export function evaluationReminderDue(deadline: { setAt: Date; dueAt: Date; remindedAt: Date | null }, now: Date): boolean {
  const due = deadline.dueAt.getTime();
  if (deadline.remindedAt || now.getTime() >= due) return false;
  const leadMs = Math.max((due - deadline.setAt.getTime()) * reminderLeadShare, minimumReminderLeadMs);
  return now.getTime() >= due - leadMs;
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
        where: { metAt: null, cancelledAt: null, setAt: { lte: now }, opinion: { stage: { not: 'CLOSED' } } },
        select: { id: true, opinionId: true, kind: true, setAt: true, dueAt: true, remindedAt: true, steps: { select: { step: true } } },
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      });
      const actions = open.flatMap(({ id: deadlineId, opinionId, ...deadline }): { opinionId: number; action: OpinionAction }[] => {
        if (deadline.kind === 'EVALUATE') return evaluationReminderDue(deadline, now) ? [{ opinionId, action: { type: 'remindDeadline', deadlineId } }] : [];
        // Every step whose time has come and that was not taken yet, in order: a late run catches up.
        const taken = new Set(deadline.steps.map(({ step }) => step));
        return dueDeadlineSteps(deps, deadline, now)
          .filter((step) => !taken.has(step))
          .map((step) => ({ opinionId, action: { type: 'deadlineStep', deadlineId, step } }));
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

  // A resident who rated 不满意 and never said why: staff hear of it anyway, without a reason.
  const reasonWait = defineJob({
    name: dissatisfactionReasonWaitJob,
    schema: z.object({}),
    repeat: { everyMs },
    attempts: 1,
    handler: async (deps) => {
      const ratedBefore = new Date(deps.clock.now().getTime() - deps.config.DISSATISFACTION_REASON_WAIT_MINUTES * 60_000);
      const waiting = await deps.prisma.opinion.findMany({
        where: { stage: 'FEEDBACK', round: 1, evaluations: { some: { round: 1, rating: 'DISSATISFIED', at: { lte: ratedBefore } } } },
        select: { id: true },
        orderBy: { id: 'asc' },
      });
      await applyAll(deps, dissatisfactionReasonWaitJob, waiting.map(({ id }) => ({ opinionId: id, action: { type: 'explainDissatisfaction' } })));
    },
  });

  return [reminders, evaluationExpiry, reasonWait];
}
