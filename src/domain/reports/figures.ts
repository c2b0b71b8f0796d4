// The figures of the monthly closure report (../shared/domain.md), computed by the
// database from the history the workflow writes (lifecycle.ts, "Report semantics").
//
// Every figure of a period [start, cutoff] reads only history at or before the cut-off
// (event `at`, deadline `setAt`/`metAt`/`cancelledAt` ≤ cutoff), so later events never
// change a past report. Four populations, each stated once here:
//
// • The period's COHORT: opinions whose COLLECTED event falls in [start, cutoff], seen
//   at the cut-off. received, answer rate, solved, referred, escalated, closed, closure
//   rate, on-time rate, response rate, time to first response and time to close.
//   – answer rate (答复率): received cases that got a reply by the cut-off — an officer's or
//     representative's answer (ANSWERED) or a result delivered (RESULT_DELIVERED).
//   – solved (解决): the last evaluation by the cut-off is SATISFIED or BASICALLY_SATISFIED,
//     or, where the district counts silence as acceptance (SILENCE_COUNTS_AS_SOLVED), the
//     case closed NOT_EVALUATED. Declined, merged and dissatisfied-after-round-two cases
//     are closed but not solved.
//   – referred / escalated: a REFERRED / ESCALATED event (a case may count in both).
//   – closed: a CLOSED event (evaluated, not evaluated, declined or merged). A merged
//     duplicate counts as received and closed; the case it was merged into carries it.
//   – on time: closed, and every ACKNOWLEDGE/ANALYZE/HANDLE deadline set by the cut-off
//     and not cancelled by it was met by its dueAt (EVALUATE is the resident's clock).
//   – responded: the ACKNOWLEDGE deadline met by its dueAt.
//   – time to first response: first ACKNOWLEDGED − COLLECTED; time to close: CLOSED −
//     COLLECTED; calendar hours, median and 90th percentile (percentile_cont).
// • REPLIES GIVEN in [start, cutoff]: answered on the spot (现场回复) = cases with an
//   ANSWERED event in the period (an officer's or representative's own reply, which never
//   follows a referral), whatever month they came in and whether rated yet or not; its
//   share is ÷ received.
// • EVALUATIONS GIVEN in [start, cutoff] (EVALUATED events, whatever month the case came
//   in): satisfaction = (SATISFIED + BASICALLY_SATISFIED) ÷ evaluated, round 1 and round 2 apart.
// • The BACKLOG at the cut-off: every opinion collected by the cut-off and not closed by
//   it, whatever month it came in. overdue = those with a staff deadline (ACKNOWLEDGE /
//   ANALYZE / HANDLE, not cancelled by the cut-off) due before the cut-off and not met by
//   it; share = overdue ÷ open.
//
// A case is attributed, as of the cut-off, to its station and that station's street /
// town; its category (latest CLASSIFIED or COLLECTED event carrying data.categoryId, else
// the data.previous.categoryId of the first CLASSIFIED after the cut-off, else the
// opinion's current category); its agency (the one it was last referred to, REFERRED
// data.agencyId; cases never referred are in no agency's row); its officer (the actor of
// the first ACKNOWLEDGED; unacknowledged cases are in no officer's row).
import type { AppDeps } from '../../deps.js';
import type { ReportPeriod } from './period.js';

export type ReportDeps = Pick<AppDeps, 'prisma' | 'config' | 'translate'>;

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when the denominator is 0 (shown "—"). */
  value: number | null;
}

export interface Spread {
  /** Hours; null when there is nothing to measure. */
  median: number | null;
  p90: number | null;
}

export interface Figures {
  received: number;
  answeredOnTheSpot: number;
  /** answered on the spot ÷ received */
  answeredOnTheSpotShare: Rate;
  /** replied (on the spot or an agency's result) ÷ received */
  answerRate: Rate;
  solved: number;
  /** solved ÷ received */
  solvedRate: Rate;
  referred: number;
  escalated: number;
  closed: number;
  closureRate: Rate;
  onTimeRate: Rate;
  /** Backlog at the cut-off. */
  open: number;
  overdue: number;
  overdueShare: Rate;
  responseRate: Rate;
  satisfactionFirstRound: Rate;
  satisfactionSecondRound: Rate;
  timeToFirstResponseHours: Spread;
  timeToCloseHours: Spread;
}

