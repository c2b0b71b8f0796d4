// Who manages whom: an admin's authority over a staff scope (a station, an agency or a
// region), judged on the region tree district → street/town → community/village.
// A street admin manages what lies within their street; a district admin everything
// within their district. Only district admins appoint district admins.
import type { StaffRole, StaffRoleKind } from '../../generated/prisma/client.js';
import { DomainError } from '../errors.js';
import type { Tx } from '../deps.js';
import type { PrismaClient } from '../../db/database.js';

export const ADMIN_ROLE_KINDS: readonly StaffRoleKind[] = ['STREET_ADMIN', 'DISTRICT_ADMIN'];

/** Region id → parent id, loaded once per request (a district has at most a few hundred regions). */
export type RegionTree = ReadonlyMap<number, number | null>;

export async function loadRegionTree(db: Tx | PrismaClient): Promise<RegionTree> {
  const regions = await db.region.findMany({ select: { id: true, parentId: true } });
  return new Map(regions.map((region) => [region.id, region.parentId]));
}

export function isWithinRegion(tree: RegionTree, regionId: number, ancestorId: number): boolean {
  // The tree is shallow; the bound only guards against a corrupted cycle.
  let current: number | null | undefined = regionId;
  for (let depth = 0; current !== null && current !== undefined && depth < 16; depth++) {
    if (current === ancestorId) return true;
    current = tree.get(current);
  }
  return false;
}

/** The regions within any of these (each one itself included). */
export function regionsWithin(tree: RegionTree, ancestorIds: readonly number[]): number[] {
  return [...tree.keys()].filter((regionId) => ancestorIds.some((ancestorId) => isWithinRegion(tree, regionId, ancestorId)));
}

/** Where a role or invitation applies: its kind and the region its scope lies in. */
export interface ScopeLocation {
  kind: StaffRoleKind;
  /** The region of the station, the agency or the region itself; null for a district-wide agency without one. */
  regionId: number | null;
}

export function canManage(tree: RegionTree, adminRoles: readonly Pick<StaffRole, 'kind' | 'regionId'>[], target: ScopeLocation): boolean {
  return adminRoles.some((role) => {
    // A scope without a region (an agency serving the whole district) is a district admin's.
    if (role.kind === 'DISTRICT_ADMIN') return role.regionId === null || target.regionId === null || isWithinRegion(tree, target.regionId, role.regionId);
    if (role.kind === 'STREET_ADMIN') {
      return target.kind !== 'DISTRICT_ADMIN' && role.regionId !== null && target.regionId !== null && isWithinRegion(tree, target.regionId, role.regionId);
    }
    return false;
  });
}

/** The admin's active admin roles; none means the person may not manage staff at all. */
export async function requireAdminRoles(db: Tx | PrismaClient, personId: number): Promise<StaffRole[]> {
  const roles = await db.staffRole.findMany({ where: { personId, revokedAt: null, kind: { in: [...ADMIN_ROLE_KINDS] } } });
  if (roles.length === 0) throw new DomainError('forbidden', 'error-forbidden');
  return roles;
}

/** The region a scope lies in, from the rows a role or an invitation points at. */
export function scopeRegionId(scope: { station?: { regionId: number } | null; agency?: { regionId: number | null } | null; regionId: number | null }): number | null {
  return scope.station?.regionId ?? scope.agency?.regionId ?? scope.regionId;
}

/** Where a role or an invitation lies, as loaded with its station and agency. */
export type ScopedRow = Parameters<typeof scopeRegionId>[0] & { kind: StaffRoleKind };

/**
 * The admin's authority as a predicate over places (`{ kind, regionId }`) and over roles
 * or invitations; refuses a person who is no admin. Loads their roles and the tree once.
 */
export async function adminAuthority(db: Tx | PrismaClient, adminId: number) {
  const roles = await requireAdminRoles(db, adminId);
  const tree = await loadRegionTree(db);
  return {
    mayManage: (target: ScopeLocation) => canManage(tree, roles, target),
    mayManageRow: (row: ScopedRow) => canManage(tree, roles, { kind: row.kind, regionId: scopeRegionId(row) }),
  };
}
