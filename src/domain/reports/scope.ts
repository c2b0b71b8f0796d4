// Who sees which report: a district admin the whole district (null), a street admin
// their street(s) / town(s); anyone else none.
import type { StaffRole } from '../../generated/prisma/client.js';

export type ReportScope = number | null;

/** The scopes a person's active roles give, widest first; empty when they may see none. */
export function reportScopesOf(roles: readonly Pick<StaffRole, 'kind' | 'regionId' | 'revokedAt'>[]): ReportScope[] {
  const active = roles.filter((role) => role.revokedAt === null);
  if (active.some((role) => role.kind === 'DISTRICT_ADMIN')) return [null];
  const streets = active.filter((role) => role.kind === 'STREET_ADMIN' && role.regionId !== null).map((role) => role.regionId!);
  return [...new Set(streets)];
}
