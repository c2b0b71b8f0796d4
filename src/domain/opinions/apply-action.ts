// The one function through which every state change of an opinion goes. See lifecycle.ts.
// Inside one transaction: load, check permission, check the version, check the
// transition, then write the new state (guarded by the version), the history events,
// the deadline changes and the outbox notifications. A refusal writes nothing.
import type { DeadlineKind, Opinion, OpinionDeadline, OpinionEventType, OpinionStage, Prisma } from '../../generated/prisma/client.js';
import type { DomainDeps, Tx } from '../deps.js';
import { DomainError } from '../errors.js';
import { agenciesServingWhere, assertCan, loadOpinionScope, loadScopeAndPrincipal, type ActorRole, type OpinionScope } from '../permissions/index.js';
import { parseActionInput, type ValidOpinionAction } from './action-input.js';
import { cancelOpenDeadlines, dueAtFor, dueDeadlineSteps, meetAndOpenDeadline, meetDeadlines, openDeadline, STAFF_DEADLINE_KINDS, stepLateDays } from './deadlines.js';
import type { ApplyOpinionActionInput, ApplyOpinionActionResult } from './lifecycle.js';
import { formatDueAt, writeNotices, type Notice, type ResidentNotice, type StaffAudience, type StaffNotice } from './notifications.js';
import type { NotificationAction } from '../../delivery/message.js';
import { assertTransition, loadTransitionFacts, type TransitionFacts } from './transitions.js';
import { draftProposalFromEscalation } from '../proposals/submit-proposal.js';
import { StageHistory } from '../workflow/history.js';
import { WORKFLOW_TRANSACTION, conflictError } from '../workflow/transaction.js';

const opinionInclude = { station: true, category: true, agency: true } as const;
type LoadedOpinion = Prisma.OpinionGetPayload<{ include: typeof opinionInclude }>;

type DeadlineStep = { meet: DeadlineKind[] } | { open: DeadlineKind; dueAt?: Date } | { cancelOpen: true };

/** What an action will write, built before anything is written (see StageHistory). */
class Plan extends StageHistory<OpinionStage, OpinionEventType> {
  readonly changes: Prisma.OpinionUncheckedUpdateManyInput = {};
  readonly deadlines: DeadlineStep[] = [];
  readonly staffNotices: { event: number; notice: StaffNotice }[] = [];
  /** One message per action for the resident: the latest stage reached. */
  residentNotice: { event: number; notice: ResidentNotice } | undefined;
  evaluation: Omit<Prisma.EvaluationUncheckedCreateInput, 'opinionId' | 'at'> | undefined;
  /** The reason given for this round's 不满意, added to its Evaluation row. */
  evaluationComment: { round: number; comment: string } | undefined;
  /** Reminders touch only their deadline row, so an officer's view of the case stays current. */
  bumpsVersion = true;
  /** Notifications written by what the action created (a proposal's draft). */
  notifiedElsewhere = 0;

  constructor(opinion: LoadedOpinion) {
    super(opinion.stage, opinion.round);
  }

  set(changes: Prisma.OpinionUncheckedUpdateManyInput): void {
    Object.assign(this.changes, changes);
  }

  tellResident(event: number, notice: ResidentNotice): void {
    this.residentNotice = { event, notice };
  }

  tellStaff(event: number, notice: StaffNotice): void {
    this.staffNotices.push({ event, notice });
  }
}

interface ActionContext {
  tx: Tx;
  deps: DomainDeps;
  now: Date;
  opinion: LoadedOpinion;
  scope: OpinionScope;
  actorId: number | null;
  actorRole: ActorRole;
  facts: TransitionFacts;
  plan: Plan;
}

type Handler<T extends ValidOpinionAction['type']> = (context: ActionContext, action: Extract<ValidOpinionAction, { type: T }>) => Promise<void> | void;

