// Merges the staged (and checked) rows into the network, set-based: per sheet one UPDATE of
// the rows that differ, one INSERT of the new ones and one UPDATE that deactivates what the
// file no longer lists within the importer's reach. What no statement touches stays as it
// is, so importing the same file twice changes nothing.
import { newInvitationCodes } from '../staff/invitations.js';
import type { SqlRunner } from '../../db/migrate.js';
import { execStatements, type ImportScope } from './checks.js';
import type { SheetKind } from './sheets.js';

export interface SheetChanges {
  added: number;
  changed: number;
  deactivated: number;
  /** A few codes of each, for the summary. */
  samples: { added: string[]; changed: string[]; deactivated: string[] };
}

export type NetworkChanges = Record<SheetKind, SheetChanges>;

export interface MergeInput {
  scope: ImportScope;
  now: Date;
  /** The importer, whose own roles an import never revokes; null for the CLI. */
  actorId: number | null;
  invitationExpiresAt: Date;
}

const SAMPLE = 10;
const STATION_ROLES = `('LIAISON_OFFICER', 'REPRESENTATIVE')`;

interface Counted {
  n: number;
  sample: string[];
}

async function counted(tx: SqlRunner, statement: string, params: unknown[] = []): Promise<Counted> {
  const [row] = (await tx.query<{ n: number; sample: string[] | null }>(
    `WITH x AS (${statement}) SELECT count(*)::int AS n, (array_agg(label ORDER BY label))[1:${SAMPLE}] AS sample FROM x`,
    params,
  )).rows;
  return { n: row!.n, sample: row!.sample ?? [] };
}

function changes(added: Counted[], changed: Counted[], deactivated: Counted[]): SheetChanges {
  const sum = (parts: Counted[]) => parts.reduce((total, part) => total + part.n, 0);
  const samples = (parts: Counted[]) => parts.flatMap((part) => part.sample).slice(0, SAMPLE);
  return {
    added: sum(added), changed: sum(changed), deactivated: sum(deactivated),
    samples: { added: samples(added), changed: samples(changed), deactivated: samples(deactivated) },
  };
}

export async function mergeNetwork(tx: SqlRunner, input: MergeInput): Promise<{ changes: NetworkChanges; invitationsIssued: number }> {
  const now = input.now.toISOString();
  const ts = (index: number) => `($${index}::timestamptz AT TIME ZONE 'UTC')`;
  const regions = await mergeRegions(tx);
  const scoped = input.scope.regionCodes !== null;
  await tx.query(`CREATE TEMP TABLE scope_region_ids (id int PRIMARY KEY) ON COMMIT DROP`);
  if (scoped) await tx.query(`INSERT INTO scope_region_ids SELECT id FROM "Region" WHERE code IN (SELECT code FROM regions_in_scope)`);
  const inScope = (regionId: string) => (scoped ? `${regionId} IN (SELECT id FROM scope_region_ids)` : 'true');
  const inScopeOrWide = (regionId: string) => `(${inScope(regionId)}${input.scope.districtWide ? ` OR ${regionId} IS NULL` : ''})`;

  const stations = await mergeStations(tx, inScope('t."regionId"'));
  const agencies = changes(
    [await counted(tx, `INSERT INTO "Agency"(code, "nameZh", "nameEn", "regionId") SELECT s.code, s."nameZh", s."nameEn", r.id FROM stage_agencies s LEFT JOIN "Region" r ON r.code = s.region
       WHERE NOT EXISTS (SELECT 1 FROM "Agency" t WHERE t.code = s.code) RETURNING code AS label`)],
    [await counted(tx, `UPDATE "Agency" t SET "nameZh" = s."nameZh", "nameEn" = s."nameEn", "regionId" = r.id, active = true FROM stage_agencies s LEFT JOIN "Region" r ON r.code = s.region
       WHERE t.code = s.code AND (t."nameZh", t."nameEn", t."regionId", t.active) IS DISTINCT FROM (s."nameZh", s."nameEn", r.id, true) RETURNING t.code AS label`)],
    [await counted(tx, `UPDATE "Agency" t SET active = false WHERE t.active AND ${inScopeOrWide('t."regionId"')} AND NOT EXISTS (SELECT 1 FROM stage_agencies s WHERE s.code = t.code) RETURNING t.code AS label`)],
  );
  // Categories are district-wide: only a district-wide importer reaches them.
  const categoryChanged = await counted(tx, `UPDATE "Category" t SET "nameZh" = s."nameZh", "nameEn" = s."nameEn", "sortOrder" = coalesce(s."sortOrder"::int, 0), "stageLimits" = s."stageLimits"::jsonb, active = true
       FROM stage_categories s WHERE t.code = s.code AND (t."nameZh", t."nameEn", t."sortOrder", t."stageLimits", t.active) IS DISTINCT FROM (s."nameZh", s."nameEn", coalesce(s."sortOrder"::int, 0), s."stageLimits"::jsonb, true) RETURNING t.code AS label`);
  const categories = changes(
    [await counted(tx, `INSERT INTO "Category"(code, "nameZh", "nameEn", "sortOrder", "stageLimits") SELECT s.code, s."nameZh", s."nameEn", coalesce(s."sortOrder"::int, 0), s."stageLimits"::jsonb FROM stage_categories s
       WHERE NOT EXISTS (SELECT 1 FROM "Category" t WHERE t.code = s.code) RETURNING code AS label`)],
    [categoryChanged],
    input.scope.districtWide ? [await counted(tx, `UPDATE "Category" t SET active = false WHERE t.active AND NOT EXISTS (SELECT 1 FROM stage_categories s WHERE s.code = t.code) RETURNING t.code AS label`)] : [],
  );

  const staff = await mergeStaff(tx, { ...input, ts, inScopeOrWide });
  const invitationsIssued = await issueInvitations(tx, input, ts);
  const receptionDays = await mergeReceptionDays(tx, now, ts, inScope('st."regionId"'));
  return { changes: { regions, stations, staff, receptionDays, agencies, categories }, invitationsIssued };
}

