// Checks across rows and sheets, in SQL over the staged rows: duplicate codes, references
// to regions, stations, agencies and representatives that are in neither the file nor the
// database, and rows outside the importer's part of the network.
import type { SqlRunner } from '../../db/migrate.js';
import type { SheetKind } from './sheets.js';

/** Who imports: the regions they manage (null: the whole network, as the CLI does). */
export interface ImportScope {
  /** Codes of the regions the importer manages; null for everything. */
  regionCodes: string[] | null;
  /** Whether they manage district-wide things too: categories, agencies without a region, district admins. */
  districtWide: boolean;
}

export interface RowIssue {
  sheet: SheetKind;
  row: number;
  column: string;
  key: string;
  vars: Record<string, string | number>;
}

/** Runs a script statement by statement: PGlite's driver takes one statement per query. */
export async function execStatements(tx: SqlRunner, script: string): Promise<void> {
  for (const statement of script.split(/;\s*\n/)) if (statement.trim()) await tx.query(statement);
}

const STATION_ROLES = `('LIAISON_OFFICER', 'REPRESENTATIVE')`;

/**
 * The network as it will be: the file's rows, plus what the database keeps outside the
 * importer's reach (regions are never deactivated, so all of them count).
 */
async function buildNetworkView(tx: SqlRunner, scope: ImportScope): Promise<void> {
  const codes = scope.regionCodes;
  await execStatements(tx, `
    CREATE TEMP TABLE net_regions ON COMMIT DROP AS
    SELECT DISTINCT ON (code) code, kind, parent FROM stage_regions ORDER BY code, "row";
    INSERT INTO net_regions SELECT r.code, r.kind::text, p.code FROM "Region" r LEFT JOIN "Region" p ON p.id = r."parentId"
      WHERE NOT EXISTS (SELECT 1 FROM stage_regions s WHERE s.code = r.code);
    CREATE INDEX ON net_regions (code);
    CREATE TEMP TABLE net_region_ancestors ON COMMIT DROP AS
    WITH RECURSIVE up(code, ancestor, depth) AS (
      SELECT code, code, 0 FROM net_regions
      UNION ALL
      SELECT up.code, n.parent, up.depth + 1 FROM up JOIN net_regions n ON n.code = up.ancestor WHERE n.parent IS NOT NULL AND up.depth < 8)
    SELECT code, ancestor FROM up;
    CREATE TEMP TABLE regions_in_scope (code text PRIMARY KEY) ON COMMIT DROP`);
  if (codes) await tx.query(`INSERT INTO regions_in_scope SELECT DISTINCT code FROM net_region_ancestors WHERE ancestor = ANY($1::text[])`, [codes]);
  // Outside the importer's regions, the database's rows stay as they are and may be referred to.
  const outside = (regionCode: string) => (codes ? `${regionCode} IS NULL OR ${regionCode} NOT IN (SELECT code FROM regions_in_scope)` : 'false');
  await execStatements(tx, `
    CREATE TEMP TABLE net_stations ON COMMIT DROP AS
    SELECT DISTINCT ON (code) code, tier, region FROM stage_stations ORDER BY code, "row";
    INSERT INTO net_stations SELECT s.code, s.tier::text, r.code FROM "Station" s JOIN "Region" r ON r.id = s."regionId"
      WHERE s.active AND (${outside('r.code')}) AND NOT EXISTS (SELECT 1 FROM stage_stations x WHERE x.code = s.code);
    CREATE INDEX ON net_stations (code);
    CREATE TEMP TABLE net_agencies ON COMMIT DROP AS
    SELECT DISTINCT ON (code) code, region FROM stage_agencies ORDER BY code, "row";
    INSERT INTO net_agencies SELECT a.code, r.code FROM "Agency" a LEFT JOIN "Region" r ON r.id = a."regionId"
      WHERE a.active AND (${codes ? (scope.districtWide ? `r.code IS NOT NULL AND r.code NOT IN (SELECT code FROM regions_in_scope)` : outside('r.code')) : 'false'})
      AND NOT EXISTS (SELECT 1 FROM stage_agencies x WHERE x.code = a.code);
    CREATE INDEX ON net_agencies (code);
    CREATE TEMP TABLE net_staff ON COMMIT DROP AS
    SELECT DISTINCT ON (code) code, role FROM stage_staff ORDER BY code, "row";
    INSERT INTO net_staff SELECT sr.code, sr.kind::text FROM "StaffRole" sr
      LEFT JOIN "Station" st ON st.id = sr."stationId" LEFT JOIN "Agency" ag ON ag.id = sr."agencyId"
      LEFT JOIN "Region" r ON r.id = coalesce(st."regionId", ag."regionId", sr."regionId")
      WHERE sr."revokedAt" IS NULL AND (${outside('r.code')}) AND NOT EXISTS (SELECT 1 FROM stage_staff x WHERE x.code = sr.code);
    CREATE INDEX ON net_staff (code);
    ANALYZE net_regions;
    ANALYZE net_region_ancestors;
    ANALYZE net_stations;
    ANALYZE net_agencies;
    ANALYZE net_staff`);
}

