// Representatives' work written directly, as the proposal and reception lifecycle writes
// it (schema of migration 20261201000000_representatives_work): proposals with their
// lead / co-handling agencies, events and evaluations; receptions; and opinions in bulk
// (set-based SQL, for datasets of thousands) with the events the opinion workflow writes
// (src/domain/opinions/lifecycle.ts). Deadlines are not written: no figure built on
// these datasets reads them.
import type { AppDeps } from '../../src/deps.js';
import type { ProposalAnswerClass, ProposalEventType, ProposalStage, Rating, Prisma } from '../../src/generated/prisma/client.js';

export interface ProposalSpec {
  number: string;
  representativeId: number;
  submittedAt: string;
  assigned?: { at: string; dueAt: string; leadAgencyId: number; coAgencyIds?: number[] };
  /** Answers in order (a second one after a dissatisfied first evaluation). */
  answers?: { at: string; answerClass: ProposalAnswerClass }[];
  /** First evaluations in order, one per round. */
  firstEvaluations?: { at: string; rating: Rating }[];
  secondEvaluation?: { at: string; rating: Rating };
  keyMarkedAt?: string;
  implementedAt?: string;
  closedAt?: string;
}

interface ProposalRows {
  proposal: Omit<Prisma.ProposalCreateManyInput, 'stationId'>;
  agencies: { agencyId: number; role: 'LEAD' | 'CO' }[];
  events: Omit<Prisma.ProposalEventCreateManyInput, 'proposalId'>[];
  evaluations: Omit<Prisma.ProposalEvaluationCreateManyInput, 'proposalId'>[];
}

/** The rows the proposal lifecycle leaves for one proposal's history. */
function proposalRows(spec: ProposalSpec): ProposalRows {
  const events: ProposalRows['events'] = [];
  const evaluations: ProposalRows['evaluations'] = [];
  let stage: ProposalStage = 'SUBMITTED';
  let round = 1;
  const at = (text: string) => new Date(text);
  const event = (type: ProposalEventType, when: string, toStage: ProposalStage, data: Record<string, unknown> = {}) => {
    events.push({ type, at: at(when), fromStage: events.length ? stage : null, toStage, round, data: data as Prisma.InputJsonValue });
    stage = toStage;
  };
  event('SUBMITTED', spec.submittedAt, 'SUBMITTED');
  if (spec.assigned) event('ASSIGNED', spec.assigned.at, 'ASSIGNED', { leadAgencyId: spec.assigned.leadAgencyId, dueAt: spec.assigned.dueAt });
  const firsts = spec.firstEvaluations ?? [];
  (spec.answers ?? []).forEach((answer, index) => {
    event('ANSWERED', answer.at, 'ANSWERED', { answerClass: answer.answerClass });
    const evaluation = firsts[index];
    if (!evaluation) return;
    evaluations.push({ kind: 'FIRST', round, rating: evaluation.rating, at: at(evaluation.at), personId: spec.representativeId });
    if (evaluation.rating === 'DISSATISFIED') {
      event('EVALUATED', evaluation.at, 'ANSWERED', { kind: 'FIRST', rating: evaluation.rating });
      round += 1;
      event('REOPENED', evaluation.at, 'ASSIGNED');
    } else {
      event('EVALUATED', evaluation.at, 'IMPLEMENTING', { kind: 'FIRST', rating: evaluation.rating });
    }
  });
  if (spec.keyMarkedAt) event('KEY_MARKED', spec.keyMarkedAt, stage);
  if (spec.implementedAt) event('IMPLEMENTED', spec.implementedAt, stage);
  if (spec.secondEvaluation) {
    evaluations.push({ kind: 'SECOND', round: 1, rating: spec.secondEvaluation.rating, at: at(spec.secondEvaluation.at), personId: spec.representativeId });
    event('EVALUATED', spec.secondEvaluation.at, stage, { kind: 'SECOND', rating: spec.secondEvaluation.rating });
  }
  if (spec.closedAt) event('CLOSED', spec.closedAt, 'CLOSED');
  const lastAnswer = spec.answers?.at(-1);
  return {
    proposal: {
      number: spec.number,
      title: spec.number,
      text: `建议 ${spec.number}`,
      representativeId: spec.representativeId,
      stage,
      round,
      submittedAt: at(spec.submittedAt),
      assignedAt: spec.assigned ? at(spec.assigned.at) : null,
      answerDueAt: spec.assigned ? at(spec.assigned.dueAt) : null,
      answeredAt: lastAnswer ? at(lastAnswer.at) : null,
      answerClass: lastAnswer?.answerClass ?? null,
      isKey: spec.keyMarkedAt !== undefined,
      implementedAt: spec.implementedAt ? at(spec.implementedAt) : null,
      closedAt: spec.closedAt ? at(spec.closedAt) : null,
      createdAt: at(spec.submittedAt),
    },
    agencies: spec.assigned ? [{ agencyId: spec.assigned.leadAgencyId, role: 'LEAD' }, ...(spec.assigned.coAgencyIds ?? []).map((agencyId) => ({ agencyId, role: 'CO' as const }))] : [],
    events,
    evaluations,
  };
}

