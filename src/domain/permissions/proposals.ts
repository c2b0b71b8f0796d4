// Who may do what to a proposal: its representative submits, confirms, withdraws and
// evaluates it; a district admin (代表工委) of its district assigns it and marks it key;
// the handlers of its lead agency answer it and mark it implemented, those of lead and
// co-handling agencies report progress; the system asks for the yearly second evaluation.
// The district is that of the proposal's station, judged as for opinions (stationRegionPath).
import type { ProposalAgencyRole, StaffRoleKind } from '../../generated/prisma/client.js';
import type { PrismaClient } from '../../db/database.js';
import type { Tx } from '../deps.js';
import { DomainError } from '../errors.js';
import type { ProposalActionType } from '../proposals/lifecycle.js';
import { isDistrictAdminOf, stationRegionPath, type ActorRole, type Principal } from './index.js';

export interface ProposalScope {
  representativeId: number;
  agencies: readonly { agencyId: number; role: ProposalAgencyRole }[];
  /** The region of the proposal's station and its ancestors (… → district). */
  regionPath: readonly number[];
}

export async function loadProposalScope(
  db: Tx | PrismaClient,
  proposal: { representativeId: number; stationId: number; agencies: readonly { agencyId: number; role: ProposalAgencyRole }[] },
): Promise<ProposalScope> {
  return {
    representativeId: proposal.representativeId,
    agencies: proposal.agencies.map(({ agencyId, role }) => ({ agencyId, role })),
    regionPath: await stationRegionPath(db, proposal.stationId),
  };
}

const REPRESENTATIVE_PROPOSAL_ACTIONS: readonly ProposalActionType[] = ['confirm', 'decline', 'withdraw', 'evaluateFirst', 'evaluateSecond'];
const ADMIN_PROPOSAL_ACTIONS: readonly ProposalActionType[] = ['assign', 'markKey'];
const LEAD_AGENCY_ACTIONS: readonly ProposalActionType[] = ['answer', 'markImplemented', 'progress'];
const CO_AGENCY_ACTIONS: readonly ProposalActionType[] = ['progress'];
const SYSTEM_PROPOSAL_ACTIONS: readonly ProposalActionType[] = ['askSecondEvaluation'];

export const ALL_PROPOSAL_ACTIONS: readonly ProposalActionType[] = [
  ...new Set([...REPRESENTATIVE_PROPOSAL_ACTIONS, ...ADMIN_PROPOSAL_ACTIONS, ...LEAD_AGENCY_ACTIONS, ...SYSTEM_PROPOSAL_ACTIONS]),
];

function agencyRoleFor(principal: Principal, scope: ProposalScope): ProposalAgencyRole | null {
  const agencies = new Set(principal.roles.filter((role) => role.kind === 'AGENCY_HANDLER').map((role) => role.agencyId));
  const held = scope.agencies.filter((agency) => agencies.has(agency.agencyId)).map((agency) => agency.role);
  return held.includes('LEAD') ? 'LEAD' : held.includes('CO') ? 'CO' : null;
}

/** The role under which the principal may take this action on this proposal, or null. */
export function proposalActingRole(principal: Principal, action: ProposalActionType, scope: ProposalScope): ActorRole | null {
  if (principal.actor.kind === 'system') return SYSTEM_PROPOSAL_ACTIONS.includes(action) ? 'SYSTEM' : null;
  const personId = principal.actor.personId;
  const holds = (kind: StaffRoleKind) => principal.roles.some((role) => role.kind === kind);
  if (REPRESENTATIVE_PROPOSAL_ACTIONS.includes(action)) return scope.representativeId === personId && holds('REPRESENTATIVE') ? 'REPRESENTATIVE' : null;
  if (ADMIN_PROPOSAL_ACTIONS.includes(action)) return principal.roles.some((role) => isDistrictAdminOf(role, scope.regionPath)) ? 'DISTRICT_ADMIN' : null;
  const agencyRole = agencyRoleFor(principal, scope);
  if (agencyRole === 'LEAD' && LEAD_AGENCY_ACTIONS.includes(action)) return 'AGENCY_HANDLER';
  if (agencyRole === 'CO' && CO_AGENCY_ACTIONS.includes(action)) return 'AGENCY_HANDLER';
  return null;
}

export function assertCanOnProposal(principal: Principal, action: ProposalActionType, scope: ProposalScope): ActorRole {
  const role = proposalActingRole(principal, action, scope);
  if (!role) throw new DomainError('forbidden', 'error-forbidden', { action });
  return role;
}

/** May the principal look at the proposal: its representative, its district's admins, its agencies, its supervisor. */
export function canViewProposal(principal: Principal, scope: ProposalScope & { supervisorId: number | null }): boolean {
  if (principal.actor.kind === 'system') return true;
  const personId = principal.actor.personId;
  return (
    scope.representativeId === personId ||
    scope.supervisorId === personId ||
    principal.roles.some((role) => isDistrictAdminOf(role, scope.regionPath)) ||
    agencyRoleFor(principal, scope) !== null
  );
}
