// Who may do what to which opinion, from the actor's active (non-revoked) staff roles.
// Scopes: a liaison officer their station(s); a representative escalations at their
// station, and answer on the spot what they recorded themselves (at a reception or a
// visit); an agency handler what is currently referred to their agency (agency actions
// only); a street admin everything within their street / town; a district admin
// everything within the district; the resident only evaluates their own opinion; the
// system only runs the deadline jobs. Admins may take every officer action in scope.
import { Prisma, type Disposition, type StaffRole, type StaffRoleKind } from '../../generated/prisma/client.js';
import type { PrismaClient } from '../../db/database.js';
import type { Tx } from '../deps.js';
import { DomainError } from '../errors.js';
import { loadRegionTree, regionsWithin } from '../staff/scope.js';
import type { Actor, OpinionActionType } from '../opinions/lifecycle.js';

/** The role an action is recorded under (OpinionEvent.actorRole). */
export type ActorRole = StaffRoleKind | 'RESIDENT' | 'SYSTEM';

/** An actor with the roles that count now. */
export interface Principal {
  actor: Actor;
  roles: readonly Pick<StaffRole, 'kind' | 'stationId' | 'agencyId' | 'regionId'>[];
}

/** What permissions depend on: where the opinion is, whose it is, who handles it. */
export interface OpinionScope {
  residentId: number | null;
  stationId: number;
  /** The station's region and its ancestors (community → street/town → district). */
  regionPath: readonly number[];
  agencyId: number | null;
  disposition: Disposition | null;
  /** The representative who recorded it on a resident's behalf, if any. */
  recordedById?: number | null;
}

type Db = Tx | PrismaClient;

export const OFFICER_ACTIONS: readonly OpinionActionType[] = [
  'acknowledge', 'classify', 'answer', 'refer', 'escalate', 'decline', 'merge', 'progress', 'clarify', 'submitResult', 'deliverResult',
];
export const AGENCY_ACTIONS: readonly OpinionActionType[] = ['handBack', 'progress', 'requestClarification', 'submitResult'];
export const REPRESENTATIVE_ACTIONS: readonly OpinionActionType[] = ['progress', 'submitResult'];
/** What a representative may do with an opinion they recorded: answer it on the spot (it acknowledges first). */
export const RECORDER_ACTIONS: readonly OpinionActionType[] = ['acknowledge', 'answer'];
/** 督办: street and district admins chase and reassign overdue work in their scope. */
export const ADMIN_ACTIONS: readonly OpinionActionType[] = ['chase', 'reassign'];
export const RESIDENT_ACTIONS: readonly OpinionActionType[] = ['evaluate', 'explainDissatisfaction'];
/** The jobs; explainDissatisfaction when the resident's reason did not come in time. */
export const SYSTEM_ACTIONS: readonly OpinionActionType[] = ['expireEvaluation', 'remindDeadline', 'deadlineStep', 'explainDissatisfaction'];

const ESCALATIONS: readonly Disposition[] = ['PROPOSAL', 'SUPERVISION'];

/** When several roles allow an action, it is recorded under the closest one. */
const ROLE_PREFERENCE: readonly StaffRoleKind[] = ['LIAISON_OFFICER', 'REPRESENTATIVE', 'AGENCY_HANDLER', 'STREET_ADMIN', 'DISTRICT_ADMIN'];

export async function loadPrincipal(db: Db, actor: Actor): Promise<Principal> {
  if (actor.kind === 'system') return { actor, roles: [] };
  const person = await db.person.findUnique({
    where: { id: actor.personId },
    select: { erasedAt: true, roles: { where: { revokedAt: null }, select: { kind: true, stationId: true, agencyId: true, regionId: true } } },
  });
  // An unknown or erased person holds nothing (and can act on nothing).
  if (!person || person.erasedAt) return { actor, roles: [] };
  return { actor, roles: person.roles };
}

/** The region and its ancestors as `up` (id, depth): nearest first by depth. */
function ancestorsOf(regionId: number) {
  // The tree is shallow; the bound only guards against a corrupted cycle.
  return Prisma.sql`
    WITH RECURSIVE up(id, "parentId", depth) AS (
      SELECT id, "parentId", 1 FROM "Region" WHERE id = ${regionId}
      UNION ALL
      SELECT r.id, r."parentId", up.depth + 1 FROM "Region" r JOIN up ON r.id = up."parentId" WHERE up.depth < 16)`;
}

