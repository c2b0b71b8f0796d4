// The one function through which every state change of a proposal goes (lifecycle.ts).
// As for opinions: inside one transaction, load, check permission, check the version,
// check the transition, then write the new state (guarded by the version), the history
// events, the evaluation and the outbox notifications. A refusal writes nothing.
import type { Prisma, ProposalEvent, ProposalEventType, ProposalStage, Rating } from '../../generated/prisma/client.js';
import { addCalendarMonths } from '../calendar/index.js';
import type { DomainDeps, Tx } from '../deps.js';
import { DomainError } from '../errors.js';
import { agenciesServingWhere, districtAdminWhere, loadPrincipal, type ActorRole } from '../permissions/index.js';
import { assertCanOnProposal, loadProposalScope, type ProposalScope } from '../permissions/proposals.js';
import { formatDueAt } from '../opinions/notifications.js';
import { StageHistory } from '../workflow/history.js';
import { WORKFLOW_TRANSACTION, conflictError } from '../workflow/transaction.js';
import { parseProposalActionInput, type ValidProposalAction } from './action-input.js';
import type { ApplyProposalActionInput, ApplyProposalActionResult } from './lifecycle.js';
import { writeProposalNotices, type ProposalNotice } from './notifications.js';
import { assertProposalTransition } from './transitions.js';

const proposalInclude = { agencies: { include: { agency: true } } } as const;
type LoadedProposal = Prisma.ProposalGetPayload<{ include: typeof proposalInclude }>;

class Plan extends StageHistory<ProposalStage, ProposalEventType> {
  readonly changes: Prisma.ProposalUncheckedUpdateManyInput = {};
  readonly notices: { event: number; notice: ProposalNotice }[] = [];
  evaluation: Omit<Prisma.ProposalEvaluationUncheckedCreateInput, 'proposalId' | 'at'> | undefined;
  agencies: { agencyId: number; role: 'LEAD' | 'CO' }[] | undefined;

  set(changes: Prisma.ProposalUncheckedUpdateManyInput): void {
    Object.assign(this.changes, changes);
  }

  tell(event: number, ...notices: ProposalNotice[]): void {
    for (const notice of notices) this.notices.push({ event, notice });
  }
}

interface ActionContext {
  tx: Tx;
  deps: DomainDeps;
  now: Date;
  proposal: LoadedProposal;
  scope: ProposalScope;
  actorId: number | null;
  plan: Plan;
}

type Handler<T extends ValidProposalAction['type']> = (context: ActionContext, action: Extract<ValidProposalAction, { type: T }>) => Promise<void> | void;

export async function applyProposalAction(deps: DomainDeps, rawInput: ApplyProposalActionInput): Promise<ApplyProposalActionResult> {
  const input = parseProposalActionInput(rawInput);
  const { action } = input;
  const result = await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    const proposal = await tx.proposal.findUnique({ where: { id: input.proposalId }, include: proposalInclude });
    if (!proposal) throw new DomainError('not-found', 'error-proposal-not-found');
    const scope = await loadProposalScope(tx, proposal);
    const actorRole = assertCanOnProposal(await loadPrincipal(tx, input.actor), action.type, scope);
    if (input.expectedVersion !== undefined && input.expectedVersion !== proposal.version) throw conflictError('error-proposal-conflict');
    assertProposalTransition(proposal, action.type);

    const actorId = input.actor.kind === 'person' ? input.actor.personId : null;
    const context: ActionContext = { tx, deps, now, proposal, scope, actorId, plan: new Plan(proposal.stage, proposal.round) };
    const handler = handlers[action.type] as Handler<typeof action.type>;
    await handler(context, action);
    return write(context, actorRole);
  }, WORKFLOW_TRANSACTION);
  if (result.notified > 0) deps.outbox.notify();
  return result;
}