/** Parents before children: districts, then streets and towns, then communities and villages. */
async function mergeRegions(tx: SqlRunner): Promise<SheetChanges> {
  const added: Counted[] = [];
  const changed: Counted[] = [];
  for (const level of [['DISTRICT'], ['STREET', 'TOWN'], ['COMMUNITY', 'VILLAGE']]) {
    changed.push(
      await counted(tx, `UPDATE "Region" t SET kind = s.kind::"RegionKind", "nameZh" = s."nameZh", "nameEn" = s."nameEn", "parentId" = p.id, "timeZone" = coalesce(s."timeZone", t."timeZone")
         FROM stage_regions s LEFT JOIN "Region" p ON p.code = s.parent
         WHERE t.code = s.code AND s.kind = ANY($1::text[])
           AND (t.kind::text, t."nameZh", t."nameEn", t."parentId", t."timeZone") IS DISTINCT FROM (s.kind, s."nameZh", s."nameEn", p.id, coalesce(s."timeZone", t."timeZone"))
         RETURNING t.code AS label`, [level]),
    );
    added.push(
      await counted(tx, `INSERT INTO "Region"(code, kind, "nameZh", "nameEn", "parentId", "timeZone")
         SELECT s.code, s.kind::"RegionKind", s."nameZh", s."nameEn", p.id, coalesce(s."timeZone", 'Asia/Shanghai') FROM stage_regions s LEFT JOIN "Region" p ON p.code = s.parent
         WHERE s.kind = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM "Region" t WHERE t.code = s.code) RETURNING code AS label`, [level]),
    );
  }
  // Regions have no active flag and hold history: a region the file leaves out stays.
  return changes(added, changed, []);
}

