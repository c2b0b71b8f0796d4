// Stage deadlines as rows: opened when a stage starts, met when it ends. Reports and
// the reminder / escalation jobs read them.
import type { DeadlineKind, Priority } from '../../generated/prisma/client.js';
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

/** Abandons every open deadline (a merged duplicate). */
export async function cancelOpenDeadlines(tx: Tx, opinionId: number, at: Date): Promise<void> {
  await tx.opinionDeadline.updateMany({ where: { opinionId, metAt: null, cancelledAt: null }, data: { cancelledAt: at } });
}