/** Writes proposals and their histories in a few statements; returns their ids in order. */
export async function recordProposals(deps: AppDeps, specs: ProposalSpec[]): Promise<number[]> {
  const rows = specs.map(proposalRows);
  // Of the representative's station, as submitProposal places them; the datasets' people
  // may hold no role, and the figures are the district's: then the first station.
  const roles = await deps.prisma.staffRole.findMany({ where: { kind: 'REPRESENTATIVE', stationId: { not: null } }, orderBy: { id: 'desc' } });
  const stationOf = new Map(roles.map((role) => [role.personId, role.stationId!]));
  const firstStation = (await deps.prisma.station.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
  const created = await deps.prisma.proposal.createManyAndReturn({
    data: rows.map((row) => ({ ...row.proposal, stationId: stationOf.get(row.proposal.representativeId) ?? firstStation })),
    select: { id: true, number: true },
  });
  const idOf = new Map(created.map((row) => [row.number, row.id]));
  const ids = rows.map((row) => idOf.get(row.proposal.number)!);
  await deps.prisma.proposalAgency.createMany({ data: rows.flatMap((row, i) => row.agencies.map((a) => ({ ...a, proposalId: ids[i]! }))) });
  await deps.prisma.proposalEvent.createMany({ data: rows.flatMap((row, i) => row.events.map((e) => ({ ...e, proposalId: ids[i]! }))) });
  await deps.prisma.proposalEvaluation.createMany({ data: rows.flatMap((row, i) => row.evaluations.map((e) => ({ ...e, proposalId: ids[i]! }))) });
  return ids;
}

export async function recordReception(
  deps: AppDeps,
  spec: { stationId: number; hostId: number; at: string; residentsReceived: number; kind?: 'STATION' | 'LEADER' },
): Promise<number> {
  const at = new Date(spec.at);
  const reception = await deps.prisma.reception.create({
    data: { stationId: spec.stationId, hostId: spec.hostId, kind: spec.kind ?? 'STATION', checkedInAt: at, checkedOutAt: new Date(at.getTime() + 3 * 3_600_000), residentsReceived: spec.residentsReceived },
  });
  return reception.id;
}

/**
 * How a bulk case goes, as the opinion workflow writes it:
 * answered      — acknowledged, answered on the spot (ANSWERED + RESULT_DELIVERED), not rated yet;
 * answeredRated — the same, then SATISFIED a day later and closed;
 * referred      — acknowledged and referred to an agency, still being handled;
 * referredSilent — referred, the agency's result delivered, the evaluation window elapsed (NOT_EVALUATED);
 * escalated     — acknowledged and escalated into a proposal;
 * declined      — acknowledged and declined with a reason.
 */
export type BulkOutcome = 'answered' | 'answeredRated' | 'referred' | 'referredSilent' | 'escalated' | 'declined';

const HOUR = 3600;
const DAY = 24 * HOUR;
type EventTemplate = [type: string, offsetSeconds: number, toStage: string, data: string];
const COMMON: EventTemplate[] = [
  ['COLLECTED', 0, 'COLLECTED', '{}'],
  ['ACKNOWLEDGED', HOUR, 'ANALYZING', '{}'],
];
const OUTCOMES: Record<BulkOutcome, { stage: string; closeReason: string | null; events: EventTemplate[] }> = {
  answered: { stage: 'FEEDBACK', closeReason: null, events: [['ANSWERED', 2 * HOUR, 'FEEDBACK', '{}'], ['RESULT_DELIVERED', 2 * HOUR, 'FEEDBACK', '{}']] },
  answeredRated: {
    stage: 'CLOSED',
    closeReason: 'EVALUATED',
    events: [
      ['ANSWERED', 2 * HOUR, 'FEEDBACK', '{}'],
      ['RESULT_DELIVERED', 2 * HOUR, 'FEEDBACK', '{}'],
      ['EVALUATED', DAY, 'FEEDBACK', '{"rating":"SATISFIED","round":1}'],
      ['CLOSED', DAY, 'CLOSED', '{"reason":"EVALUATED"}'],
    ],
  },
  referred: { stage: 'HANDLING', closeReason: null, events: [['REFERRED', 2 * HOUR, 'HANDLING', '{"agencyId":AGENCY}']] },
  referredSilent: {
    stage: 'CLOSED',
    closeReason: 'NOT_EVALUATED',
    events: [
      ['REFERRED', 2 * HOUR, 'HANDLING', '{"agencyId":AGENCY}'],
      ['RESULT_SUBMITTED', 5 * DAY, 'FEEDBACK', '{}'],
      ['RESULT_DELIVERED', 5 * DAY, 'FEEDBACK', '{}'],
      ['CLOSED', 12 * DAY, 'CLOSED', '{"reason":"NOT_EVALUATED"}'],
    ],
  },
  escalated: { stage: 'HANDLING', closeReason: null, events: [['ESCALATED', 2 * HOUR, 'HANDLING', '{"to":"PROPOSAL"}']] },
  declined: { stage: 'CLOSED', closeReason: 'DECLINED', events: [['DECLINED', 2 * HOUR, 'CLOSED', '{"reason":"declined"}'], ['CLOSED', 2 * HOUR, 'CLOSED', '{"reason":"DECLINED"}']] },
};

export interface BulkCases {
  /** Tracking numbers are `${prefix}-000001`…: unique per call. */
  prefix: string;
  count: number;
  outcome: BulkOutcome;
  /** Collected at `from`, spread evenly every `everySeconds`. */
  from: string;
  everySeconds: number;
  stationIds: number[];
  categoryId: number;
  officerId: number;
  agencyId?: number;
  /** Recorded by these representatives in turn, at a reception; else sent by chat. */
  recordedByIds?: number[];
}

/** Writes `count` cases and their events in a few set-based statements. */
export async function recordBulkCases(deps: AppDeps, spec: BulkCases): Promise<void> {
  const outcome = OUTCOMES[spec.outcome];
  const reps = spec.recordedByIds ?? [];
  await deps.prisma.$executeRawUnsafe(
    `INSERT INTO "Opinion" ("trackingNo", "stationId", "categoryId", text, stage, "closeReason", channel, "recordedById", "agencyId", "createdAt", "updatedAt")
     SELECT $1 || '-' || lpad(i::text, 6, '0'), ($2::int[])[1 + (i - 1) % cardinality($2::int[])], $3, '群众反映的问题 ' || i, $4::"OpinionStage", $5::"CloseReason",
       $6::"OpinionChannel", CASE WHEN cardinality($7::int[]) = 0 THEN NULL ELSE ($7::int[])[1 + (i - 1) % cardinality($7::int[])] END, $8,
       ($9::timestamptz AT TIME ZONE 'UTC') + (i - 1) * make_interval(secs => $10), now()
     FROM generate_series(1, $11::int) i`,
    spec.prefix,
    spec.stationIds,
    spec.categoryId,
    outcome.stage,
    outcome.closeReason,
    reps.length ? 'RECEPTION' : 'CHAT',
    reps,
    spec.agencyId ?? null,
    spec.from,
    spec.everySeconds,
    spec.count,
  );
  let from: string | null = null;
  for (const [type, offset, toStage, data] of [...COMMON, ...outcome.events]) {
    await deps.prisma.$executeRawUnsafe(
      `INSERT INTO "OpinionEvent" ("opinionId", type, "actorId", "actorRole", "fromStage", "toStage", round, data, at)
       SELECT o.id, $1::"OpinionEventType", CASE WHEN $1 = 'COLLECTED' THEN NULL ELSE $2::int END, CASE WHEN $1 = 'COLLECTED' THEN 'RESIDENT' ELSE 'LIAISON_OFFICER' END,
         $3::"OpinionStage", $4::"OpinionStage", 1, $5::jsonb, o."createdAt" + make_interval(secs => $6)
       FROM "Opinion" o WHERE o."trackingNo" LIKE $7 || '-%'`,
      type,
      spec.officerId,
      from,
      toStage,
      data.replace('AGENCY', String(spec.agencyId ?? 'null')),
      offset,
      spec.prefix,
    );
    from = toStage;
  }
}