/** Homes first, so that the stations and points of a new home find it. */
async function mergeStations(tx: SqlRunner, deactivateWithin: string): Promise<SheetChanges> {
  const added: Counted[] = [];
  const changed: Counted[] = [];
  const values = `s.tier::"StationTier", s."nameZh", s."nameEn", r.id, h.id, s."addressZh", s."addressEn", s.latitude::float8, s.longitude::float8, s."hoursZh", s."hoursEn", s.phone`;
  const from = `stage_stations s JOIN "Region" r ON r.code = s.region LEFT JOIN "Station" h ON h.code = s.home`;
  for (const homes of [true, false]) {
    const tier = `s.tier ${homes ? '=' : '<>'} 'HOME'`;
    changed.push(
      await counted(tx, `UPDATE "Station" t SET (tier, "nameZh", "nameEn", "regionId", "homeId", "addressZh", "addressEn", latitude, longitude, "openingHoursZh", "openingHoursEn", phone, active) = (${values}, true)
         FROM ${from} WHERE t.code = s.code AND ${tier}
           AND (t.tier, t."nameZh", t."nameEn", t."regionId", t."homeId", t."addressZh", t."addressEn", t.latitude, t.longitude, t."openingHoursZh", t."openingHoursEn", t.phone, t.active) IS DISTINCT FROM (${values}, true)
         RETURNING t.code AS label`),
    );
    added.push(
      await counted(tx, `INSERT INTO "Station"(code, tier, "nameZh", "nameEn", "regionId", "homeId", "addressZh", "addressEn", latitude, longitude, "openingHoursZh", "openingHoursEn", phone)
         SELECT s.code, ${values} FROM ${from} WHERE ${tier} AND NOT EXISTS (SELECT 1 FROM "Station" t WHERE t.code = s.code) RETURNING code AS label`),
    );
  }
  const deactivated = await counted(tx, `UPDATE "Station" t SET active = false WHERE t.active AND ${deactivateWithin} AND NOT EXISTS (SELECT 1 FROM stage_stations s WHERE s.code = t.code) RETURNING t.code AS label`);
  return changes(added, changed, [deactivated]);
}

/**
 * A staff row is a role held by a person. The person is found by the Telegram id the row
 * gives, else is the one who already holds the row's code; a new person without Telegram
 * is created to hold the role until they accept their invitation.
 */
