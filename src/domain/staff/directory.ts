// What an admin sees of the staff structure: the roles they may hand out, the places
// they may bind them to, the staff within their scope, and revocation.
import type { StaffRole, StaffRoleKind } from '../../generated/prisma/client.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { agenciesServingWhere, stationRegionPath } from '../permissions/index.js';
import { SCOPE_OF_ROLE } from './invitations.js';
import { adminAuthority, requireAdminRoles } from './scope.js';

/** A bilingual name, picked by the adapter in the reader's language. */
export interface Named {
  id: number;
  nameZh: string;
  nameEn: string;
}

const ROLE_ORDER: readonly StaffRoleKind[] = ['LIAISON_OFFICER', 'REPRESENTATIVE', 'AGENCY_HANDLER', 'STREET_ADMIN', 'DISTRICT_ADMIN'];

export async function invitableRoleKinds(deps: DomainDeps, adminId: number): Promise<StaffRoleKind[]> {
  const roles = await requireAdminRoles(deps.prisma, adminId);
  const district = roles.some((role) => role.kind === 'DISTRICT_ADMIN');
  return ROLE_ORDER.filter((kind) => district || kind !== 'DISTRICT_ADMIN');
}

/** The stations, agencies or regions the admin may bind a role of this kind to. */
export async function invitationScopeOptions(deps: DomainDeps, input: { adminId: number; kind: StaffRoleKind }): Promise<Named[]> {
  const { mayManage } = await adminAuthority(deps.prisma, input.adminId);
  const allowed = (regionId: number | null) => mayManage({ kind: input.kind, regionId });
  const byName = { orderBy: [{ nameZh: 'asc' as const }] };
  switch (SCOPE_OF_ROLE[input.kind]) {
    case 'station':
      return (await deps.prisma.station.findMany({ where: { active: true }, ...byName })).filter((s) => allowed(s.regionId));
    case 'agency':
      return (await deps.prisma.agency.findMany({ where: { active: true }, ...byName })).filter((a) => allowed(a.regionId));
    case 'region': {
      const kinds = input.kind === 'DISTRICT_ADMIN' ? (['DISTRICT'] as const) : (['STREET', 'TOWN'] as const);
      return (await deps.prisma.region.findMany({ where: { kind: { in: [...kinds] } }, ...byName })).filter((r) => allowed(r.id));
    }
  }
}

export interface StaffEntry {
  roleId: number;
  kind: StaffRoleKind;
  personId: number;
  displayName: string | null;
  /** The station, agency or region the role is bound to. */
  scope: Named | null;
  grantedAt: Date;
}

export async function listStaff(deps: DomainDeps, input: { adminId: number }): Promise<StaffEntry[]> {
  const { mayManageRow } = await adminAuthority(deps.prisma, input.adminId);
  const roles = await deps.prisma.staffRole.findMany({
    where: { revokedAt: null },
    include: { person: true, station: true, agency: true, region: true },
    orderBy: [{ kind: 'asc' }, { createdAt: 'asc' }],
  });
  return roles
    .filter(mayManageRow)
    .map((role) => ({
      roleId: role.id,
      kind: role.kind,
      personId: role.personId,
      displayName: role.person.displayName,
      scope: role.station ?? role.agency ?? role.region,
      grantedAt: role.createdAt,
    }));
}

/** Revoked roles stop working at once: every update and every action reloads active roles. */
export async function revokeStaffRole(deps: DomainDeps, input: { adminId: number; roleId: number }): Promise<StaffRole> {
  return deps.prisma.$transaction(async (tx) => {
    const { mayManageRow } = await adminAuthority(tx, input.adminId);
    const role = await tx.staffRole.findUnique({ where: { id: input.roleId }, include: { station: true, agency: true } });
    if (!role) throw new DomainError('not-found', 'error-not-found');
    if (!mayManageRow(role)) throw new DomainError('forbidden', 'error-forbidden');
    if (role.personId === input.adminId) throw new DomainError('validation', 'staff-revoke-self');
    const revoked = await tx.staffRole.updateMany({ where: { id: role.id, revokedAt: null }, data: { revokedAt: deps.clock.now() } });
    if (revoked.count !== 1) throw new DomainError('invalid-transition', 'staff-already-revoked');
    return { ...role, revokedAt: deps.clock.now() };
  });
}

/** The catalogue staff pick from: active categories (in their order) and agencies. */
export async function activeCategories(deps: DomainDeps): Promise<Named[]> {
  return deps.prisma.category.findMany({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
}

/** The agencies a case or proposal of this station may go to (agenciesServingWhere), by name. */
export async function agenciesServing(deps: Pick<DomainDeps, 'prisma'>, input: { stationId: number }): Promise<Named[]> {
  const path = await stationRegionPath(deps.prisma, input.stationId);
  return deps.prisma.agency.findMany({ where: agenciesServingWhere(path), orderBy: [{ nameZh: 'asc' }] });
}
