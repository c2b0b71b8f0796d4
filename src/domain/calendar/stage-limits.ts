import { z } from 'zod';
import { addCalendarDays, addHours, type WorkingCalendar } from './working-calendar.js';

export const STAGES = ['ACKNOWLEDGE', 'ANALYZE', 'HANDLE', 'EVALUATE'] as const;
export type Stage = (typeof STAGES)[number];

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const LIMIT_UNITS = ['WORKING_DAYS', 'HOURS', 'CALENDAR_DAYS'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

export const stageLimitSchema = z.strictObject({
  amount: z.number().int().positive(),
  unit: z.enum(LIMIT_UNITS),
});
export type StageLimit = z.infer<typeof stageLimitSchema>;

/** One rule; leave categoryCode and/or priority out to apply it to all of them. */
export const stagePolicySchema = z.strictObject({
  stage: z.enum(STAGES),
  categoryCode: z.string().trim().min(1).optional(),
  priority: z.enum(PRIORITIES).optional(),
  limit: stageLimitSchema,
});
export type StagePolicy = z.infer<typeof stagePolicySchema>;

/** For the config layer: a JSON env var or file holding policies. */
export const stagePolicyListSchema = z.array(stagePolicySchema);

/** Used for any stage the configured policies leave without a default. */
export const DEFAULT_STAGE_POLICIES: readonly StagePolicy[] = [
  { stage: 'ACKNOWLEDGE', limit: { amount: 1, unit: 'WORKING_DAYS' } },
  { stage: 'ANALYZE', limit: { amount: 3, unit: 'WORKING_DAYS' } },
  { stage: 'HANDLE', limit: { amount: 15, unit: 'WORKING_DAYS' } },
  { stage: 'EVALUATE', limit: { amount: 7, unit: 'CALENDAR_DAYS' } },
];

export interface StageLimitQuery {
  stage: Stage;
  categoryCode?: string | null | undefined;
  priority?: Priority | null | undefined;
}

/**
 * The limit of the most specific matching policy: category+priority, then
 * category, then priority, then the stage default. Among equally specific
 * policies the later one wins, so appended overrides take effect.
 */
export function resolveStageLimit(policies: readonly StagePolicy[], query: StageLimitQuery): StageLimit {
  let best: { policy: StagePolicy; rank: number } | undefined;
  for (const policy of [...DEFAULT_STAGE_POLICIES, ...policies]) {
    const rank = specificity(policy, query);
    if (rank !== undefined && (!best || rank >= best.rank)) best = { policy, rank };
  }
  // DEFAULT_STAGE_POLICIES covers every stage, so there is always a match.
  if (!best) throw new Error(`No limit for stage ${query.stage}`);
  return best.policy.limit;
}

/** undefined when the policy does not apply; otherwise higher is more specific. */
function specificity(policy: StagePolicy, query: StageLimitQuery): number | undefined {
  if (policy.stage !== query.stage) return undefined;
  if (policy.categoryCode !== undefined && policy.categoryCode !== query.categoryCode) return undefined;
  if (policy.priority !== undefined && policy.priority !== query.priority) return undefined;
  return (policy.categoryCode !== undefined ? 2 : 0) + (policy.priority !== undefined ? 1 : 0);
}

export function computeDueAt(calendar: WorkingCalendar, from: Date, limit: StageLimit, timeZone: string): Date {
  switch (limit.unit) {
    case 'WORKING_DAYS':
      return calendar.addWorkingDays(from, limit.amount, timeZone);
    case 'CALENDAR_DAYS':
      return addCalendarDays(from, limit.amount, timeZone);
    case 'HOURS':
      return addHours(from, limit.amount);
  }
}