export const DIMENSIONS = ['street', 'station', 'category', 'agency', 'officer'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface PeriodFigures {
  district: Figures;
  /** Per dimension: the figures of every key (id) that has any. */
  byDimension: Record<Dimension, Map<number, Figures>>;
}

export interface FigureScope {
  /** Only the opinions of this street / town (a street admin's report). */
  streetId?: number | null;
  /** The district counts a case closed without an evaluation as solved (config SILENCE_COUNTS_AS_SOLVED). */
  silenceCountsAsSolved?: boolean;
}

/**
 * Runs one report query in its own transaction with JIT compilation off: PostgreSQL's
 * JIT takes seconds to compile these wide aggregates (measured: 2.9 s of a 3.3 s query)
 * and never pays that back here. Parameterised; PGlite ignores the setting.
 */
export async function reportQuery<Row>(deps: Pick<ReportDeps, 'prisma'>, text: string, params: unknown[]): Promise<Row[]> {
  return deps.prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL jit = off');
      return tx.$queryRawUnsafe<Row[]>(text, ...params);
    },
    { maxWait: 60_000, timeout: 600_000 },
  );
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** Timestamps are stored as UTC wall time (TIMESTAMP(3)); pass them as such, never through a driver's local-time conversion. */
export function sqlTimestamp(at: Date): string {
  return at.toISOString().replace('T', ' ').replace('Z', '');
}

const STAFF_DEADLINES = `('ACKNOWLEDGE', 'ANALYZE', 'HANDLE')`;

/**
 * The category each case had before its first reclassification after the cut-off ($2)
 * (CLASSIFIED data.previous): one pass over those few events, joined to the cases by id.
 * A lookup per case cost as much as the rest of its attribution (EXPLAIN ANALYZE, year to
 * date at a million opinions: 280,000 index probes).
 */
export const reclassifiedAfterCutoffCte = `reclassified AS (
  SELECT DISTINCT ON (c."opinionId") c."opinionId" AS id, (c.data->'previous'->>'categoryId')::int AS category_id
  FROM "OpinionEvent" c
  WHERE c.type = 'CLASSIFIED' AND c.at > $2::timestamp AND c.data->'previous' ? 'categoryId'
  ORDER BY c."opinionId", c.at, c.id
)`;

/**
 * A case's category as at the cut-off: what the events up to it say (`known`), else the
 * category the first reclassification after it replaced (reclassifiedAfterCutoffCte,
 * joined as `rc`), else the current one.
 */
export function categoryAtCutoffSql(known: string, current: string): string {
  return `COALESCE(${known}, rc.category_id, ${current})`;
}

/** What a case's events up to the cut-off say; the same for both ways a history is read. */
const HISTORY_AGGREGATES = `
  min(e.at) FILTER (WHERE e.type = 'COLLECTED') AS collected_at,
  min(e.at) FILTER (WHERE e.type = 'ACKNOWLEDGED') AS first_response_at,
  min(e.at) FILTER (WHERE e.type = 'CLOSED') AS closed_at,
  COALESCE(bool_or(e.type IN ('ANSWERED', 'RESULT_DELIVERED')), false) AS replied,
  (array_agg(e.data->>'rating' ORDER BY e.at DESC, e.id DESC) FILTER (WHERE e.type = 'EVALUATED'))[1] AS last_rating,
  (array_agg(e.data->>'reason') FILTER (WHERE e.type = 'CLOSED'))[1] AS close_reason,
  COALESCE(bool_or(e.type = 'REFERRED'), false) AS referred,
  COALESCE(bool_or(e.type = 'ESCALATED'), false) AS escalated,
  (array_agg(e.data->>'agencyId' ORDER BY e.at DESC, e.id DESC) FILTER (WHERE e.type = 'REFERRED' AND e.data ? 'agencyId'))[1]::int AS agency_id,
  (array_agg(e.data->>'categoryId' ORDER BY e.at DESC, e.id DESC) FILTER (WHERE e.type IN ('COLLECTED', 'CLASSIFIED') AND e.data ? 'categoryId'))[1]::int AS event_category_id,
  (array_agg(e."actorId" ORDER BY e.at, e.id) FILTER (WHERE e.type = 'ACKNOWLEDGED'))[1] AS officer_id`;

const HISTORY_COLUMNS = 'collected_at, first_response_at, closed_at, replied, last_rating, close_reason, referred, escalated, agency_id, event_category_id, officer_id';