export async function applyOpinionAction(deps: DomainDeps, rawInput: ApplyOpinionActionInput): Promise<ApplyOpinionActionResult> {
  const input = parseActionInput(rawInput);
  const { action } = input;
  const result = await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    const opinion = await tx.opinion.findUnique({ where: { id: input.opinionId }, include: opinionInclude });
    if (!opinion) throw new DomainError('not-found', 'error-workflow-opinion-not-found');
    const { scope, principal } = await loadScopeAndPrincipal(tx, opinion, input.actor);
    const actorRole = assertCan(principal, action.type, scope);
    if (input.expectedVersion !== undefined && input.expectedVersion !== opinion.version) throw conflictError();
    const facts = await loadTransitionFacts(tx, opinion, now);
    assertTransition(opinion, action.type, facts);

    const actorId = input.actor.kind === 'person' ? input.actor.personId : null;
    const context: ActionContext = { tx, deps, now, opinion, scope, actorId, actorRole, facts, plan: new Plan(opinion) };
    const handler = handlers[action.type] as Handler<typeof action.type>;
    await handler(context, action);
    return write(context);
  }, WORKFLOW_TRANSACTION);
  if (result.notified > 0) deps.outbox.notify();
  return result;
}

async function write({ tx, deps, now, opinion, scope, actorId, actorRole, plan }: ActionContext): Promise<ApplyOpinionActionResult> {
  if (plan.events.length === 0) return { opinion, events: [], notified: 0 };
  let after: Opinion | undefined;
  if (plan.bumpsVersion) {
    // The version guard: of two actions that loaded the same version, only the first writes.
    [after] = await tx.opinion.updateManyAndReturn({ where: { id: opinion.id, version: opinion.version }, data: { ...plan.changes, stage: plan.stage, version: { increment: 1 } } });
    if (!after) throw conflictError();
  }
  // Events remember the version they produced, so a stale card can tell who acted since.
  const version = plan.bumpsVersion ? opinion.version + 1 : null;
  // One statement for all of them: each row takes the next id in turn, so ids keep the plan's order.
  const events = (await tx.opinionEvent.createManyAndReturn({ data: plan.events.map((event) => ({ opinionId: opinion.id, actorId, actorRole, at: now, version, ...event })) })).sort(
    (a, b) => a.id - b.id,
  );
  if (plan.evaluation) await tx.evaluation.create({ data: { ...plan.evaluation, opinionId: opinion.id, at: now } });
  if (plan.evaluationComment) {
    await tx.evaluation.updateMany({ where: { opinionId: opinion.id, round: plan.evaluationComment.round, comment: null }, data: { comment: plan.evaluationComment.comment } });
  }

  // What the update returned is the row as it is now (events and evaluations do not touch it).
  after ??= await tx.opinion.findUniqueOrThrow({ where: { id: opinion.id } });
  const steps = plan.deadlines;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const next = steps[i + 1];
    const opening = (open: Extract<DeadlineStep, { open: DeadlineKind }>) => ({
      opinionId: opinion.id, kind: open.open, round: after.round, from: now, categoryCode: opinion.category.code, priority: after.priority,
      ...(open.dueAt ? { dueAt: open.dueAt } : {}),
    });
    // The usual pair, one stage's deadline met and the next one's opened, in one statement.
    if ('meet' in step && next && 'open' in next) {
      await meetAndOpenDeadline(tx, deps, step.meet, opening(next));
      i++;
    } else if ('meet' in step) await meetDeadlines(tx, opinion.id, step.meet, now);
    else if ('cancelOpen' in step) await cancelOpenDeadlines(tx, opinion.id, now);
    else await openDeadline(tx, deps, opening(step));
  }

  const notices: Notice[] = [
    ...(plan.residentNotice ? [{ eventId: events[plan.residentNotice.event]!.id, resident: plan.residentNotice.notice }] : []),
    ...plan.staffNotices.map(({ event, notice }) => ({ eventId: events[event]!.id, staff: notice })),
  ];
  const notified = await writeNotices(tx, { opinion: after, regionPath: scope.regionPath, actorId }, notices);
  return { opinion: after, events, notified: notified + plan.notifiedElsewhere };
}

// ─────────────────────────── the actions ───────────────────────────

