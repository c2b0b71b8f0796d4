// Writes the current network and staff in the template's layout, page by page from the
// database, so that the office can edit the file and import it back.
import type { Writable } from 'node:stream';
import type { PrismaClient } from '../../db/database.js';
import { STAGES, type StagePolicy } from '../calendar/stage-limits.js';
import { enumCell, LIMIT_UNIT_LABELS, REGION_KINDS, REPRESENTATIVE_LEVELS, STAFF_ROLES, STATION_TIERS, type Enumeration, type SheetKind } from './sheets.js';
import { writeNetworkWorkbook, type CellValue } from './write-workbook.js';

const PAGE = 5_000;

/**
 * Per sheet: the table alias that pages it by id, the SELECT of its cells in column order as
 * one JSON array (ending in a WHERE clause the page condition extends), and its enumeration columns.
 */
const queries: Record<SheetKind, { alias: string; sql: string; enums?: Record<number, Enumeration> }> = {
  regions: {
    alias: 'r',
    sql: `SELECT r.id, json_build_array(r.code, r.kind::text, r."nameZh", r."nameEn", p.code, CASE WHEN r.kind = 'DISTRICT' THEN r."timeZone" END) AS cells
          FROM "Region" r LEFT JOIN "Region" p ON p.id = r."parentId" WHERE true`,
    enums: { 1: REGION_KINDS as Enumeration },
  },
  stations: {
    alias: 's',
    sql: `SELECT s.id, json_build_array(s.code, s.tier::text, s."nameZh", s."nameEn", r.code, h.code, s."addressZh", s."addressEn", s.latitude, s.longitude, s."openingHoursZh", s."openingHoursEn", s.phone) AS cells
          FROM "Station" s JOIN "Region" r ON r.id = s."regionId" LEFT JOIN "Station" h ON h.id = s."homeId" WHERE s.active`,
    enums: { 1: STATION_TIERS as Enumeration },
  },
  staff: {
    alias: 't',
    sql: `SELECT t.id, json_build_array(t.code, p."displayName", t.kind::text, coalesce(st.code, ag.code, rg.code), p."telegramId"::text, p.phone, p."representativeLevel") AS cells
          FROM "StaffRole" t JOIN "Person" p ON p.id = t."personId" LEFT JOIN "Station" st ON st.id = t."stationId" LEFT JOIN "Agency" ag ON ag.id = t."agencyId" LEFT JOIN "Region" rg ON rg.id = t."regionId"
          WHERE t."revokedAt" IS NULL`,
    enums: { 2: STAFF_ROLES as Enumeration, 6: REPRESENTATIVE_LEVELS as Enumeration },
  },
  // In the district's own time zone; the representative is named by the code of their representative role.
  receptionDays: {
    alias: 'd',
    sql: `SELECT d.id, json_build_array(st.code, rep.code,
            to_char((d."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE z.zone, 'YYYY-MM-DD'), to_char((d."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE z.zone, 'HH24:MI'),
            to_char((d."endsAt" AT TIME ZONE 'UTC') AT TIME ZONE z.zone, 'HH24:MI'), d."noteZh", d."noteEn") AS cells
          FROM "ReceptionDay" d JOIN "Station" st ON st.id = d."stationId" AND st.active
          CROSS JOIN LATERAL (SELECT r.code FROM "StaffRole" r WHERE r."personId" = d."representativeId" AND r.kind = 'REPRESENTATIVE' AND r."revokedAt" IS NULL
            ORDER BY r."stationId" = d."stationId" DESC, r.code LIMIT 1) rep
          CROSS JOIN LATERAL (SELECT coalesce((
            WITH RECURSIVE up(id, "parentId", kind, "timeZone") AS (SELECT id, "parentId", kind, "timeZone" FROM "Region" WHERE id = st."regionId"
              UNION ALL SELECT r.id, r."parentId", r.kind, r."timeZone" FROM "Region" r JOIN up ON r.id = up."parentId")
            SELECT "timeZone" FROM up WHERE kind = 'DISTRICT' LIMIT 1), 'Asia/Shanghai') AS zone) z
          WHERE true`,
  },
  agencies: {
    alias: 'a',
    sql: `SELECT a.id, json_build_array(a.code, a."nameZh", a."nameEn", r.code) AS cells
          FROM "Agency" a LEFT JOIN "Region" r ON r.id = a."regionId" WHERE a.active`,
  },
  categories: {
    alias: 'c',
    sql: `SELECT c.id, json_build_array(c.code, c."nameZh", c."nameEn", c."sortOrder", c."stageLimits") AS cells FROM "Category" c WHERE c.active`,
  },
};

async function* sheetRows(prisma: PrismaClient, kind: SheetKind): AsyncIterable<CellValue[]> {
  const { alias, sql, enums = {} } = queries[kind];
  const paged = `${sql} AND ${alias}.id > $1 ORDER BY ${alias}.id LIMIT ${PAGE}`;
  for (let after = 0; ; ) {
    const rows = await prisma.$queryRawUnsafe<{ id: number; cells: unknown[] }[]>(paged, after);
    for (const row of rows) {
      const cells = row.cells.map((value, index) => cell(value, enums[index]));
      yield kind === 'categories' ? categoryCells(cells, row.cells[4]) : cells;
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

function cell(value: unknown, enumeration: Enumeration | undefined): CellValue {
  if (typeof value === 'string') return enumeration ? enumCell(enumeration, value) : value;
  return typeof value === 'number' ? value : null;
}

/** The category's stage limits, spread over an amount and a unit column per stage. */
function categoryCells([code, nameZh, nameEn, sortOrder]: CellValue[], limits: unknown): CellValue[] {
  const policies = (Array.isArray(limits) ? limits : []) as Pick<StagePolicy, 'stage' | 'limit'>[];
  const limitCells = STAGES.flatMap((stage) => {
    const policy = policies.find((candidate) => candidate.stage === stage);
    return policy ? [policy.limit.amount, enumCell(LIMIT_UNIT_LABELS, policy.limit.unit)] : [null, null];
  });
  return [code ?? null, nameZh ?? null, nameEn ?? null, sortOrder ?? null, ...limitCells];
}

export async function exportNetwork(prisma: PrismaClient, target: string | Writable): Promise<void> {
  await writeNetworkWorkbook(target, (kind) => sheetRows(prisma, kind));
}