/**
 * Per-opinion facts at the cut-off ($2) for the period starting at $1, limited to street $3
 * (null = all). Also used by the most-overdue list.
 *
 * How it stays fast at city scale: one pass over the period's events, grouped per case,
 * gives the whole history of every case of the cohort (collected in the period, so all its
 * events up to the cut-off are in it) and every evaluation given in the period. Only the
 * few other cases that matter — older cases still open at the cut-off or evaluated in the
 * period — have their earlier history read, case by case through the indexes.
 */
const factsCte = `
${reclassifiedAfterCutoffCte},
period_events AS (
  SELECT e."opinionId" AS id, ${HISTORY_AGGREGATES},
    COALESCE(bool_or(e.type = 'ANSWERED'), false) AS answered_in_period,
    count(*) FILTER (WHERE e.type = 'EVALUATED' AND e.round = 1) AS r1_evaluated,
    count(*) FILTER (WHERE e.type = 'EVALUATED' AND e.round = 1 AND e.data->>'rating' IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS r1_satisfied,
    count(*) FILTER (WHERE e.type = 'EVALUATED' AND e.round >= 2) AS r2_evaluated,
    count(*) FILTER (WHERE e.type = 'EVALUATED' AND e.round >= 2 AND e.data->>'rating' IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS r2_satisfied
  FROM "OpinionEvent" e
  WHERE e.at >= $1::timestamp AND e.at <= $2::timestamp
  GROUP BY e."opinionId"
),
-- Candidates for the backlog at the cut-off: cases still open now, and cases closed after
-- the cut-off (CLOSED is final, so a case closed by the cut-off is in neither).
backlog_candidates AS (
  SELECT id FROM "Opinion" WHERE stage IN ('COLLECTED', 'ANALYZING', 'HANDLING', 'FEEDBACK')
  UNION
  SELECT "opinionId" FROM "OpinionEvent" WHERE type = 'CLOSED' AND at > $2::timestamp
),
earlier_cases AS (
  SELECT id FROM backlog_candidates
  UNION
  SELECT id FROM period_events WHERE collected_at IS NULL AND (r1_evaluated + r2_evaluated > 0 OR answered_in_period)
),
history AS (
  SELECT id, ${HISTORY_COLUMNS}, answered_in_period, r1_evaluated, r1_satisfied, r2_evaluated, r2_satisfied
  FROM period_events WHERE collected_at IS NOT NULL
  UNION ALL
  SELECT c.id, h.*, COALESCE(pe.answered_in_period, false), COALESCE(pe.r1_evaluated, 0), COALESCE(pe.r1_satisfied, 0), COALESCE(pe.r2_evaluated, 0), COALESCE(pe.r2_satisfied, 0)
  FROM earlier_cases c
  LEFT JOIN period_events pe ON pe.id = c.id
  CROSS JOIN LATERAL (SELECT ${HISTORY_AGGREGATES} FROM "OpinionEvent" e WHERE e."opinionId" = c.id AND e.at <= $2::timestamp) h
  -- Collected before the period (cases collected after the cut-off are no part of it).
  WHERE pe.collected_at IS NULL AND h.collected_at IS NOT NULL
),
facts AS (
  SELECT h.id, o."trackingNo" AS tracking_no, o."stationId" AS station_id,
    CASE WHEN r.kind IN ('STREET', 'TOWN') THEN r.id ELSE r."parentId" END AS street_id,
    ${categoryAtCutoffSql('h.event_category_id', 'o."categoryId"')} AS category_id,
    h.agency_id, h.officer_id,
    h.collected_at >= $1::timestamp AS in_cohort,
    h.closed_at IS NOT NULL AS closed,
    h.answered_in_period, h.replied,
    h.last_rating IN ('SATISFIED', 'BASICALLY_SATISFIED') OR ($4::boolean AND h.close_reason = 'NOT_EVALUATED') AS solved,
    h.referred, h.escalated,
    COALESCE(dl.all_met_on_time, true) AS all_met_on_time,
    COALESCE(dl.responded_on_time, false) AS responded_on_time,
    dl.overdue_seconds,
    (extract(epoch FROM h.first_response_at - h.collected_at) / 3600)::float8 AS response_hours,
    (extract(epoch FROM h.closed_at - h.collected_at) / 3600)::float8 AS close_hours,
    h.r1_evaluated, h.r1_satisfied, h.r2_evaluated, h.r2_satisfied
  FROM history h
  CROSS JOIN LATERAL (
    SELECT
      bool_and(d."metAt" IS NOT NULL AND d."metAt" <= $2::timestamp AND d."metAt" <= d."dueAt") AS all_met_on_time,
      bool_or(d.kind = 'ACKNOWLEDGE' AND d."metAt" <= $2::timestamp AND d."metAt" <= d."dueAt") AS responded_on_time,
      (max(extract(epoch FROM $2::timestamp - d."dueAt")) FILTER (WHERE d."dueAt" < $2::timestamp AND (d."metAt" IS NULL OR d."metAt" > $2::timestamp)))::float8 AS overdue_seconds
    FROM "OpinionDeadline" d
    WHERE d."opinionId" = h.id AND d.kind IN ${STAFF_DEADLINES} AND d."setAt" <= $2::timestamp AND (d."cancelledAt" IS NULL OR d."cancelledAt" > $2::timestamp)
  ) dl
  -- By primary key, case by case: the planner overestimates the period's cases (grouped
  -- events) and would otherwise hash the whole Opinion table to join a few thousand rows
  -- (EXPLAIN ANALYZE at 100k opinions: 1.1 s of the month's 2.2 s).
  CROSS JOIN LATERAL (SELECT o."trackingNo", o."stationId", o."categoryId" FROM "Opinion" o WHERE o.id = h.id OFFSET 0) o
  LEFT JOIN reclassified rc ON rc.id = h.id
  JOIN "Station" s ON s.id = o."stationId"
  JOIN "Region" r ON r.id = s."regionId"
),
scoped AS (
  SELECT * FROM facts WHERE $3::int IS NULL OR street_id = $3::int
)`;