async function mergeStaff(
  tx: SqlRunner,
  input: MergeInput & { ts: (index: number) => string; inScopeOrWide: (regionId: string) => string },
): Promise<SheetChanges> {
  const { ts } = input;
  const now = input.now.toISOString();
  await tx.query(
    `INSERT INTO "Person"("telegramId", "displayName", phone, "representativeLevel", "updatedAt")
     SELECT DISTINCT ON ("telegramId") "telegramId"::bigint, name, phone, level, ${ts(1)} FROM stage_staff WHERE "telegramId" IS NOT NULL ORDER BY "telegramId", "row"
     ON CONFLICT ("telegramId") DO NOTHING`,
    [now],
  );
  await execStatements(tx, `
    CREATE TEMP TABLE staff_people ON COMMIT DROP AS
    SELECT s.code, s."row", coalesce(p.id, r."personId") AS person_id, r.id IS NULL AS new_role, coalesce(p.id, r."personId") IS NULL AS new_person
    FROM stage_staff s LEFT JOIN "Person" p ON p."telegramId" = s."telegramId"::bigint LEFT JOIN "StaffRole" r ON r.code = s.code;
    UPDATE staff_people SET person_id = nextval(pg_get_serial_sequence('"Person"', 'id')) WHERE new_person;
    CREATE INDEX ON staff_people (code)`);
  await tx.query(
    `INSERT INTO "Person"(id, "displayName", phone, "representativeLevel", "updatedAt")
     SELECT sp.person_id, s.name, s.phone, s.level, ${ts(1)} FROM staff_people sp JOIN stage_staff s ON s.code = sp.code WHERE sp.new_person`,
    [now],
  );
  // The first row of a person says their name, phone and level.
  await execStatements(tx, `
    CREATE TEMP TABLE changed_staff (code text) ON COMMIT DROP;
    WITH x AS (
      UPDATE "Person" p SET "displayName" = s.name, phone = coalesce(s.phone, p.phone), "representativeLevel" = coalesce(s.level, p."representativeLevel"), "updatedAt" = now()
      FROM (SELECT DISTINCT ON (sp.person_id) sp.person_id, st.name, st.phone, st.level FROM staff_people sp JOIN stage_staff st ON st.code = sp.code WHERE NOT sp.new_person ORDER BY sp.person_id, sp."row") s
      WHERE p.id = s.person_id AND (p."displayName", p.phone, p."representativeLevel") IS DISTINCT FROM (s.name, coalesce(s.phone, p.phone), coalesce(s.level, p."representativeLevel"))
      RETURNING p.id)
    INSERT INTO changed_staff SELECT sp.code FROM staff_people sp JOIN x ON x.id = sp.person_id WHERE NOT sp.new_role`);

  const scopeColumns = `sp.person_id, s.role::"StaffRoleKind",
      CASE WHEN s.role IN ${STATION_ROLES} THEN st.id END, CASE WHEN s.role = 'AGENCY_HANDLER' THEN ag.id END, CASE WHEN s.role IN ('STREET_ADMIN', 'DISTRICT_ADMIN') THEN rg.id END`;
  const from = `stage_staff s JOIN staff_people sp ON sp.code = s.code
      LEFT JOIN "Station" st ON st.code = s.scope LEFT JOIN "Agency" ag ON ag.code = s.scope LEFT JOIN "Region" rg ON rg.code = s.scope`;
  await tx.query(
    `WITH x AS (
       UPDATE "StaffRole" t SET ("personId", kind, "stationId", "agencyId", "regionId", "revokedAt") = (${scopeColumns}, NULL)
       FROM ${from} WHERE t.code = s.code AND (t."personId", t.kind, t."stationId", t."agencyId", t."regionId", t."revokedAt") IS DISTINCT FROM (${scopeColumns}, NULL)
       RETURNING t.code)
     INSERT INTO changed_staff SELECT code FROM x`,
  );
  const changed = await counted(tx, `SELECT DISTINCT code AS label FROM changed_staff`);
  const added = await counted(
    tx,
    `INSERT INTO "StaffRole"(code, "personId", kind, "stationId", "agencyId", "regionId", "grantedById", "createdAt")
     SELECT s.code, ${scopeColumns}, ${input.actorId ?? 'NULL'}::int, ${ts(1)} FROM ${from} WHERE sp.new_role RETURNING code AS label`,
    [now],
  );
  const region = `coalesce((SELECT "regionId" FROM "Station" WHERE id = t."stationId"), (SELECT "regionId" FROM "Agency" WHERE id = t."agencyId"), t."regionId")`;
  const deactivated = await counted(
    tx,
    `UPDATE "StaffRole" t SET "revokedAt" = ${ts(1)} WHERE t."revokedAt" IS NULL AND ${input.inScopeOrWide(region)}
       AND (t.kind <> 'DISTRICT_ADMIN' OR ${input.scope.districtWide}) AND t."personId" IS DISTINCT FROM ${input.actorId ?? 'NULL'}::int
       AND NOT EXISTS (SELECT 1 FROM stage_staff s WHERE s.code = t.code) RETURNING t.code AS label`,
    [now],
  );
  return changes([added], [changed], [deactivated]);
}

/**
 * One open invitation per imported person not yet reachable on Telegram; invitations of
 * people left with no role are revoked.
 */
async function issueInvitations(tx: SqlRunner, input: MergeInput, ts: (index: number) => string): Promise<number> {
  await tx.query(
    `UPDATE "StaffInvitation" i SET "revokedAt" = ${ts(1)} WHERE i."personId" IS NOT NULL AND i."usedAt" IS NULL AND i."revokedAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "StaffRole" r WHERE r."personId" = i."personId" AND r."revokedAt" IS NULL)`,
    [input.now.toISOString()],
  );
  // The invitees stay in the database; only their number comes back, for as many codes.
  await tx.query(
    `CREATE TEMP TABLE invitees ON COMMIT DROP AS
     SELECT row_number() OVER (ORDER BY person_id) AS n, role_id FROM (
       SELECT DISTINCT ON (sp.person_id) sp.person_id, r.id AS role_id FROM staff_people sp JOIN "StaffRole" r ON r.code = sp.code JOIN "Person" p ON p.id = sp.person_id
       WHERE p."chatId" IS NULL AND p."erasedAt" IS NULL AND r."revokedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "StaffInvitation" i WHERE i."personId" = sp.person_id AND i."usedAt" IS NULL AND i."revokedAt" IS NULL AND i."expiresAt" > ${ts(1)})
       ORDER BY sp.person_id, sp."row") first_roles`,
    [input.now.toISOString()],
  );
  const [{ count } = { count: 0 }] = (await tx.query<{ count: number }>(`SELECT count(*)::int AS count FROM invitees`)).rows;
  if (count === 0) return 0;
  await tx.query(
    `INSERT INTO "StaffInvitation"(code, kind, "stationId", "agencyId", "regionId", "personId", "createdById", "expiresAt", "createdAt")
     SELECT c.code, r.kind, r."stationId", r."agencyId", r."regionId", r."personId", $2::int, ${ts(3)}, ${ts(4)}
     FROM unnest(string_to_array($1, ' ')) WITH ORDINALITY AS c(code, n) JOIN invitees v ON v.n = c.n JOIN "StaffRole" r ON r.id = v.role_id`,
    [newInvitationCodes(count).join(' '), input.actorId, input.invitationExpiresAt.toISOString(), input.now.toISOString()],
  );
  return count;
}

