// From which stages each action may be taken (lifecycle.ts, "from stage(s)"), with the
// few conditions that depend on more than the stage.
import type { Disposition, OpinionEventType, OpinionStage } from '../../generated/prisma/client.js';
import type { PrismaClient } from '../../db/database.js';
import type { Tx } from '../deps.js';
import { DomainError } from '../errors.js';
import type { OpinionActionType } from './lifecycle.js';

const OPEN_STAGES: readonly OpinionStage[] = ['COLLECTED', 'ANALYZING', 'HANDLING', 'FEEDBACK'];
/** Stages in which someone on the staff owes work: chased and reassigned by admins. */
const STAFF_WORK_STAGES: readonly OpinionStage[] = ['COLLECTED', 'ANALYZING', 'HANDLING'];
/** Decisions may be taken straight from COLLECTED: they acknowledge first. */
const DECISION_STAGES: readonly OpinionStage[] = ['COLLECTED', 'ANALYZING'];

export const ACTION_STAGES: Readonly<Record<OpinionActionType, readonly OpinionStage[]>> = {
  acknowledge: ['COLLECTED'],
  classify: ['COLLECTED', 'ANALYZING', 'HANDLING'],
  answer: DECISION_STAGES,
  refer: DECISION_STAGES,
  escalate: DECISION_STAGES,
  decline: DECISION_STAGES,
  merge: DECISION_STAGES,
  handBack: ['HANDLING'],
  progress: ['HANDLING'],
  requestClarification: ['HANDLING'],
  clarify: ['HANDLING'],
  submitResult: ['HANDLING'],
  deliverResult: ['HANDLING'],
  evaluate: ['FEEDBACK'],
  explainDissatisfaction: ['FEEDBACK'],
  expireEvaluation: ['FEEDBACK'],
  remindDeadline: ['FEEDBACK'],
  deadlineStep: OPEN_STAGES,
  chase: STAFF_WORK_STAGES,
  reassign: STAFF_WORK_STAGES,
};

/** Actions that exist only between an officer and the agency a case is referred to. */
const REFERRAL_ONLY: readonly OpinionActionType[] = ['handBack', 'requestClarification', 'clarify'];

export interface TransitionState {
  stage: OpinionStage;
  disposition: Disposition | null;
}

export interface TransitionFacts {
  /** The text of a result submitted in this handling round and not yet delivered. */
  pendingResult: string | null;
  /** The open EVALUATE deadline's due time, if any. */
  evaluationDueAt: Date | null;
  /** Round 1 was rated 不满意 and the case waits for the resident's reason before round 2. */
  awaitingReason: boolean;
  now: Date;
}

export function isTransitionAllowed(state: TransitionState, action: OpinionActionType, facts: TransitionFacts): boolean {
  if (!ACTION_STAGES[action].includes(state.stage)) return false;
  if (REFERRAL_ONLY.includes(action) && state.disposition !== 'REFERRED') return false;
  if (action === 'deliverResult') return facts.pendingResult !== null;
  if (action === 'expireEvaluation') return facts.evaluationDueAt !== null && facts.evaluationDueAt.getTime() <= facts.now.getTime();
  if (action === 'evaluate') return !facts.awaitingReason;
  if (action === 'explainDissatisfaction') return facts.awaitingReason;
  return true;
}

/** Throws DomainError('invalid-transition') with the current stage when the action does not fit. */
export function assertTransition(state: TransitionState, action: OpinionActionType, facts: TransitionFacts): void {
  if (!isTransitionAllowed(state, action, facts)) {
    throw new DomainError('invalid-transition', 'error-invalid-transition', { stage: state.stage, action });
  }
}

/** Events that start or end a handling round: a result submitted after the last of them is pending. */
const HANDLING_MARKS: OpinionEventType[] = ['REFERRED', 'ESCALATED', 'HANDED_BACK', 'REOPENED', 'RESULT_SUBMITTED', 'RESULT_DELIVERED'];

export async function loadTransitionFacts(
  db: Tx | PrismaClient,
  opinion: { id: number; stage: OpinionStage; round: number },
  now: Date,
): Promise<TransitionFacts> {
  let pendingResult: string | null = null;
  let evaluationDueAt: Date | null = null;
  let awaitingReason = false;
  if (opinion.stage === 'HANDLING') {
    const last = await db.opinionEvent.findFirst({ where: { opinionId: opinion.id, type: { in: HANDLING_MARKS } }, orderBy: { id: 'desc' } });
    if (last?.type === 'RESULT_SUBMITTED') pendingResult = last.note ?? '';
  }
  if (opinion.stage === 'FEEDBACK') {
    // The open evaluation deadline and this round's rating, in one statement.
    const feedback = await db.opinion.findUnique({
      where: { id: opinion.id },
      select: {
        deadlines: { where: { kind: 'EVALUATE', round: opinion.round, metAt: null, cancelledAt: null }, orderBy: { id: 'desc' }, take: 1, select: { dueAt: true } },
        evaluations: { where: { round: opinion.round }, take: 1, select: { id: true } },
      },
    });
    evaluationDueAt = feedback?.deadlines[0]?.dueAt ?? null;
    // Rated in this round while still in FEEDBACK: only a round-1 不满意 waiting for its reason.
    awaitingReason = (feedback?.evaluations.length ?? 0) > 0;
  }
  return { pendingResult, evaluationDueAt, awaitingReason, now };
}
