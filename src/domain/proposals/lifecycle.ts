// The proposal lifecycle: submit → assign → handle and answer → supervise → evaluate
// (提、办、督、评; ../shared/domain.md, "Representatives' proposals"). This file is the
// contract; `applyProposalAction` (apply-action.ts) is the one function that carries
// the actions out, as applyOpinionAction does for opinions.
//
// action              actor                          from stage(s)                    to stage        events written                     fields set
// ──────────────────  ─────────────────────────────  ───────────────────────────────  ──────────────  ─────────────────────────────────  ─────────────────────────────────────────
// (submitProposal)    a representative               —                                SUBMITTED       SUBMITTED {opinionIds}             submittedAt; opinions' proposalId
// (escalate opinion)  officer (applyOpinionAction)   —                                AWAITING_CONF.  DRAFTED {opinionId}                escalatedById; the opinion's proposalId
// confirm             the proposal's representative  AWAITING_CONFIRMATION            SUBMITTED       CONFIRMED                          submittedAt (title / text may be edited)
// decline             the proposal's representative  AWAITING_CONFIRMATION            CLOSED          WITHDRAWN {declined: true}         closedAt; the escalating officer is told
// withdraw            the proposal's representative  SUBMITTED                        CLOSED          WITHDRAWN                          closedAt
// assign              district admin                 SUBMITTED                        ASSIGNED        ASSIGNED {lead, co, dueAt}         assignedAt, answerDueAt (+PROPOSAL_ANSWER_MONTHS)
// markKey             district admin                 SUBMITTED…IMPLEMENTING           (unchanged)     KEY_MARKED {supervisorId}          isKey, supervisorId
// answer              a handler of the lead agency   ASSIGNED                         ANSWERED        ANSWERED {answerClass, dueAt}      answeredAt, answerClass, answerText (C: the reason)
// evaluateFirst       the proposal's representative  ANSWERED                         IMPLEMENTING    EVALUATED {kind: FIRST, rating}    ProposalEvaluation FIRST of the round
//                                                                                     or ASSIGNED     + in round 1 when DISSATISFIED:    round 2, answerDueAt (+PROPOSAL_REHANDLING_MONTHS),
//                                                                                                       REOPENED {dueAt}                   answeredAt / answerClass / answerText cleared
// progress            a handler of lead or co agency IMPLEMENTING (class A or B)      (unchanged)     PROGRESS                           —
// markImplemented     a handler of the lead agency   IMPLEMENTING (class A, not yet)  (unchanged)     IMPLEMENTED                        implementedAt
// evaluateSecond      the proposal's representative  IMPLEMENTING                     CLOSED          EVALUATED {kind: SECOND}, CLOSED   ProposalEvaluation SECOND; closedAt
// askSecondEvaluation system (yearly job)            IMPLEMENTING, not asked this year (unchanged)    REMINDED {year}                    — (the representative gets the rating buttons)
//
// Every event records actorId, actorRole, fromStage, toStage, round; every change bumps
// Proposal.version, and a stale `expectedVersion` fails with DomainError('conflict').
// The fields hold the current round: after a re-handling answerDueAt / answeredAt are
// those of round 2; round 1's are in its ASSIGNED and ANSWERED events (data.dueAt).
import type { Proposal, ProposalAnswerClass, ProposalEvent, Rating } from '../../generated/prisma/client.js';
import type { Actor } from '../opinions/lifecycle.js';

export type ProposalAction =
  | { type: 'confirm'; title?: string; text?: string }
  | { type: 'decline'; reason?: string }
  | { type: 'withdraw'; reason?: string }
  | { type: 'assign'; leadAgencyId: number; coAgencyIds?: number[]; note?: string }
  | { type: 'markKey'; supervisorId: number }
  | { type: 'answer'; answerClass: ProposalAnswerClass; text: string }
  | { type: 'evaluateFirst'; rating: Rating; comment?: string }
  | { type: 'progress'; note: string }
  | { type: 'markImplemented'; note?: string }
  | { type: 'evaluateSecond'; rating: Rating; comment?: string }
  | { type: 'askSecondEvaluation'; year: number };

export type ProposalActionType = ProposalAction['type'];

export interface ApplyProposalActionInput {
  proposalId: number;
  actor: Actor;
  action: ProposalAction;
  /** The version the actor saw; a newer one means someone else acted first. */
  expectedVersion?: number;
}

export interface ApplyProposalActionResult {
  proposal: Proposal;
  events: ProposalEvent[];
  /** Notifications written to the outbox by this action. */
  notified: number;
}