/** The region and its ancestors, nearest first: one query for the whole path (every workflow action loads it). */
export async function regionPath(db: Db, regionId: number): Promise<number[]> {
  const path = await db.$queryRaw<{ id: number }[]>`${ancestorsOf(regionId)} SELECT id FROM up ORDER BY depth`;
  return path.length > 0 ? path.map((region) => region.id) : [regionId];
}

/** The region path of a station: its region, then the ancestors. */
export async function stationRegionPath(db: Db, stationId: number): Promise<number[]> {
  const station = await db.station.findUniqueOrThrow({ where: { id: stationId }, select: { regionId: true } });
  return regionPath(db, station.regionId);
}

/** A district admin role over this region path (no region: every district). */
export function isDistrictAdminOf(role: Pick<StaffRole, 'kind' | 'regionId'>, path: readonly number[]): boolean {
  return role.kind === 'DISTRICT_ADMIN' && (role.regionId === null || path.includes(role.regionId));
}

/**
 * The stations a person's district admin roles reach, as a Station filter: null with no
 * such role, {} (every station) with one without a region.
 */
export async function districtAdminStations(db: Db, roles: Principal['roles']): Promise<Prisma.StationWhereInput | null> {
  const districts = roles.flatMap((role) => (role.kind === 'DISTRICT_ADMIN' ? [role.regionId] : []));
  if (districts.length === 0) return null;
  if (districts.includes(null)) return {};
  return { regionId: { in: regionsWithin(await loadRegionTree(db), districts.filter((id) => id !== null)) } };
}

/**
 * Active agencies that serve a place on this region path: an agency bound to the district,
 * street or city around it, or to no region (serves every district). An officer refers a
 * case, and an admin assigns a proposal, only to these.
 */
export function agenciesServingWhere(path: readonly number[]) {
  return { active: true, ...boundToPathOrNowhere(path) };
}

/** The same as a StaffRole filter: active district admin roles over this region path. */
export function districtAdminWhere(path: readonly number[]) {
  return { kind: 'DISTRICT_ADMIN' as const, revokedAt: null, ...boundToPathOrNowhere(path) };
}

/** Rows whose region lies on the path, or that have none (they hold everywhere). */
function boundToPathOrNowhere(path: readonly number[]) {
  return { OR: [{ regionId: null }, { regionId: { in: [...path] } }] };
}

export async function loadOpinionScope(
  db: Db,
  opinion: { residentId: number | null; stationId: number; agencyId: number | null; disposition: Disposition | null; recordedById?: number | null; station?: { regionId: number } },
): Promise<OpinionScope> {
  const regionId = opinion.station?.regionId ?? (await db.station.findUniqueOrThrow({ where: { id: opinion.stationId }, select: { regionId: true } })).regionId;
  return scopeOf(opinion, await regionPath(db, regionId));
}

type ScopedOpinion = Parameters<typeof loadOpinionScope>[1];

function scopeOf(opinion: ScopedOpinion, path: readonly number[]): OpinionScope {
  return {
    residentId: opinion.residentId,
    stationId: opinion.stationId,
    regionPath: path,
    agencyId: opinion.agencyId,
    disposition: opinion.disposition,
    recordedById: opinion.recordedById ?? null,
  };
}

/**
 * loadOpinionScope and loadPrincipal in one statement, for an opinion loaded with its
 * station: every opinion action needs both before anything else.
 */
export async function loadScopeAndPrincipal(
  db: Db,
  opinion: ScopedOpinion & { station: { regionId: number } },
  actor: Actor,
): Promise<{ scope: OpinionScope; principal: Principal }> {
  const regionId = opinion.station.regionId;
  const personId = actor.kind === 'person' ? actor.personId : null;
  const [row] = await db.$queryRaw<{ path: number[] | null; roles: Principal['roles'] | null }[]>`${ancestorsOf(regionId)}
    SELECT (SELECT array_agg(id ORDER BY depth) FROM up) AS path,
      (SELECT coalesce(json_agg(json_build_object('kind', r."kind", 'stationId', r."stationId", 'agencyId', r."agencyId", 'regionId', r."regionId")), '[]')
         FROM "StaffRole" r WHERE r."personId" = p.id AND r."revokedAt" IS NULL) AS roles
    FROM (SELECT 1) AS one LEFT JOIN "Person" p ON p.id = ${personId} AND p."erasedAt" IS NULL`;
  return {
    scope: scopeOf(opinion, row?.path?.length ? row.path : [regionId]),
    // An unknown or erased person holds nothing (and can act on nothing); the system holds no roles.
    principal: { actor, roles: row?.roles ?? [] },
  };
}

