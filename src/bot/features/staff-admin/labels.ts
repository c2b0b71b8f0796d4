import type { StaffRoleKind } from '../../../generated/prisma/client.js';

/** `staff-role-liaison-officer` etc. */
export function roleLabel(t: (key: string) => string, kind: StaffRoleKind): string {
  return t(`staff-role-${kind.toLowerCase().replaceAll('_', '-')}`);
}