const figuresSql = `WITH ${factsCte}
SELECT GROUPING(street_id, station_id, category_id, agency_id, officer_id) AS grouping,
  street_id, station_id, category_id, agency_id, officer_id,
  count(*) FILTER (WHERE in_cohort)::int AS received,
  count(*) FILTER (WHERE answered_in_period)::int AS answered_on_the_spot,
  count(*) FILTER (WHERE in_cohort AND replied)::int AS replied,
  count(*) FILTER (WHERE in_cohort AND solved)::int AS solved,
  count(*) FILTER (WHERE in_cohort AND referred)::int AS referred,
  count(*) FILTER (WHERE in_cohort AND escalated)::int AS escalated,
  count(*) FILTER (WHERE in_cohort AND closed)::int AS closed,
  count(*) FILTER (WHERE in_cohort AND closed AND all_met_on_time)::int AS closed_on_time,
  count(*) FILTER (WHERE in_cohort AND responded_on_time)::int AS responded_on_time,
  count(*) FILTER (WHERE NOT closed)::int AS open,
  count(*) FILTER (WHERE NOT closed AND overdue_seconds IS NOT NULL)::int AS overdue,
  sum(r1_evaluated)::int AS r1_evaluated, sum(r1_satisfied)::int AS r1_satisfied,
  sum(r2_evaluated)::int AS r2_evaluated, sum(r2_satisfied)::int AS r2_satisfied,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY response_hours) FILTER (WHERE in_cohort) AS response_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY response_hours) FILTER (WHERE in_cohort) AS response_p90,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY close_hours) FILTER (WHERE in_cohort) AS close_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY close_hours) FILTER (WHERE in_cohort) AS close_p90
FROM scoped
GROUP BY GROUPING SETS ((), (street_id), (station_id), (category_id), (agency_id), (officer_id))`;

/** One group's counts as the SQL names them (the bench's hand-written floor returns the same). */
export interface FigureCounts {
  received: number;
  answered_on_the_spot: number;
  replied: number;
  solved: number;
  referred: number;
  escalated: number;
  closed: number;
  closed_on_time: number;
  responded_on_time: number;
  open: number;
  overdue: number;
  r1_evaluated: number;
  r1_satisfied: number;
  r2_evaluated: number;
  r2_satisfied: number;
  response_median: number | null;
  response_p90: number | null;
  close_median: number | null;
  close_p90: number | null;
}

interface FigureRow extends FigureCounts {
  grouping: number;
  street_id: number | null;
  station_id: number | null;
  category_id: number | null;
  agency_id: number | null;
  officer_id: number | null;
}