function roleCovers(role: Principal['roles'][number], action: OpinionActionType, scope: OpinionScope, personId: number): boolean {
  switch (role.kind) {
    case 'LIAISON_OFFICER':
    case 'STREET_ADMIN':
    case 'DISTRICT_ADMIN': {
      const isAdmin = role.kind !== 'LIAISON_OFFICER';
      if (!OFFICER_ACTIONS.includes(action) && !(isAdmin && ADMIN_ACTIONS.includes(action))) return false;
      // A referred case's result is the agency's to submit.
      if (action === 'submitResult' && scope.disposition === 'REFERRED') return false;
      if (role.kind === 'LIAISON_OFFICER') return role.stationId === scope.stationId;
      if (role.kind === 'STREET_ADMIN') return role.regionId !== null && scope.regionPath.includes(role.regionId);
      return isDistrictAdminOf(role, scope.regionPath);
    }
    case 'AGENCY_HANDLER':
      return AGENCY_ACTIONS.includes(action) && scope.disposition === 'REFERRED' && role.agencyId !== null && role.agencyId === scope.agencyId;
    case 'REPRESENTATIVE':
      if (RECORDER_ACTIONS.includes(action) && scope.recordedById === personId) return true;
      return (
        REPRESENTATIVE_ACTIONS.includes(action) &&
        scope.disposition !== null &&
        ESCALATIONS.includes(scope.disposition) &&
        role.stationId !== null &&
        role.stationId === scope.stationId
      );
  }
}

/** The role under which the principal may take this action on this opinion, or null. */
export function actingRole(principal: Principal, action: OpinionActionType, scope: OpinionScope): ActorRole | null {
  if (principal.actor.kind === 'system') return SYSTEM_ACTIONS.includes(action) ? 'SYSTEM' : null;
  const personId = principal.actor.personId;
  if (RESIDENT_ACTIONS.includes(action)) return scope.residentId !== null && scope.residentId === personId ? 'RESIDENT' : null;
  for (const kind of ROLE_PREFERENCE) {
    if (principal.roles.some((role) => role.kind === kind && roleCovers(role, action, scope, personId))) return kind;
  }
  return null;
}

export function can(principal: Principal, action: OpinionActionType, scope: OpinionScope): boolean {
  return actingRole(principal, action, scope) !== null;
}

/** The acting role; throws DomainError('forbidden') when there is none. */
export function assertCan(principal: Principal, action: OpinionActionType, scope: OpinionScope): ActorRole {
  const role = actingRole(principal, action, scope);
  if (!role) throw new DomainError('forbidden', 'error-forbidden', { action });
  return role;
}

/** Every action type this principal may take on this opinion, whatever its stage. */
export function permittedActions(principal: Principal, scope: OpinionScope): OpinionActionType[] {
  const all = [...new Set([...OFFICER_ACTIONS, ...ADMIN_ACTIONS, ...AGENCY_ACTIONS, ...RESIDENT_ACTIONS, ...SYSTEM_ACTIONS])];
  return all.filter((action) => can(principal, action, scope));
}

/**
 * The role in which the principal may look at the opinion, or null: staff who may
 * act on it (an agency also on what it handled before), and the resident who sent it.
 */
export function viewingRole(principal: Principal, scope: OpinionScope): ActorRole | null {
  if (principal.actor.kind === 'system') return 'SYSTEM';
  const personId = principal.actor.personId;
  for (const kind of ROLE_PREFERENCE) {
    const covers = principal.roles.some((role) => {
      if (role.kind !== kind) return false;
      if (kind === 'AGENCY_HANDLER') return role.agencyId !== null && role.agencyId === scope.agencyId;
      if (kind === 'REPRESENTATIVE') return role.stationId === scope.stationId || scope.recordedById === personId;
      return roleCovers(role, 'classify', scope, personId);
    });
    if (covers) return kind;
  }
  if (scope.residentId !== null && scope.residentId === personId) return 'RESIDENT';
  return null;
}