/** Names the resident and the staff read in their own language. */
function stationVars(opinion: LoadedOpinion) {
  return { stationZh: opinion.station.nameZh, stationEn: opinion.station.nameEn };
}
function agencyVars(agency: { nameZh: string; nameEn: string }) {
  return { agencyZh: agency.nameZh, agencyEn: agency.nameEn };
}

function acknowledge({ plan, now, actorId, opinion }: ActionContext): void {
  const event = plan.record('ACKNOWLEDGED', { to: 'ANALYZING' });
  plan.set({ acknowledgedAt: now, assignedOfficerId: actorId });
  plan.deadlines.push({ meet: ['ACKNOWLEDGE'] }, { open: 'ANALYZE' });
  plan.tellResident(event, { event: 'acknowledged', vars: stationVars(opinion) });
}

/** Decisions taken on a case nobody acknowledged yet acknowledge it first. */
function acknowledgeIfNew(context: ActionContext): void {
  if (context.plan.stage === 'COLLECTED') acknowledge(context);
}

function close(plan: Plan, now: Date, reason: 'EVALUATED' | 'NOT_EVALUATED' | 'DECLINED' | 'MERGED'): number {
  plan.set({ closeReason: reason, closedAt: now });
  return plan.record('CLOSED', { to: 'CLOSED', data: { reason } });
}

/** The result reaches the resident: the evaluation window opens. */
function deliver(plan: Plan, text: string, residentEvent: 'answered' | 'result'): void {
  const event = plan.record('RESULT_DELIVERED', { to: 'FEEDBACK', note: text });
  plan.set({ resultText: text });
  plan.deadlines.push({ open: 'EVALUATE' });
  plan.tellResident(event, { event: residentEvent, vars: { text }, evaluate: true });
}