/** The rows a check looks at: those whose cells all passed (the others are reported already, but still count as references). */
const checked = (sheet: SheetKind) => `(SELECT * FROM stage_${sheet} WHERE NOT bad)`;

/** Each check: a SELECT of ("row", "column", key, value) over one staged sheet. */
function checks(scope: ImportScope): { sheet: SheetKind; sql: string }[] {
  const scoped = scope.regionCodes !== null;
  const inScope = (regionCode: string) => (scoped ? `coalesce(${regionCode} IN (SELECT code FROM regions_in_scope), false)` : 'true');
  // An agency without a region serves the whole district: a district-wide importer's.
  const outsideUnlessWide = (regionCode: string) => `NOT (${inScope(regionCode)}${scope.districtWide ? ` OR ${regionCode} IS NULL` : ''})`;
  const duplicates = (sheet: SheetKind, key: string, label = key, column = 'code') => ({
    sheet,
    sql: `SELECT "row", '${column}' AS "column", 'import-error-duplicate-code' AS key, label AS value, first::text AS other FROM (
            SELECT "row", ${label} AS label, min("row") OVER (PARTITION BY ${key}) AS first FROM stage_${sheet} WHERE ${key} IS NOT NULL) d WHERE "row" <> first`,
  });
  const outside = (sheet: SheetKind, column: string, condition: string) => ({
    sheet,
    sql: `SELECT "row", '${column}', 'import-error-outside-scope', "${column}", NULL FROM ${checked(sheet)} s WHERE ${condition}`,
  });
  return [
    duplicates('regions', 'code'),
    duplicates('stations', 'code'),
    duplicates('agencies', 'code'),
    duplicates('categories', 'code'),
    duplicates('staff', 'code'),
    duplicates('receptionDays', `(station, representative, date, "from")`, `station || ' ' || date || ' ' || "from"`, 'station'),
    {
      sheet: 'regions',
      sql: `SELECT "row", 'parent', CASE WHEN kind IN ('COMMUNITY', 'VILLAGE') THEN 'import-error-unknown-street' ELSE 'import-error-unknown-region' END, parent, NULL
            FROM ${checked('regions')} s WHERE parent IS NOT NULL AND NOT EXISTS (SELECT 1 FROM net_regions n WHERE n.code = s.parent)`,
    },
    {
      sheet: 'regions',
      sql: `SELECT s."row", 'parent', 'import-error-parent-kind', s.parent, NULL FROM ${checked('regions')} s JOIN net_regions p ON p.code = s.parent
            WHERE NOT ((s.kind IN ('STREET', 'TOWN') AND p.kind = 'DISTRICT') OR (s.kind IN ('COMMUNITY', 'VILLAGE') AND p.kind IN ('STREET', 'TOWN')))`,
    },
    // A region under an unknown parent is reported as such, not as outside the scope as well.
    outside('regions', 'code', scoped ? `NOT ${inScope('s.code')} AND (s.parent IS NULL OR EXISTS (SELECT 1 FROM net_regions n WHERE n.code = s.parent))` : 'false'),
    { sheet: 'stations', sql: `SELECT "row", 'region', 'import-error-unknown-region', region, NULL FROM ${checked('stations')} s WHERE NOT EXISTS (SELECT 1 FROM net_regions n WHERE n.code = s.region)` },
    {
      sheet: 'stations',
      sql: `SELECT "row", 'home', 'import-error-unknown-home', home, NULL FROM ${checked('stations')} s
            WHERE home IS NOT NULL AND (s.tier = 'HOME' OR NOT EXISTS (SELECT 1 FROM net_stations n WHERE n.code = s.home AND n.tier = 'HOME'))`,
    },
    outside('stations', 'region', scoped ? `NOT ${inScope('s.region')}` : 'false'),
    { sheet: 'agencies', sql: `SELECT "row", 'region', 'import-error-unknown-region', region, NULL FROM ${checked('agencies')} s WHERE region IS NOT NULL AND NOT EXISTS (SELECT 1 FROM net_regions n WHERE n.code = s.region)` },
    outside('agencies', 'code', scoped ? outsideUnlessWide('s.region') : 'false'),
    outside('categories', 'code', scope.districtWide ? 'false' : 'true'),
    {
      sheet: 'staff',
      sql: `SELECT "row", 'scope', 'import-error-unknown-scope', scope, role FROM ${checked('staff')} s WHERE NOT CASE
              WHEN role IN ${STATION_ROLES} THEN EXISTS (SELECT 1 FROM net_stations n WHERE n.code = s.scope)
              WHEN role = 'AGENCY_HANDLER' THEN EXISTS (SELECT 1 FROM net_agencies n WHERE n.code = s.scope)
              WHEN role = 'STREET_ADMIN' THEN EXISTS (SELECT 1 FROM net_regions n WHERE n.code = s.scope AND n.kind IN ('STREET', 'TOWN'))
              ELSE EXISTS (SELECT 1 FROM net_regions n WHERE n.code = s.scope AND n.kind = 'DISTRICT') END`,
    },
    outside(
      'staff',
      'scope',
      scoped
        ? `CASE WHEN role IN ${STATION_ROLES} THEN NOT ${inScope('(SELECT region FROM net_stations n WHERE n.code = s.scope LIMIT 1)')}
                WHEN role = 'AGENCY_HANDLER' THEN ${outsideUnlessWide('(SELECT region FROM net_agencies n WHERE n.code = s.scope LIMIT 1)')}
                WHEN role = 'DISTRICT_ADMIN' THEN ${scope.districtWide ? `NOT ${inScope('s.scope')}` : 'true'}
                ELSE NOT ${inScope('s.scope')} END`
        : 'false',
    ),
    { sheet: 'receptionDays', sql: `SELECT "row", 'station', 'import-error-unknown-station', station, NULL FROM ${checked('receptionDays')} s WHERE NOT EXISTS (SELECT 1 FROM net_stations n WHERE n.code = s.station)` },
    {
      sheet: 'receptionDays',
      sql: `SELECT "row", 'representative', 'import-error-unknown-representative', representative, NULL FROM ${checked('receptionDays')} s
            WHERE NOT EXISTS (SELECT 1 FROM net_staff n WHERE n.code = s.representative AND n.role = 'REPRESENTATIVE')`,
    },
    outside('receptionDays', 'station', scoped ? `NOT ${inScope('(SELECT region FROM net_stations n WHERE n.code = s.station LIMIT 1)')}` : 'false'),
  ];
}

/** At most `limit` issues, in sheet and row order, and how many there are in all. */
export async function checkAcrossRows(tx: SqlRunner, scope: ImportScope, limit: number): Promise<{ issues: RowIssue[]; count: number }> {
  await buildNetworkView(tx, scope);
  const issues: RowIssue[] = [];
  let count = 0;
  for (const check of checks(scope)) {
    const rows = (await tx.query<{ row: number; column: string; key: string; value: string | null; other: string | null }>(
      `SELECT "row", "column", key, value, other FROM (${check.sql}) AS issue("row", "column", key, value, other) ORDER BY "row" LIMIT ${limit + 1}`,
    )).rows;
    count += rows.length > limit ? (await tx.query<{ total: number }>(`SELECT count(*)::int AS total FROM (${check.sql}) AS issue`)).rows[0]!.total : rows.length;
    for (const row of rows.slice(0, Math.max(0, limit - issues.length))) {
      issues.push({ sheet: check.sheet, row: row.row, column: row.column, key: row.key, vars: { value: row.value ?? '', other: row.other ?? '' } });
    }
  }
  return { issues, count };
}
