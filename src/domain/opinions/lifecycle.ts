// The opinion lifecycle: collect → analyze → handle → feedback (收集—分析—办理—反馈).
// This file is the contract: the actions, who may take them, from which stages, and
// what each writes. `applyOpinionAction` (apply-action.ts) is the one function that
// carries them out; reports (src/domain/reports) read the history it leaves.
//
// action               actor                      from stage(s)                 to stage       events written (in order)                  deadlines
// ───────────────────  ─────────────────────────  ────────────────────────────  ─────────────  ─────────────────────────────────────────  ─────────────────────────────────────────
// (submitOpinion)      resident                   —                             COLLECTED      COLLECTED                                  open ACKNOWLEDGE
// acknowledge          officer / street admin     COLLECTED                     ANALYZING      ACKNOWLEDGED                               meet ACKNOWLEDGE, open ANALYZE
// classify             officer / street admin     COLLECTED ANALYZING HANDLING  (unchanged)    CLASSIFIED {categoryId, priority}          —
// answer               officer                    COLLECTED* ANALYZING          FEEDBACK       ANSWERED, RESULT_DELIVERED                 meet ANALYZE, open EVALUATE
// refer                officer                    COLLECTED* ANALYZING          HANDLING       REFERRED {agencyId, dueAt}                 meet ANALYZE, open HANDLE (dueAt may be given)
// escalate             officer                    COLLECTED* ANALYZING          HANDLING       ESCALATED {to: PROPOSAL|SUPERVISION,       meet ANALYZE, open HANDLE
//                                                                                                  proposalId}; PROPOSAL drafts a Proposal
//                                                                                                  AWAITING_CONFIRMATION (proposals/)
// decline              officer                    COLLECTED* ANALYZING          CLOSED         DECLINED, CLOSED {reason: DECLINED}        meet ANALYZE
// merge                officer                    COLLECTED* ANALYZING          CLOSED         MERGED {mergedIntoId}, CLOSED {MERGED}     cancel all open
// handBack             agency handler             HANDLING (REFERRED)           ANALYZING      HANDED_BACK                                meet HANDLE, open ANALYZE
// progress             agency handler / officer   HANDLING                      (unchanged)    PROGRESS {forResident}                     —
//                                                                                                (the resident hears the note when forResident)
// requestClarification agency handler             HANDLING (REFERRED)           (unchanged)    CLARIFICATION_REQUESTED                    —
// clarify              officer                    HANDLING (REFERRED)           (unchanged)    CLARIFIED                                  —
// submitResult         agency handler (REFERRED)  HANDLING                      FEEDBACK if    RESULT_SUBMITTED (+ RESULT_DELIVERED       meet HANDLE (+ open EVALUATE if final)
//                      or officer (escalations)                                 final, else      if final)
//                                                                               unchanged
// deliverResult        officer                    HANDLING (result submitted)   FEEDBACK       RESULT_DELIVERED                           open EVALUATE
// evaluate             the resident               FEEDBACK                      CLOSED or      EVALUATED {rating, round}; then CLOSED     meet EVALUATE
//                                                                               (unchanged)      {EVALUATED}; in round 1 DISSATISFIED
//                                                                                                waits for the reason (explainDissatisfaction)
// explainDissatisfaction the resident, or the    FEEDBACK (round 1 rated       ANALYZING      REOPENED {round: 2, rating, reasonCode}    open ANALYZE (ON_THE_SPOT) or HANDLE
//                      system after              DISSATISFIED, not reopened)   (on the spot)  note = the reason (none: the wait elapsed)  (others) for round 2
//                      DISSATISFACTION_REASON_WAIT                             / HANDLING
// expireEvaluation     system (job)               FEEDBACK, window elapsed      CLOSED         CLOSED {reason: NOT_EVALUATED}             (EVALUATE stays unmet)
// remindDeadline       system (job)               FEEDBACK                      (unchanged)    REMINDED {deadlineId} (EVALUATE only)      sets remindedAt (once)
// deadlineStep         system (job)               any open                      (unchanged)    REMINDED {deadlineId, step}; from `due`    a step of the overdue chain (deadlines.ts),
//                                                                                                on also OVERDUE_ESCALATED {lateDays}       once per deadline and step
// chase (催办)          street / district admin    COLLECTED ANALYZING HANDLING  (unchanged)    CHASED                                     —
// reassign (改派)       street / district admin    COLLECTED ANALYZING HANDLING  (unchanged)    REASSIGNED {officerId | agencyId}          to another agency: meet HANDLE, open HANDLE
//
// * From COLLECTED, the officer's decision acknowledges first: ACKNOWLEDGED is written
//   (meeting ACKNOWLEDGE) before the action's own events, so response figures stay true.
// Every event records actorId, actorRole, fromStage, toStage, round. Each change bumps
// Opinion.version; an action given an `expectedVersion` that is stale fails with
// DomainError('conflict'): of two officers acting at once, exactly one wins.
// Report semantics: received = COLLECTED event; closed = CLOSED event; on time = every
// non-cancelled ACKNOWLEDGE/ANALYZE/HANDLE deadline of the case met by its dueAt;
// first response = first ACKNOWLEDGED; satisfaction from EVALUATED events per round.
import type { Opinion, OpinionEvent, Priority, Rating } from '../../generated/prisma/client.js';

export type OpinionAction =
  | { type: 'acknowledge' }
  | { type: 'classify'; categoryId?: number; priority?: Priority }
  | { type: 'answer'; text: string }
  | { type: 'refer'; agencyId: number; note?: string; dueAt?: Date }
  /** PROPOSAL drafts a proposal for the representative (given, or one of the station's) to confirm. */
  | { type: 'escalate'; to: 'PROPOSAL' | 'SUPERVISION'; note?: string; representativeId?: number }
  | { type: 'decline'; reason: string }
  | { type: 'merge'; intoOpinionId: number }
  | { type: 'handBack'; reason: string }
  | { type: 'progress'; note: string; forResident?: boolean }
  | { type: 'requestClarification'; question: string }
  | { type: 'clarify'; answer: string }
  | { type: 'submitResult'; text: string; final: boolean }
  | { type: 'deliverResult'; text?: string }
  | { type: 'evaluate'; rating: Rating; comment?: string }
  | { type: 'explainDissatisfaction'; reason?: string; reasonCode?: string }
  | { type: 'expireEvaluation' }
  | { type: 'remindDeadline'; deadlineId: number }
  | { type: 'deadlineStep'; deadlineId: number; step: string }
  | { type: 'chase' }
  | { type: 'reassign'; officerId?: number; agencyId?: number };

export type OpinionActionType = OpinionAction['type'];

/** Who acts: a person (their roles are checked) or the system (jobs). */
export type Actor = { kind: 'person'; personId: number } | { kind: 'system' };

export interface ApplyOpinionActionInput {
  opinionId: number;
  actor: Actor;
  action: OpinionAction;
  /** The version the actor saw; a newer one means someone else acted first. */
  expectedVersion?: number;
}

export interface ApplyOpinionActionResult {
  opinion: Opinion;
  events: OpinionEvent[];
  /** Notifications written to the outbox by this action. */
  notified: number;
}