const handlers: { [T in ValidOpinionAction['type']]: Handler<T> } = {
  acknowledge,

  async classify({ tx, plan, opinion }, action) {
    if (action.categoryId !== undefined) {
      const category = await tx.category.findFirst({ where: { id: action.categoryId, active: true } });
      if (!category) throw new DomainError('validation', 'error-workflow-category-unknown');
    }
    const categoryId = action.categoryId ?? opinion.categoryId;
    const priority = action.priority ?? opinion.priority;
    plan.set({ categoryId, priority });
    plan.record('CLASSIFIED', { data: { categoryId, priority, previous: { categoryId: opinion.categoryId, priority: opinion.priority } } });
  },

  answer(context, action) {
    acknowledgeIfNew(context);
    const { plan } = context;
    plan.record('ANSWERED', { note: action.text });
    plan.set({ disposition: 'ON_THE_SPOT' });
    plan.deadlines.push({ meet: ['ANALYZE'] });
    deliver(plan, action.text, 'answered');
  },

  async refer(context, action) {
    const { tx, deps, plan, opinion, scope, now } = context;
    const agency = await tx.agency.findFirst({ where: { id: action.agencyId, ...agenciesServingWhere(scope.regionPath) } });
    if (!agency) throw new DomainError('validation', 'error-workflow-agency-unknown');
    if (action.dueAt && action.dueAt.getTime() <= now.getTime()) throw new DomainError('validation', 'error-workflow-due-in-past');
    acknowledgeIfNew(context);
    const dueAt = dueAtFor(deps, { kind: 'HANDLE', from: now, categoryCode: opinion.category.code, priority: opinion.priority, ...(action.dueAt ? { dueAt: action.dueAt } : {}) });
    const event = plan.record('REFERRED', { to: 'HANDLING', note: action.note, data: { agencyId: agency.id, dueAt: dueAt.toISOString() } });
    plan.set({ disposition: 'REFERRED', agencyId: agency.id });
    plan.deadlines.push({ meet: ['ANALYZE'] }, { open: 'HANDLE', dueAt });
    const due = formatDueAt(dueAt, deps.config.TIME_ZONE);
    plan.tellResident(event, { event: 'referred', vars: { ...agencyVars(agency), dueAt: due } });
    plan.tellStaff(event, {
      audience: 'agency',
      key: 'notify-agency-referred',
      vars: { ...stationVars(opinion), categoryZh: opinion.category.nameZh, categoryEn: opinion.category.nameEn, text: opinion.text, note: action.note ?? '—', dueAt: due },
      action: { type: 'agency-case', opinionId: opinion.id },
    });
  },

  async escalate(context, action) {
    acknowledgeIfNew(context);
    const { tx, deps, plan, opinion, actorId, actorRole, now } = context;
    const event = plan.record('ESCALATED', { to: 'HANDLING', note: action.note, data: { to: action.to } });
    plan.set({ disposition: action.to });
    if (action.to === 'PROPOSAL') {
      // The draft proposal the representative is asked to confirm (src/domain/proposals).
      const draft = await draftProposalFromEscalation(tx, deps, { opinion, officer: { id: actorId, role: actorRole }, representativeId: action.representativeId, note: action.note, now });
      plan.set({ proposalId: draft.proposalId });
      plan.events[event]!.data = { to: action.to, proposalId: draft.proposalId };
      plan.notifiedElsewhere += draft.notified;
    }
    plan.deadlines.push({ meet: ['ANALYZE'] }, { open: 'HANDLE' });
    plan.tellResident(event, { event: 'escalated', vars: { to: action.to } });
  },

  decline(context, action) {
    acknowledgeIfNew(context);
    const { plan, now } = context;
    plan.record('DECLINED', { note: action.reason });
    plan.set({ disposition: 'DECLINED', resultText: action.reason });
    plan.deadlines.push({ meet: ['ANALYZE'] });
    plan.tellResident(close(plan, now, 'DECLINED'), { event: 'declined', vars: { reason: action.reason } });
  },

  async merge(context, action) {
    const { tx, plan, opinion, scope, now } = context;
    const main = action.intoOpinionId === opinion.id ? null : await tx.opinion.findUnique({ where: { id: action.intoOpinionId }, include: { station: true } });
    const district = (path: readonly number[]) => path[path.length - 1];
    const mainScope = main ? await loadOpinionScope(tx, main) : null;
    if (!main || !mainScope || main.stage === 'CLOSED' || main.mergedIntoId !== null || district(mainScope.regionPath) !== district(scope.regionPath)) {
      throw new DomainError('validation', 'error-workflow-merge-target');
    }
    acknowledgeIfNew(context);
    plan.record('MERGED', { data: { mergedIntoId: main.id, mergedIntoTrackingNo: main.trackingNo } });
    plan.set({ disposition: 'MERGED', mergedIntoId: main.id });
    plan.deadlines.push({ cancelOpen: true });
    plan.tellResident(close(plan, now, 'MERGED'), { event: 'merged', vars: { mainTrackingNo: main.trackingNo } });
  },

  handBack({ plan, opinion }, action) {
    const event = plan.record('HANDED_BACK', { to: 'ANALYZING', note: action.reason, data: { agencyId: opinion.agencyId } });
    // Not this agency's: the officer decides again.
    plan.set({ agencyId: null, disposition: null });
    plan.deadlines.push({ meet: ['HANDLE'] }, { open: 'ANALYZE' });
    plan.tellResident(event, { event: 'handed-back' });
    plan.tellStaff(event, {
      audience: 'officers',
      key: 'notify-officer-handed-back',
      vars: { ...agencyVars(opinion.agency!), reason: action.reason },
      action: { type: 'triage', opinionId: opinion.id },
    });
  },

  progress({ plan }, action) {
    const forResident = action.forResident ?? false;
    const event = plan.record('PROGRESS', { note: action.note, data: { forResident } });
    if (forResident) plan.tellResident(event, { event: 'progress', vars: { text: action.note } });
  },

  requestClarification({ plan, opinion }, action) {
    const event = plan.record('CLARIFICATION_REQUESTED', { note: action.question });
    plan.tellStaff(event, {
      audience: 'officers',
      key: 'notify-officer-clarification-requested',
      vars: { ...agencyVars(opinion.agency!), text: action.question },
      action: { type: 'triage', opinionId: opinion.id },
    });
  },

  clarify({ plan, opinion }, action) {
    const event = plan.record('CLARIFIED', { note: action.answer });
    plan.tellStaff(event, { audience: 'agency', key: 'notify-agency-clarified', vars: { text: action.answer }, action: { type: 'agency-case', opinionId: opinion.id } });
  },

  submitResult({ plan, opinion }, action) {
    const event = plan.record('RESULT_SUBMITTED', { note: action.text, data: { final: action.final } });
    plan.deadlines.push({ meet: ['HANDLE'] });
    if (action.final) {
      deliver(plan, action.text, 'result');
      return;
    }
    plan.tellStaff(event, { audience: 'officers', key: 'notify-officer-result-submitted', vars: { text: action.text }, action: { type: 'triage', opinionId: opinion.id } });
  },

  deliverResult({ plan, facts }, action) {
    // assertTransition guarantees a pending result.
    deliver(plan, action.text ?? facts.pendingResult!, 'result');
  },

  evaluate({ plan, now, actorId }, action) {
    plan.evaluation = { round: plan.round, rating: action.rating, comment: action.comment ?? null, personId: actorId };
    plan.record('EVALUATED', { note: action.comment, data: { rating: action.rating, round: plan.round } });
    plan.deadlines.push({ meet: ['EVALUATE'] });
    // A first-round 不满意 waits for the resident's reason (explainDissatisfaction) before staff hear of it.
    if (action.rating === 'DISSATISFIED' && plan.round === 1) return;
    plan.tellResident(close(plan, now, 'EVALUATED'), { event: 'closed', vars: { reason: 'EVALUATED' } });
  },

  explainDissatisfaction({ plan, opinion, deps, now }, action) {
    // A second round: back to the officer (answered on the spot) or to whoever handled it.
    const onTheSpot = opinion.disposition === 'ON_THE_SPOT' || opinion.disposition === null;
    const to: OpinionStage = onTheSpot ? 'ANALYZING' : 'HANDLING';
    const reason = action.reason ?? null;
    plan.round = 2;
    const event = plan.record('REOPENED', {
      to,
      note: action.reason,
      data: { round: 2, rating: 'DISSATISFIED', reasonGiven: reason !== null, ...(action.reasonCode ? { reasonCode: action.reasonCode } : {}) },
    });
    plan.set({ round: 2 });
    if (reason !== null) plan.evaluationComment = { round: 1, comment: reason };
    // Staff read the rating and the reason; `reasonGiven` picks "no reason given" when the wait elapsed.
    const voice = { rating: 'DISSATISFIED', comment: reason ?? '', reasonGiven: reason === null ? 'no' : 'yes' };
    plan.tellResident(event, { event: 'reopened', vars: { round: 2 } });
    plan.tellStaff(event, { audience: 'officers', key: 'notify-officer-reopened', vars: voice, action: { type: 'triage', opinionId: opinion.id } });
    if (onTheSpot) {
      plan.deadlines.push({ open: 'ANALYZE' });
      return;
    }
    const dueAt = dueAtFor(deps, { kind: 'HANDLE', from: now, categoryCode: opinion.category.code, priority: opinion.priority });
    plan.deadlines.push({ open: 'HANDLE', dueAt });
    if (opinion.disposition === 'REFERRED') {
      plan.tellStaff(event, {
        audience: 'agency',
        key: 'notify-agency-reopened',
        vars: { ...voice, dueAt: formatDueAt(dueAt, deps.config.TIME_ZONE) },
        action: { type: 'agency-case', opinionId: opinion.id },
      });
    }
  },

  expireEvaluation({ plan, now }) {
    plan.tellResident(close(plan, now, 'NOT_EVALUATED'), { event: 'closed', vars: { reason: 'NOT_EVALUATED' } });
  },

  async remindDeadline(context, action) {
    const deadline = await claimReminder(context, action.deadlineId);
    if (!deadline) return;
    const { plan, deps } = context;
    // Staff deadlines go through the overdue chain (deadlineStep).
    if (deadline.kind !== 'EVALUATE') throw new DomainError('validation', 'error-workflow-deadline-unknown');
    const event = plan.record('REMINDED', { data: { deadlineId: deadline.id, kind: deadline.kind, dueAt: deadline.dueAt.toISOString() } });
    plan.tellResident(event, { event: 'evaluation-reminder', vars: { dueAt: formatDueAt(deadline.dueAt, deps.config.TIME_ZONE) }, evaluate: true, followers: false });
  },

  async deadlineStep(context, action) {
    const { tx, plan, opinion, deps, now } = context;
    plan.bumpsVersion = false;
    const deadline = await tx.opinionDeadline.findFirst({ where: { id: action.deadlineId, opinionId: opinion.id } });
    if (!deadline || !STAFF_DEADLINE_KIND_SET.has(deadline.kind)) throw new DomainError('not-found', 'error-workflow-deadline-unknown');
    if (!dueDeadlineSteps(deps, deadline, now).includes(action.step as never)) {
      throw new DomainError('invalid-transition', 'error-invalid-transition', { stage: opinion.stage, action: 'deadlineStep' });
    }
    // Met or superseded since the job looked: nothing to chase.
    if (deadline.metAt || deadline.cancelledAt) return;
    const claimed = await tx.opinionDeadlineStep.createMany({ data: [{ deadlineId: deadline.id, step: action.step, at: now }], skipDuplicates: true });
    if (claimed.count === 0) return;
    const lateDays = stepLateDays(action.step);
    await tx.opinionDeadline.updateMany({ where: { id: deadline.id, remindedAt: null }, data: { remindedAt: now } });
    if (lateDays !== null) await tx.opinionDeadline.updateMany({ where: { id: deadline.id, escalatedAt: null }, data: { escalatedAt: now } });

    const timeZone = deps.config.TIME_ZONE;
    const facts = { deadlineId: deadline.id, kind: deadline.kind, dueAt: deadline.dueAt.toISOString(), step: action.step };
    const vars = { ...stationVars(opinion), deadline: deadline.kind, dueAt: formatDueAt(deadline.dueAt, timeZone), lateDays: lateDays ?? -1 };
    const reminded = plan.record('REMINDED', { data: facts });
    const { audience, action: caseButton } = whoMustAct(opinion, deadline);
    plan.tellStaff(reminded, { audience, key: lateDays === null ? 'notify-staff-deadline-reminder' : 'notify-staff-deadline-overdue', vars, action: caseButton });
    if (lateDays === null) return;

    const toDistrict = lateDays >= deps.config.OVERDUE_DISTRICT_AFTER_WORKING_DAYS;
    const escalated = plan.record('OVERDUE_ESCALATED', { data: { ...facts, lateDays, toDistrict } });
    const supervise = { key: 'notify-admin-overdue', vars, action: { type: 'supervise', opinionId: opinion.id } as const };
    plan.tellStaff(escalated, { audience: 'street-admins', ...supervise });
    if (toDistrict) plan.tellStaff(escalated, { audience: 'district-admins', ...supervise });
    if (action.step === 'due') {
      const expected = deps.calendar.addWorkingDays(now, deps.config.OVERDUE_GRACE_WORKING_DAYS, timeZone);
      plan.tellResident(escalated, { event: 'late', vars: { expectedAt: formatDueAt(expected, timeZone) } });
    }
  },

  async chase({ tx, plan, opinion, deps }) {
    plan.bumpsVersion = false;
    const deadline = await openStaffDeadline(tx, opinion.id);
    const event = plan.record('CHASED', { data: deadline ? { deadlineId: deadline.id, kind: deadline.kind } : {} });
    const { audience, action } = whoMustAct(opinion, deadline);
    const dueAt = deadline ? formatDueAt(deadline.dueAt, deps.config.TIME_ZONE) : '—';
    plan.tellStaff(event, { audience, key: 'notify-staff-chased', vars: { ...stationVars(opinion), deadline: deadline?.kind ?? 'HANDLE', dueAt }, action });
  },

  async reassign(context, action) {
    const { tx, plan, opinion, scope, deps, now } = context;
    if (action.officerId !== undefined) {
      const officer = await tx.staffRole.findFirst({ where: { personId: action.officerId, kind: 'LIAISON_OFFICER', stationId: opinion.stationId, revokedAt: null } });
      if (!officer || action.officerId === opinion.assignedOfficerId) throw new DomainError('validation', 'error-workflow-reassign-officer');
      const event = plan.record('REASSIGNED', { data: { officerId: action.officerId, previousOfficerId: opinion.assignedOfficerId } });
      plan.set({ assignedOfficerId: action.officerId });
      plan.tellStaff(event, { audience: 'officers', key: 'notify-officer-reassigned', vars: stationVars(opinion), action: { type: 'triage', opinionId: opinion.id } });
      return;
    }
    if (opinion.disposition !== 'REFERRED' || opinion.stage !== 'HANDLING') throw new DomainError('validation', 'error-workflow-reassign-not-referred');
    const agency = await tx.agency.findFirst({ where: { id: action.agencyId!, ...agenciesServingWhere(scope.regionPath) } });
    if (!agency || agency.id === opinion.agencyId) throw new DomainError('validation', 'error-workflow-agency-unknown');
    // The late deadline is met now (late, as the report will say); the new agency gets a full one.
    const dueAt = dueAtFor(deps, { kind: 'HANDLE', from: now, categoryCode: opinion.category.code, priority: opinion.priority });
    const event = plan.record('REASSIGNED', { data: { agencyId: agency.id, previousAgencyId: opinion.agencyId, dueAt: dueAt.toISOString() } });
    plan.set({ agencyId: agency.id });
    plan.deadlines.push({ meet: ['HANDLE'] }, { open: 'HANDLE', dueAt });
    const due = formatDueAt(dueAt, deps.config.TIME_ZONE);
    plan.tellResident(event, { event: 'referred', vars: { ...agencyVars(agency), dueAt: due } });
    plan.tellStaff(event, {
      audience: 'agency',
      key: 'notify-agency-referred',
      vars: { ...stationVars(opinion), categoryZh: opinion.category.nameZh, categoryEn: opinion.category.nameEn, text: opinion.text, note: '—', dueAt: due },
      action: { type: 'agency-case', opinionId: opinion.id },
    });
  },
};

