// The representatives' proposals (代表建议, 提办督评) in a report period [start, cutoff],
// from what the proposal lifecycle records: the Proposal's dates (each read only when at
// or before the cut-off), its ProposalEvent history and ProposalEvaluation rows. For the
// district and per lead agency (主办; co-handling agencies are counted apart).
//
// • received: submitted (submittedAt) in the period; closed: of those, closed by the cut-off.
// • assigned: assigned (交办, assignedAt) in the period — the answer-rate cohort:
//   answered = its first ANSWERED event by the cut-off; within the legal limit = that
//   first answer no later than answerDueAt.
// • first / second evaluation: per proposal, its latest FIRST / SECOND evaluation given by
//   the cut-off, counted when that evaluation falls in the period (a proposal re-handled
//   after 不满意 counts once, with its last word): (满意 + 基本满意) ÷ evaluated.
// • A-class implementation (落实率): proposals whose class is A and whose first answer fell
//   in the period (committed), implemented (implementedAt) by the cut-off.
// • carried over: submitted before 1 January of the period's first year and not closed by
//   then; closed = closed by the cut-off.
// • key (重点督办): key proposals submitted by the cut-off, not closed before the period,
//   not marked key only after the cut-off.
import type { Rate, ReportDeps } from './figures.js';
import { rate, reportQuery, sqlTimestamp } from './figures.js';
import type { ReportPeriod } from './period.js';

export interface ProposalFigures {
  received: number;
  closed: number;
  closureRate: Rate;
  assigned: number;
  answered: number;
  answeredWithinLimit: number;
  /** answered ÷ assigned */
  answerRate: Rate;
  /** answered within the legal limit ÷ assigned */
  withinLimitRate: Rate;
  satisfactionFirst: Rate;
  satisfactionSecond: Rate;
  /** 落实率: A-class implemented ÷ A-class committed */
  implementationRate: Rate;
  carriedOverClosureRate: Rate;
  key: number;
  /** Proposals this agency co-handles (协办); 0 for the district. */
  coHandled: number;
}

export interface PeriodProposalFigures {
  district: ProposalFigures;
  /** Per lead agency. */
  byAgency: Map<number, ProposalFigures>;
}

const SATISFIED = `('SATISFIED', 'BASICALLY_SATISFIED')`;

// $1 start, $2 cut-off, $3 the start of the period's first year.
const proposalFiguresSql = `
WITH facts AS (
  SELECT p.id, lead."agencyId" AS agency_id,
    p."submittedAt" BETWEEN $1::timestamp AND $2::timestamp AS received,
    p."closedAt" <= $2::timestamp AS closed,
    p."assignedAt" BETWEEN $1::timestamp AND $2::timestamp AS assigned,
    answer.first_at AS answered_at,
    answer.first_at <= p."answerDueAt" AS within_limit,
    p."answerClass" = 'A' AND answer.first_at >= $1::timestamp AS a_committed,
    p."implementedAt" <= $2::timestamp AS implemented,
    p."submittedAt" < $3::timestamp AND (p."closedAt" IS NULL OR p."closedAt" >= $3::timestamp) AS carried_over,
    p."isKey" AND p."submittedAt" <= $2::timestamp AND (p."closedAt" IS NULL OR p."closedAt" >= $1::timestamp)
      AND NOT EXISTS (SELECT 1 FROM "ProposalEvent" k WHERE k."proposalId" = p.id AND k.type = 'KEY_MARKED' AND k.at > $2::timestamp) AS key,
    first_eval.rating AS first_rating, first_eval.at >= $1::timestamp AS first_in_period,
    second_eval.rating AS second_rating, second_eval.at >= $1::timestamp AS second_in_period
  FROM "Proposal" p
  LEFT JOIN "ProposalAgency" lead ON lead."proposalId" = p.id AND lead.role = 'LEAD'
  LEFT JOIN LATERAL (
    SELECT min(e.at) AS first_at FROM "ProposalEvent" e WHERE e."proposalId" = p.id AND e.type = 'ANSWERED' AND e.at <= $2::timestamp
  ) answer ON true
  LEFT JOIN LATERAL (
    SELECT v.rating::text, v.at FROM "ProposalEvaluation" v WHERE v."proposalId" = p.id AND v.kind = 'FIRST' AND v.at <= $2::timestamp ORDER BY v.at DESC, v.id DESC LIMIT 1
  ) first_eval ON true
  LEFT JOIN LATERAL (
    SELECT v.rating::text, v.at FROM "ProposalEvaluation" v WHERE v."proposalId" = p.id AND v.kind = 'SECOND' AND v.at <= $2::timestamp ORDER BY v.at DESC, v.id DESC LIMIT 1
  ) second_eval ON true
  WHERE p."submittedAt" <= $2::timestamp
)
SELECT GROUPING(agency_id) AS grouping, agency_id,
  count(*) FILTER (WHERE received)::int AS received,
  count(*) FILTER (WHERE received AND closed)::int AS closed,
  count(*) FILTER (WHERE assigned)::int AS assigned,
  count(*) FILTER (WHERE assigned AND answered_at IS NOT NULL)::int AS answered,
  count(*) FILTER (WHERE assigned AND within_limit)::int AS within_limit,
  count(*) FILTER (WHERE first_in_period)::int AS first_evaluated,
  count(*) FILTER (WHERE first_in_period AND first_rating IN ${SATISFIED})::int AS first_satisfied,
  count(*) FILTER (WHERE second_in_period)::int AS second_evaluated,
  count(*) FILTER (WHERE second_in_period AND second_rating IN ${SATISFIED})::int AS second_satisfied,
  count(*) FILTER (WHERE a_committed)::int AS a_committed,
  count(*) FILTER (WHERE a_committed AND implemented)::int AS a_implemented,
  count(*) FILTER (WHERE carried_over)::int AS carried_over,
  count(*) FILTER (WHERE carried_over AND closed)::int AS carried_over_closed,
  count(*) FILTER (WHERE key)::int AS key
FROM facts
GROUP BY GROUPING SETS ((), (agency_id))`;

