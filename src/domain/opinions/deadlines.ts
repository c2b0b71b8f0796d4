// Stage deadlines as rows: opened when a stage starts, met when it ends. Reports and
// the reminder / escalation jobs read them.
import { Prisma, type DeadlineKind, type Priority } from '../../generated/prisma/client.js';
import { computeDueAt, resolveStageLimit } from '../calendar/index.js';
import type { DomainDeps, Tx } from '../deps.js';

export interface OpenDeadlineInput {
  opinionId: number;
  kind: DeadlineKind;
  round: number;
  from: Date;
  categoryCode?: string | null;
  priority?: Priority | null;
  /** An explicit due time (e.g. a referral deadline the officer chose). */
  dueAt?: Date;
}

export function dueAtFor(deps: Pick<DomainDeps, 'calendar' | 'config' | 'stagePolicies'>, input: Omit<OpenDeadlineInput, 'opinionId' | 'round'>): Date {
  if (input.dueAt) return input.dueAt;
  const limit = resolveStageLimit(deps.stagePolicies, { stage: input.kind, categoryCode: input.categoryCode ?? null, priority: input.priority ?? null });
  return computeDueAt(deps.calendar, input.from, limit, deps.config.TIME_ZONE);
}

export async function openDeadline(tx: Tx, deps: Pick<DomainDeps, 'calendar' | 'config' | 'stagePolicies'>, input: OpenDeadlineInput) {
  return tx.opinionDeadline.create({
    data: { opinionId: input.opinionId, kind: input.kind, round: input.round, setAt: input.from, dueAt: dueAtFor(deps, input) },
  });
}

/** Marks the open deadlines of these kinds as met now. */
export async function meetDeadlines(tx: Tx, opinionId: number, kinds: DeadlineKind[], at: Date): Promise<void> {
  await tx.opinionDeadline.updateMany({ where: { opinionId, kind: { in: kinds }, metAt: null, cancelledAt: null }, data: { metAt: at } });
}

/**
 * meetDeadlines, then openDeadline, in one statement: the update sees the rows as they
 * were before the statement, so the deadline it opens is not among those it meets.
 */
export async function meetAndOpenDeadline(tx: Tx, deps: Pick<DomainDeps, 'calendar' | 'config' | 'stagePolicies'>, kinds: DeadlineKind[], input: OpenDeadlineInput): Promise<void> {
  await tx.$executeRaw`
    WITH met AS (
      UPDATE "OpinionDeadline" SET "metAt" = ${input.from}
      WHERE "opinionId" = ${input.opinionId} AND "kind"::text IN (${Prisma.join(kinds)}) AND "metAt" IS NULL AND "cancelledAt" IS NULL)
    INSERT INTO "OpinionDeadline" ("opinionId", "kind", "round", "setAt", "dueAt")
    VALUES (${input.opinionId}, ${input.kind}::"DeadlineKind", ${input.round}, ${input.from}, ${dueAtFor(deps, input)})`;
}

/** Abandons every open deadline (a merged duplicate). */
export async function cancelOpenDeadlines(tx: Tx, opinionId: number, at: Date): Promise<void> {
  await tx.opinionDeadline.updateMany({ where: { opinionId, metAt: null, cancelledAt: null }, data: { cancelledAt: at } });
}

// ─────────────────────────── the overdue chain ───────────────────────────
//
// A staff deadline (acknowledge, analyze, handle) has a chain of steps, each taken once
// (OpinionDeadlineStep): `half` (half the limit elapsed: a reminder to whoever must
// act), `due` (the deadline passed: a reminder, 督办 to the street admins, the resident
// told of the delay and the new expected date) and `late-<n>` for each working day
// after, from 09:00 (a reminder and 督办 again; from OVERDUE_DISTRICT_AFTER_WORKING_DAYS the
// district admins too). A job that runs late takes every step it missed, in order.

/** Late steps are taken from 09:00 local time of each working day after the deadline. */
const OFFICE_OPENS_MS = 9 * 60 * 60_000;

export const STAFF_DEADLINE_KINDS: readonly DeadlineKind[] = ['ACKNOWLEDGE', 'ANALYZE', 'HANDLE'];

export type DeadlineStepName = 'half' | 'due' | `late-${number}`;

/** Working days late that a step stands for: 0 for `due`, n for `late-n`, null for `half`. */
export function stepLateDays(step: string): number | null {
  if (step === 'due') return 0;
  const match = /^late-([1-9]\d{0,3})$/.exec(step);
  return match ? Number(match[1]) : null;
}

export function isDeadlineStep(step: string): step is DeadlineStepName {
  return step === 'half' || stepLateDays(step) !== null;
}

/** The steps of a deadline whose time has come by `now`, in chain order. */
export function dueDeadlineSteps(
  deps: Pick<DomainDeps, 'calendar' | 'config'>,
  deadline: { setAt: Date; dueAt: Date },
  now: Date,
): DeadlineStepName[] {
  const due = deadline.dueAt.getTime();
  const half = deadline.setAt.getTime() + (due - deadline.setAt.getTime()) / 2;
  const steps: DeadlineStepName[] = [];
  if (now.getTime() >= half) steps.push('half');
  if (now.getTime() < due) return steps;
  steps.push('due');
  // A late day's step comes at the start of office hours, not at midnight.
  const late = deps.calendar.workingDaysBetween(deadline.dueAt, new Date(now.getTime() - OFFICE_OPENS_MS), deps.config.TIME_ZONE);
  for (let n = 1; n <= late; n += 1) steps.push(`late-${n}`);
  return steps;
}
