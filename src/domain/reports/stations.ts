// The station network (家、站、点) in a report period [start, cutoff]: stations by tier at
// the cut-off, opened and closed in the period, and per station its activity — opinions
// received (collected there in the period), receptions held and residents received — so
// that little-used stations show up: those open throughout the period whose opinions +
// receptions do not exceed LITTLE_USED_STATION_MAX_ACTIVITY (0 by default: nothing at all).
//
// A station exists at the cut-off when it opened by then (openedAt, null = before records
// were kept) and has not closed by then (closedAt; an inactive station without a date
// closed before records were kept).
import type { StationTier } from '../../generated/prisma/client.js';
import type { ReportDeps } from './figures.js';
import { reportQuery, sqlTimestamp } from './figures.js';
import type { ReportPeriod } from './period.js';
import { STREET_OF_STATION } from './representatives.js';

export const STATION_TIERS = ['HOME', 'STATION', 'POINT'] as const satisfies readonly StationTier[];

export interface TierCounts {
  HOME: number;
  STATION: number;
  POINT: number;
  total: number;
}

export interface StationActivity {
  stationId: number;
  tier: StationTier;
  opinions: number;
  receptions: number;
  residentsReceived: number;
  /** Open throughout the period with activity at most the threshold. */
  littleUsed: boolean;
}

export interface StationNetworkFigures {
  /** Stations existing at the cut-off, by tier. */
  atCutoff: TierCounts;
  opened: TierCounts;
  closed: TierCounts;
  littleUsed: number;
  /** Every station open at some time in the period, most active first. */
  stations: StationActivity[];
}

// $1 start, $2 cut-off, $3 street (null = all), $4 little-used threshold.
const stationSql = `
WITH stations AS (
  SELECT s.id, s.tier::text AS tier,
    (s."openedAt" IS NULL OR s."openedAt" <= $2::timestamp) AS opened_by_cutoff,
    s."openedAt" BETWEEN $1::timestamp AND $2::timestamp AS opened_in_period,
    s."openedAt" IS NULL OR s."openedAt" < $1::timestamp AS opened_before,
    CASE WHEN s."closedAt" IS NOT NULL THEN s."closedAt" <= $2::timestamp ELSE NOT s.active END AS closed_by_cutoff,
    CASE WHEN s."closedAt" IS NOT NULL THEN s."closedAt" < $1::timestamp ELSE NOT s.active END AS closed_before,
    s."closedAt" BETWEEN $1::timestamp AND $2::timestamp AS closed_in_period
  FROM "Station" s JOIN "Region" r ON r.id = s."regionId"
  WHERE $3::int IS NULL OR ${STREET_OF_STATION} = $3::int
),
opinions AS (
  SELECT o."stationId" AS id, count(*)::int AS opinions FROM "Opinion" o
  WHERE o."createdAt" BETWEEN $1::timestamp AND $2::timestamp GROUP BY o."stationId"
),
receptions AS (
  SELECT rc."stationId" AS id, count(*)::int AS receptions, sum(rc."residentsReceived")::int AS residents_received FROM "Reception" rc
  WHERE rc."checkedInAt" BETWEEN $1::timestamp AND $2::timestamp GROUP BY rc."stationId"
)
SELECT s.*, COALESCE(o.opinions, 0) AS opinions, COALESCE(rc.receptions, 0) AS receptions, COALESCE(rc.residents_received, 0) AS residents_received,
  s.opened_before AND NOT s.closed_by_cutoff AND COALESCE(o.opinions, 0) + COALESCE(rc.receptions, 0) <= $4::int AS little_used
FROM stations s LEFT JOIN opinions o ON o.id = s.id LEFT JOIN receptions rc ON rc.id = s.id
WHERE s.opened_by_cutoff AND NOT s.closed_before
ORDER BY COALESCE(o.opinions, 0) + COALESCE(rc.receptions, 0) DESC, s.id`;

interface StationRow {
  id: number;
  tier: StationTier;
  opened_in_period: boolean | null;
  closed_by_cutoff: boolean;
  closed_in_period: boolean | null;
  opinions: number;
  receptions: number;
  residents_received: number;
  little_used: boolean;
}

const zeroTiers = (): TierCounts => ({ HOME: 0, STATION: 0, POINT: 0, total: 0 });

export function emptyStationNetwork(): StationNetworkFigures {
  return { atCutoff: zeroTiers(), opened: zeroTiers(), closed: zeroTiers(), littleUsed: 0, stations: [] };
}

export async function computeStationNetwork(
  deps: Pick<ReportDeps, 'prisma'>,
  period: ReportPeriod,
  options: { streetId: number | null; littleUsedMaxActivity: number },
): Promise<StationNetworkFigures> {
  const rows = await reportQuery<StationRow>(deps, stationSql, [sqlTimestamp(period.start), sqlTimestamp(period.cutoff), options.streetId, options.littleUsedMaxActivity]);
  const result = emptyStationNetwork();
  const add = (counts: TierCounts, tier: StationTier) => {
    counts[tier] += 1;
    counts.total += 1;
  };
  for (const row of rows) {
    if (!row.closed_by_cutoff) add(result.atCutoff, row.tier);
    if (row.opened_in_period) add(result.opened, row.tier);
    if (row.closed_in_period) add(result.closed, row.tier);
    if (row.little_used) result.littleUsed += 1;
    result.stations.push({
      stationId: Number(row.id),
      tier: row.tier,
      opinions: Number(row.opinions),
      receptions: Number(row.receptions),
      residentsReceived: Number(row.residents_received),
      littleUsed: row.little_used,
    });
  }
  return result;
}