async function write({ tx, now, proposal, actorId, plan }: ActionContext, actorRole: ActorRole): Promise<ApplyProposalActionResult> {
  if (plan.events.length === 0) return { proposal, events: [], notified: 0 };
  const updated = await tx.proposal.updateMany({
    where: { id: proposal.id, version: proposal.version },
    data: { ...plan.changes, stage: plan.stage, round: plan.round, version: { increment: 1 } },
  });
  if (updated.count === 0) throw conflictError('error-proposal-conflict');
  if (plan.agencies) {
    await tx.proposalAgency.deleteMany({ where: { proposalId: proposal.id } });
    await tx.proposalAgency.createMany({ data: plan.agencies.map((agency) => ({ ...agency, proposalId: proposal.id })) });
  }
  const events: ProposalEvent[] = [];
  for (const event of plan.events) {
    events.push(await tx.proposalEvent.create({ data: { proposalId: proposal.id, actorId, actorRole, at: now, ...event } }));
  }
  if (plan.evaluation) await tx.proposalEvaluation.create({ data: { ...plan.evaluation, proposalId: proposal.id, at: now } });
  const after = await tx.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
  let notified = 0;
  for (const { event, notice } of plan.notices) {
    notified += await writeProposalNotices(tx, { proposal: after, eventId: events[event]!.id, actorId }, [notice]);
  }
  return { proposal: after, events, notified };
}

// ─────────────────────────── the actions ───────────────────────────

function close(plan: Plan, now: Date, type: 'CLOSED' | 'WITHDRAWN', options: { note?: string | undefined; data?: Prisma.InputJsonObject } = {}): number {
  plan.set({ closedAt: now });
  return plan.record(type, { to: 'CLOSED', ...options });
}

function answerDueAt(deps: DomainDeps, from: Date, months: number): Date {
  return addCalendarMonths(from, months, deps.config.TIME_ZONE);
}

/** The representative's evaluation of this round; `to` moves the stage with it. */
function evaluate(context: ActionContext, kind: 'FIRST' | 'SECOND', action: { rating: Rating; comment?: string | undefined }, to?: ProposalStage): number {
  const { plan, actorId } = context;
  plan.evaluation = { kind, round: plan.round, rating: action.rating, comment: action.comment ?? null, personId: actorId };
  return plan.record('EVALUATED', { ...(to ? { to } : {}), note: action.comment, data: { kind, rating: action.rating, round: plan.round } });
}

