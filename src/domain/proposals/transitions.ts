// From which stages each proposal action may be taken (lifecycle.ts, "from stage(s)").
import type { ProposalAnswerClass, ProposalStage } from '../../generated/prisma/client.js';
import { DomainError } from '../errors.js';
import type { ProposalActionType } from './lifecycle.js';

export const PROPOSAL_ACTION_STAGES: Readonly<Record<ProposalActionType, readonly ProposalStage[]>> = {
  confirm: ['AWAITING_CONFIRMATION'],
  decline: ['AWAITING_CONFIRMATION'],
  withdraw: ['SUBMITTED'],
  assign: ['SUBMITTED'],
  markKey: ['SUBMITTED', 'ASSIGNED', 'ANSWERED', 'IMPLEMENTING'],
  answer: ['ASSIGNED'],
  evaluateFirst: ['ANSWERED'],
  progress: ['IMPLEMENTING'],
  markImplemented: ['IMPLEMENTING'],
  evaluateSecond: ['IMPLEMENTING'],
  askSecondEvaluation: ['IMPLEMENTING'],
};

export interface ProposalTransitionState {
  stage: ProposalStage;
  answerClass: ProposalAnswerClass | null;
  implementedAt: Date | null;
  isKey: boolean;
}

export function isProposalTransitionAllowed(state: ProposalTransitionState, action: ProposalActionType): boolean {
  if (!PROPOSAL_ACTION_STAGES[action].includes(state.stage)) return false;
  // Implementation is tracked for what was committed (A) or planned (B); only A is carried out within the year.
  if (action === 'progress') return state.answerClass === 'A' || state.answerClass === 'B';
  if (action === 'markImplemented') return state.answerClass === 'A' && state.implementedAt === null;
  if (action === 'markKey') return !state.isKey;
  return true;
}

export function assertProposalTransition(state: ProposalTransitionState, action: ProposalActionType): void {
  if (!isProposalTransitionAllowed(state, action)) {
    throw new DomainError('invalid-transition', 'error-proposal-invalid-transition', { stage: state.stage, action });
  }
}
