// 督办: what an admin may reassign an overdue case to (改派). The action itself, and
// 催办, go through applyOpinionAction (actions `reassign` and `chase`).
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { agenciesServing } from '../staff/directory.js';
import type { Actor } from './lifecycle.js';
import { listAvailableActions } from './opinion-views.js';

export interface ReassignOptions {
  trackingNo: string;
  /** The station's other officers. */
  officers: { id: number; name: string }[];
  /** Other active agencies, when the case is with an agency now. */
  agencies: { id: number; nameZh: string; nameEn: string }[];
}

/** Whom this admin may give the case to; DomainError('forbidden') when they may not reassign it. */
export async function reassignOptions(deps: Pick<DomainDeps, 'prisma' | 'clock'>, input: { opinionId: number; actor: Actor }): Promise<ReassignOptions> {
  if (!(await listAvailableActions(deps, input)).includes('reassign')) throw new DomainError('forbidden', 'error-forbidden');
  const opinion = await deps.prisma.opinion.findUniqueOrThrow({ where: { id: input.opinionId } });
  const roles = await deps.prisma.staffRole.findMany({
    where: { kind: 'LIAISON_OFFICER', stationId: opinion.stationId, revokedAt: null, person: { erasedAt: null }, ...(opinion.assignedOfficerId ? { personId: { not: opinion.assignedOfficerId } } : {}) },
    select: { person: { select: { id: true, displayName: true } } },
    orderBy: { personId: 'asc' },
  });
  const officers = [...new Map(roles.map(({ person }) => [person.id, { id: person.id, name: person.displayName ?? `#${person.id}` }])).values()];
  const withAgency = opinion.disposition === 'REFERRED' && opinion.stage === 'HANDLING';
  const agencies = withAgency
    ? (await agenciesServing(deps, opinion)).filter((agency) => agency.id !== opinion.agencyId)
    : [];
  return { trackingNo: opinion.trackingNo, officers, agencies };
}