const handlers: { [T in ValidProposalAction['type']]: Handler<T> } = {
  confirm({ plan, now }, action) {
    plan.set({ submittedAt: now, ...(action.title ? { title: action.title } : {}), ...(action.text ? { text: action.text } : {}) });
    const event = plan.record('CONFIRMED', { to: 'SUBMITTED' });
    plan.tell(event, { audience: 'admins', key: 'notify-proposal-submitted' }, { audience: 'escalator', key: 'notify-proposal-confirmed' });
  },

  decline({ plan, now }, action) {
    const event = close(plan, now, 'WITHDRAWN', { note: action.reason, data: { declined: true } });
    plan.tell(event, { audience: 'escalator', key: 'notify-proposal-declined', vars: { reason: action.reason ?? '—' } });
  },

  withdraw({ plan, now }, action) {
    const event = close(plan, now, 'WITHDRAWN', { note: action.reason });
    plan.tell(event, { audience: 'admins', key: 'notify-proposal-withdrawn', vars: { reason: action.reason ?? '—' } });
  },

  async assign({ tx, deps, plan, scope, now }, action) {
    const coAgencyIds = [...new Set(action.coAgencyIds)].filter((id) => id !== action.leadAgencyId);
    const ids = [action.leadAgencyId, ...coAgencyIds];
    const found = await tx.agency.count({ where: { id: { in: ids }, ...agenciesServingWhere(scope.regionPath) } });
    if (found !== ids.length) throw new DomainError('validation', 'error-workflow-agency-unknown');
    const dueAt = answerDueAt(deps, now, deps.config.PROPOSAL_ANSWER_MONTHS);
    plan.agencies = [{ agencyId: action.leadAgencyId, role: 'LEAD' }, ...coAgencyIds.map((agencyId) => ({ agencyId, role: 'CO' as const }))];
    plan.set({ assignedAt: now, answerDueAt: dueAt });
    const event = plan.record('ASSIGNED', { to: 'ASSIGNED', note: action.note, data: { leadAgencyId: action.leadAgencyId, coAgencyIds, dueAt: dueAt.toISOString() } });
    const vars = { dueAt: formatDueAt(dueAt, deps.config.TIME_ZONE) };
    plan.tell(event, { audience: 'representative', key: 'notify-proposal-assigned', vars }, { audience: 'agencies', key: 'notify-proposal-agency-assigned', vars });
  },

  async markKey({ tx, plan, scope }, action) {
    // The supervising leader is one of the proposal's district.
    const supervisor = await tx.person.findFirst({ where: { id: action.supervisorId, erasedAt: null, roles: { some: districtAdminWhere(scope.regionPath) } } });
    if (!supervisor) throw new DomainError('validation', 'error-proposal-supervisor-unknown');
    plan.set({ isKey: true, supervisorId: supervisor.id });
    const event = plan.record('KEY_MARKED', { data: { supervisorId: supervisor.id } });
    const vars = { supervisor: supervisor.displayName ?? '—' };
    plan.tell(event, { audience: 'supervisor', key: 'notify-proposal-supervise', vars }, { audience: 'representative', key: 'notify-proposal-key', vars }, { audience: 'lead-agency', key: 'notify-proposal-key', vars });
  },

  answer({ plan, now, proposal }, action) {
    plan.set({ answeredAt: now, answerClass: action.answerClass, answerText: action.text });
    const event = plan.record('ANSWERED', { to: 'ANSWERED', note: action.text, data: { answerClass: action.answerClass, dueAt: proposal.answerDueAt?.toISOString() ?? null } });
    plan.tell(event, { audience: 'representative', key: 'notify-proposal-answered', vars: { answerClass: action.answerClass, text: action.text } });
  },

  evaluateFirst(context, action) {
    const { plan, deps, now } = context;
    const reopens = action.rating === 'DISSATISFIED' && plan.round === 1;
    const evaluated = evaluate(context, 'FIRST', action, reopens ? undefined : 'IMPLEMENTING');
    if (!reopens) {
      plan.tell(evaluated, { audience: 'lead-agency', key: 'notify-proposal-evaluated', vars: { rating: action.rating } });
      return;
    }
    // 不满意: handled again, with a new deadline; the second answer is evaluated again.
    plan.round = 2;
    const dueAt = answerDueAt(deps, now, deps.config.PROPOSAL_REHANDLING_MONTHS);
    plan.set({ answerDueAt: dueAt, answeredAt: null, answerClass: null, answerText: null });
    const event = plan.record('REOPENED', { to: 'ASSIGNED', note: action.comment, data: { round: 2, dueAt: dueAt.toISOString() } });
    plan.tell(event, { audience: 'agencies', key: 'notify-proposal-reopened', vars: { dueAt: formatDueAt(dueAt, deps.config.TIME_ZONE), comment: action.comment ?? '—' } });
  },

  progress({ plan }, action) {
    const event = plan.record('PROGRESS', { note: action.note });
    plan.tell(event, { audience: 'representative', key: 'notify-proposal-progress', vars: { text: action.note } });
  },

  markImplemented({ plan, now }, action) {
    plan.set({ implementedAt: now });
    const event = plan.record('IMPLEMENTED', { note: action.note });
    plan.tell(event, { audience: 'representative', key: 'notify-proposal-implemented' });
  },

  evaluateSecond(context, action) {
    const { plan, now } = context;
    evaluate(context, 'SECOND', action);
    const event = close(plan, now, 'CLOSED');
    plan.tell(event, { audience: 'lead-agency', key: 'notify-proposal-closed', vars: { rating: action.rating } });
  },

  async askSecondEvaluation({ tx, plan, proposal }, action) {
    // Once a year: a job repeated on another instance finds the reminder already written.
    const asked = await tx.proposalEvent.findFirst({ where: { proposalId: proposal.id, type: 'REMINDED', data: { path: ['year'], equals: action.year } } });
    if (asked) return;
    const event = plan.record('REMINDED', { data: { year: action.year, evaluation: 'SECOND' } });
    plan.tell(event, { audience: 'representative', key: 'notify-proposal-second-evaluation', vars: { year: action.year } });
  },
};