// GROUPING(street, station, category, agency, officer): a bit is set for each column not grouped by.
const GROUPING_BITS: Record<number, Dimension | 'district'> = {
  0b11111: 'district',
  0b01111: 'street',
  0b10111: 'station',
  0b11011: 'category',
  0b11101: 'agency',
  0b11110: 'officer',
};

const KEY_COLUMN: Record<Dimension, keyof FigureRow> = {
  street: 'street_id',
  station: 'station_id',
  category: 'category_id',
  agency: 'agency_id',
  officer: 'officer_id',
};

function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Figures from a group's counts; a count the row lacks is 0, a spread null. */
export function toFigures(row: Partial<FigureCounts>): Figures {
  const n = (value: unknown) => Number(value ?? 0);
  const closed = n(row.closed);
  const received = n(row.received);
  const open = n(row.open);
  const answeredOnTheSpot = n(row.answered_on_the_spot);
  const solved = n(row.solved);
  return {
    received,
    answeredOnTheSpot,
    answeredOnTheSpotShare: rate(answeredOnTheSpot, received),
    answerRate: rate(n(row.replied), received),
    solved,
    solvedRate: rate(solved, received),
    referred: n(row.referred),
    escalated: n(row.escalated),
    closed,
    closureRate: rate(closed, received),
    onTimeRate: rate(n(row.closed_on_time), closed),
    open,
    overdue: n(row.overdue),
    overdueShare: rate(n(row.overdue), open),
    responseRate: rate(n(row.responded_on_time), received),
    satisfactionFirstRound: rate(n(row.r1_satisfied), n(row.r1_evaluated)),
    satisfactionSecondRound: rate(n(row.r2_satisfied), n(row.r2_evaluated)),
    timeToFirstResponseHours: { median: num(row.response_median), p90: num(row.response_p90) },
    timeToCloseHours: { median: num(row.close_median), p90: num(row.close_p90) },
  };
}

export function emptyFigures(): Figures {
  return toFigures({});
}

function params(period: ReportPeriod, scope: FigureScope): unknown[] {
  return [sqlTimestamp(period.start), sqlTimestamp(period.cutoff), scope.streetId ?? null, scope.silenceCountsAsSolved ?? false];
}

/** The figures of one period, for the whole scope and per dimension, in one aggregate query. */
export async function computePeriodFigures(deps: Pick<ReportDeps, 'prisma'>, period: ReportPeriod, scope: FigureScope = {}): Promise<PeriodFigures> {
  const rows = await reportQuery<FigureRow>(deps, figuresSql, params(period, scope));
  const result: PeriodFigures = {
    district: emptyFigures(),
    byDimension: { street: new Map(), station: new Map(), category: new Map(), agency: new Map(), officer: new Map() },
  };
  for (const row of rows) {
    const level = GROUPING_BITS[Number(row.grouping)];
    if (level === undefined) continue;
    if (level === 'district') {
      result.district = toFigures(row);
      continue;
    }
    const key = row[KEY_COLUMN[level]];
    // Cases without an agency / officer at the cut-off belong to no row of that breakdown.
    if (key === null || key === undefined) continue;
    result.byDimension[level].set(Number(key), toFigures(row));
  }
  return result;
}

export interface OverdueCase {
  opinionId: number;
  trackingNo: string;
  /** Whole days past the earliest missed deadline, at the cut-off. */
  daysOverdue: number;
}

const mostOverdueSql = `WITH ${factsCte}
SELECT id, tracking_no, overdue_seconds FROM scoped
WHERE NOT closed AND overdue_seconds IS NOT NULL
ORDER BY overdue_seconds DESC, id
LIMIT $5`;

/** The backlog cases furthest past a deadline at the cut-off. */
export async function mostOverdueCases(deps: Pick<ReportDeps, 'prisma'>, period: ReportPeriod, scope: FigureScope = {}, limit = 5): Promise<OverdueCase[]> {
  const rows = await reportQuery<{ id: number; tracking_no: string; overdue_seconds: number }>(deps, mostOverdueSql, [...params(period, scope), limit]);
  return rows.map((row) => ({ opinionId: Number(row.id), trackingNo: row.tracking_no, daysOverdue: Math.floor(Number(row.overdue_seconds) / 86_400) }));
}