/**
 * Reception days are a schedule, keyed by station, representative and start. Future days the
 * file leaves out are removed; past ones are history and stay.
 */
async function mergeReceptionDays(tx: SqlRunner, now: string, ts: (index: number) => string, stationInScope: string): Promise<SheetChanges> {
  await execStatements(tx, `
    CREATE TEMP TABLE station_zone ON COMMIT DROP AS
    SELECT DISTINCT ON (a.code) a.code AS region, d."timeZone" AS zone FROM net_region_ancestors a JOIN "Region" d ON d.code = a.ancestor AND d.kind = 'DISTRICT' ORDER BY a.code;
    CREATE TEMP TABLE reception ON COMMIT DROP AS
    SELECT st.id AS station_id, r."personId" AS representative_id, s.station || ' ' || s.date || ' ' || s."from" AS label,
      ((s.date || ' ' || s."from")::timestamp AT TIME ZONE coalesce(z.zone, 'Asia/Shanghai')) AT TIME ZONE 'UTC' AS starts_at,
      ((s.date || ' ' || s."to")::timestamp AT TIME ZONE coalesce(z.zone, 'Asia/Shanghai')) AT TIME ZONE 'UTC' AS ends_at,
      s."noteZh" AS note_zh, s."noteEn" AS note_en
    FROM stage_receptionDays s JOIN "Station" st ON st.code = s.station JOIN "Region" rg ON rg.id = st."regionId"
      JOIN "StaffRole" r ON r.code = s.representative LEFT JOIN station_zone z ON z.region = rg.code;
    CREATE INDEX ON reception (station_id, starts_at, representative_id);
    ANALYZE reception`);
  const match = `t."stationId" = n.station_id AND t."representativeId" = n.representative_id AND t."startsAt" = n.starts_at`;
  const changed = await counted(
    tx,
    `UPDATE "ReceptionDay" t SET "endsAt" = n.ends_at, "noteZh" = n.note_zh, "noteEn" = n.note_en FROM reception n
     WHERE ${match} AND (t."endsAt", t."noteZh", t."noteEn") IS DISTINCT FROM (n.ends_at, n.note_zh, n.note_en) RETURNING n.label`,
  );
  // Counted before the insert, to name the new days in the district's local time as the file does.
  const added = await counted(tx, `SELECT label FROM reception n WHERE NOT EXISTS (SELECT 1 FROM "ReceptionDay" t WHERE ${match})`);
  await tx.query(
    `INSERT INTO "ReceptionDay"("stationId", "representativeId", "startsAt", "endsAt", "noteZh", "noteEn")
     SELECT station_id, representative_id, starts_at, ends_at, note_zh, note_en FROM reception n WHERE NOT EXISTS (SELECT 1 FROM "ReceptionDay" t WHERE ${match})`,
  );
  const removed = await counted(
    tx,
    `DELETE FROM "ReceptionDay" t USING "Station" st WHERE st.id = t."stationId" AND ${stationInScope} AND t."startsAt" >= ${ts(1)}
       AND NOT EXISTS (SELECT 1 FROM reception n WHERE ${match})
       AND NOT EXISTS (SELECT 1 FROM "Reception" held WHERE held."receptionDayId" = t.id) RETURNING st.code || ' ' || to_char(t."startsAt", 'YYYY-MM-DD HH24:MI') AS label`,
    [now],
  );
  return changes([added], [changed], [removed]);
}
