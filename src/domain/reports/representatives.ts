// Representatives' activity (进家进站) in a report period [start, cutoff], per
// representative and in total: receptions held at stations (visits) and the leaders'
// reception days (主任接待日) — Reception rows checked in within the period —, residents
// received (人次, their residentsReceived), and the opinions they recorded on residents'
// behalf (Opinion.recordedById): collected (COLLECTED in the period), answered on the spot
// (ANSWERED in the period) and referred (REFERRED in the period). A street admin's report
// counts what happened at the stations of their street / town.
import type { ReportDeps } from './figures.js';
import { reportQuery, sqlTimestamp } from './figures.js';
import type { ReportPeriod } from './period.js';

export interface RepresentativeFigures {
  /** Receptions at homes, stations and points. */
  visits: number;
  leaderReceptions: number;
  residentsReceived: number;
  opinionsCollected: number;
  answeredOnTheSpot: number;
  referred: number;
}

export interface PeriodRepresentativeFigures {
  district: RepresentativeFigures;
  byRepresentative: Map<number, RepresentativeFigures>;
}

export const STREET_OF_STATION = `CASE WHEN r.kind IN ('STREET', 'TOWN') THEN r.id ELSE r."parentId" END`;

// $1 start, $2 cut-off, $3 street (null = all).
const representativeSql = `
WITH receptions AS (
  SELECT rc."hostId" AS person_id,
    count(*) FILTER (WHERE rc.kind = 'STATION')::int AS visits,
    count(*) FILTER (WHERE rc.kind = 'LEADER')::int AS leader_receptions,
    sum(rc."residentsReceived")::int AS residents_received
  FROM "Reception" rc
  JOIN "Station" s ON s.id = rc."stationId" JOIN "Region" r ON r.id = s."regionId"
  WHERE rc."checkedInAt" BETWEEN $1::timestamp AND $2::timestamp AND ($3::int IS NULL OR ${STREET_OF_STATION} = $3::int)
  GROUP BY rc."hostId"
),
recorded AS (
  SELECT o."recordedById" AS person_id,
    count(*) FILTER (WHERE ev.collected)::int AS opinions_collected,
    count(*) FILTER (WHERE ev.answered)::int AS answered_on_the_spot,
    count(*) FILTER (WHERE ev.referred)::int AS referred
  FROM "Opinion" o
  JOIN "Station" s ON s.id = o."stationId" JOIN "Region" r ON r.id = s."regionId"
  CROSS JOIN LATERAL (
    SELECT bool_or(e.type = 'COLLECTED') AS collected, bool_or(e.type = 'ANSWERED') AS answered, bool_or(e.type = 'REFERRED') AS referred
    FROM "OpinionEvent" e
    WHERE e."opinionId" = o.id AND e.type IN ('COLLECTED', 'ANSWERED', 'REFERRED') AND e.at BETWEEN $1::timestamp AND $2::timestamp
  ) ev
  WHERE o."recordedById" IS NOT NULL AND o."createdAt" <= $2::timestamp AND ($3::int IS NULL OR ${STREET_OF_STATION} = $3::int)
  GROUP BY o."recordedById"
)
SELECT COALESCE(a.person_id, b.person_id) AS person_id,
  COALESCE(a.visits, 0) AS visits, COALESCE(a.leader_receptions, 0) AS leader_receptions, COALESCE(a.residents_received, 0) AS residents_received,
  COALESCE(b.opinions_collected, 0) AS opinions_collected, COALESCE(b.answered_on_the_spot, 0) AS answered_on_the_spot, COALESCE(b.referred, 0) AS referred
FROM receptions a FULL JOIN recorded b ON a.person_id = b.person_id`;

interface RepresentativeRow {
  person_id: number;
  visits: number;
  leader_receptions: number;
  residents_received: number;
  opinions_collected: number;
  answered_on_the_spot: number;
  referred: number;
}

export function emptyRepresentativeFigures(): RepresentativeFigures {
  return { visits: 0, leaderReceptions: 0, residentsReceived: 0, opinionsCollected: 0, answeredOnTheSpot: 0, referred: 0 };
}

export async function computeRepresentativeFigures(deps: Pick<ReportDeps, 'prisma'>, period: ReportPeriod, streetId: number | null): Promise<PeriodRepresentativeFigures> {
  const rows = await reportQuery<RepresentativeRow>(deps, representativeSql, [sqlTimestamp(period.start), sqlTimestamp(period.cutoff), streetId]);
  const result: PeriodRepresentativeFigures = { district: emptyRepresentativeFigures(), byRepresentative: new Map() };
  for (const row of rows) {
    const figures: RepresentativeFigures = {
      visits: Number(row.visits),
      leaderReceptions: Number(row.leader_receptions),
      residentsReceived: Number(row.residents_received),
      opinionsCollected: Number(row.opinions_collected),
      answeredOnTheSpot: Number(row.answered_on_the_spot),
      referred: Number(row.referred),
    };
    // A representative with nothing in the period (all their opinions' events elsewhere) has no row.
    if (Object.values(figures).every((value) => value === 0)) continue;
    result.byRepresentative.set(Number(row.person_id), figures);
    for (const key of Object.keys(figures) as (keyof RepresentativeFigures)[]) result.district[key] += figures[key];
  }
  return result;
}