const STAFF_DEADLINE_KIND_SET: ReadonlySet<DeadlineKind> = new Set(STAFF_DEADLINE_KINDS);

/** The open staff deadline of the case (the stage's work owed now), if any. */
function openStaffDeadline(tx: Tx, opinionId: number): Promise<OpinionDeadline | null> {
  return tx.opinionDeadline.findFirst({ where: { opinionId, kind: { in: [...STAFF_DEADLINE_KINDS] }, metAt: null, cancelledAt: null }, orderBy: { id: 'desc' } });
}

/** Who owes the work of a deadline: the agency's handlers for a referred case's handling, else the officers. */
function whoMustAct(opinion: LoadedOpinion, deadline: Pick<OpinionDeadline, 'kind'> | null): { audience: StaffAudience; action: NotificationAction } {
  const toAgency = (deadline?.kind ?? 'HANDLE') === 'HANDLE' && opinion.disposition === 'REFERRED' && opinion.stage === 'HANDLING';
  return toAgency ? { audience: 'agency', action: { type: 'agency-case', opinionId: opinion.id } } : { audience: 'officers', action: { type: 'triage', opinionId: opinion.id } };
}

/**
 * Marks a deadline reminded, once. Null (nothing to do, not an error) when that was
 * done already or the deadline was met or cancelled since the job was planned.
 */
async function claimReminder({ tx, opinion, plan, now }: ActionContext, deadlineId: number) {
  plan.bumpsVersion = false;
  const deadline = await tx.opinionDeadline.findFirst({ where: { id: deadlineId, opinionId: opinion.id } });
  if (!deadline) throw new DomainError('not-found', 'error-workflow-deadline-unknown');
  const claimed = await tx.opinionDeadline.updateMany({ where: { id: deadline.id, metAt: null, cancelledAt: null, remindedAt: null }, data: { remindedAt: now } });
  return claimed.count === 1 ? deadline : null;
}