// Co-handled (协办) proposals per agency: submitted in the period.
const coHandledSql = `
SELECT a."agencyId" AS agency_id, count(*)::int AS co_handled
FROM "ProposalAgency" a JOIN "Proposal" p ON p.id = a."proposalId"
WHERE a.role = 'CO' AND p."submittedAt" BETWEEN $1::timestamp AND $2::timestamp
GROUP BY a."agencyId"`;

interface ProposalRow {
  grouping: number;
  agency_id: number | null;
  received: number;
  closed: number;
  assigned: number;
  answered: number;
  within_limit: number;
  first_evaluated: number;
  first_satisfied: number;
  second_evaluated: number;
  second_satisfied: number;
  a_committed: number;
  a_implemented: number;
  carried_over: number;
  carried_over_closed: number;
  key: number;
}

function toProposalFigures(row: Partial<ProposalRow>, coHandled = 0): ProposalFigures {
  const n = (value: unknown) => Number(value ?? 0);
  const received = n(row.received);
  const assigned = n(row.assigned);
  return {
    received,
    closed: n(row.closed),
    closureRate: rate(n(row.closed), received),
    assigned,
    answered: n(row.answered),
    answeredWithinLimit: n(row.within_limit),
    answerRate: rate(n(row.answered), assigned),
    withinLimitRate: rate(n(row.within_limit), assigned),
    satisfactionFirst: rate(n(row.first_satisfied), n(row.first_evaluated)),
    satisfactionSecond: rate(n(row.second_satisfied), n(row.second_evaluated)),
    implementationRate: rate(n(row.a_implemented), n(row.a_committed)),
    carriedOverClosureRate: rate(n(row.carried_over_closed), n(row.carried_over)),
    key: n(row.key),
    coHandled,
  };
}

export function emptyProposalFigures(): ProposalFigures {
  return toProposalFigures({});
}

/**
 * Proposals are the district's business (代表工委): a street admin's report has none, so
 * this is only computed for the whole district.
 */
export async function computeProposalFigures(deps: Pick<ReportDeps, 'prisma'>, period: ReportPeriod, yearStart: Date): Promise<PeriodProposalFigures> {
  const params = [sqlTimestamp(period.start), sqlTimestamp(period.cutoff), sqlTimestamp(yearStart)];
  const [rows, coRows] = await Promise.all([
    reportQuery<ProposalRow>(deps, proposalFiguresSql, params),
    reportQuery<{ agency_id: number; co_handled: number }>(deps, coHandledSql, params.slice(0, 2)),
  ]);
  const coHandled = new Map(coRows.map((row) => [Number(row.agency_id), Number(row.co_handled)]));
  const result: PeriodProposalFigures = { district: emptyProposalFigures(), byAgency: new Map() };
  for (const row of rows) {
    if (Number(row.grouping) === 1) result.district = toProposalFigures(row);
    else if (row.agency_id !== null) result.byAgency.set(Number(row.agency_id), toProposalFigures(row, coHandled.get(Number(row.agency_id))));
  }
  for (const [agencyId, count] of coHandled) if (!result.byAgency.has(agencyId)) result.byAgency.set(agencyId, toProposalFigures({}, count));
  return result;
}
