// What people read about proposals: the list each role works from, one proposal with
// the actions the reader may take on it now, and the line a resident sees in /my.
import type { Prisma, ProposalAgencyRole, ProposalAnswerClass, ProposalEventType, ProposalStage, Rating } from '../../generated/prisma/client.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import type { Actor } from '../opinions/lifecycle.js';
import { districtAdminStations, districtAdminWhere, loadPrincipal, stationRegionPath } from '../permissions/index.js';
import { agenciesServing, type Named } from '../staff/directory.js';
import { ALL_PROPOSAL_ACTIONS, canViewProposal, loadProposalScope, proposalActingRole } from '../permissions/proposals.js';
import type { ProposalActionType } from './lifecycle.js';
import { isProposalTransitionAllowed } from './transitions.js';

export const PROPOSAL_LIST_SIZE = 10;

export interface ProposalListItem {
  id: number;
  number: string;
  title: string;
  stage: ProposalStage;
  round: number;
  isKey: boolean;
  answerDueAt: Date | null;
}

/**
 * The proposals a person works on: a representative's own, and for a district admin
 * and agency handlers the open ones before them (their district's / their agency's).
 */
export async function listProposalsFor(
  deps: Pick<DomainDeps, 'prisma'>,
  input: { personId: number; skip?: number },
): Promise<{ items: ProposalListItem[]; total: number }> {
  const { roles } = await loadPrincipal(deps.prisma, { kind: 'person', personId: input.personId });
  const agencyIds = roles.flatMap((role) => (role.kind === 'AGENCY_HANDLER' && role.agencyId !== null ? [role.agencyId] : []));
  const visible: Prisma.ProposalWhereInput[] = [{ representativeId: input.personId }, { supervisorId: input.personId }];
  const adminStations = await districtAdminStations(deps.prisma, roles);
  if (adminStations) visible.push({ stage: { not: 'CLOSED' }, station: adminStations });
  if (agencyIds.length > 0) visible.push({ stage: { not: 'CLOSED' }, agencies: { some: { agencyId: { in: agencyIds } } } });
  const where: Prisma.ProposalWhereInput = { OR: visible };
  const [rows, total] = await Promise.all([
    deps.prisma.proposal.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: input.skip ?? 0,
      take: PROPOSAL_LIST_SIZE,
      select: { id: true, number: true, title: true, stage: true, round: true, isKey: true, answerDueAt: true },
    }),
    deps.prisma.proposal.count({ where }),
  ]);
  return { items: rows, total };
}

export interface ProposalView {
  id: number;
  number: string;
  title: string;
  text: string;
  stage: ProposalStage;
  round: number;
  version: number;
  representativeName: string | null;
  supervisorName: string | null;
  isKey: boolean;
  assignedAt: Date | null;
  answerDueAt: Date | null;
  answeredAt: Date | null;
  answerClass: ProposalAnswerClass | null;
  answerText: string | null;
  implementedAt: Date | null;
  agencies: { role: ProposalAgencyRole; nameZh: string; nameEn: string }[];
  opinions: string[];
  evaluations: { kind: 'FIRST' | 'SECOND'; round: number; rating: Rating }[];
  events: { type: ProposalEventType; at: Date; round: number; note: string | null }[];
  /** What the reader may do now. */
  actions: ProposalActionType[];
}

export async function getProposalView(deps: Pick<DomainDeps, 'prisma'>, input: { proposalId: number; actor: Actor }): Promise<ProposalView> {
  const proposal = await deps.prisma.proposal.findUnique({
    where: { id: input.proposalId },
    include: {
      representative: { select: { displayName: true } },
      supervisor: { select: { displayName: true } },
      agencies: { include: { agency: { select: { nameZh: true, nameEn: true } } }, orderBy: { role: 'asc' } },
      opinions: { select: { trackingNo: true }, orderBy: { id: 'asc' } },
      evaluations: { select: { kind: true, round: true, rating: true }, orderBy: { id: 'asc' } },
      events: { select: { type: true, at: true, round: true, note: true }, orderBy: { id: 'asc' } },
    },
  });
  const principal = await loadPrincipal(deps.prisma, input.actor);
  const scope = proposal ? await loadProposalScope(deps.prisma, proposal) : null;
  if (!proposal || !scope || !canViewProposal(principal, { ...scope, supervisorId: proposal.supervisorId })) throw new DomainError('not-found', 'error-proposal-not-found');
  return {
    id: proposal.id,
    number: proposal.number,
    title: proposal.title,
    text: proposal.text,
    stage: proposal.stage,
    round: proposal.round,
    version: proposal.version,
    representativeName: proposal.representative.displayName,
    supervisorName: proposal.supervisor?.displayName ?? null,
    isKey: proposal.isKey,
    assignedAt: proposal.assignedAt,
    answerDueAt: proposal.answerDueAt,
    answeredAt: proposal.answeredAt,
    answerClass: proposal.answerClass,
    answerText: proposal.answerText,
    implementedAt: proposal.implementedAt,
    agencies: proposal.agencies.map(({ role, agency }) => ({ role, ...agency })),
    opinions: proposal.opinions.map((opinion) => opinion.trackingNo),
    evaluations: proposal.evaluations,
    events: proposal.events,
    actions: ALL_PROPOSAL_ACTIONS.filter((action) => action !== 'askSecondEvaluation' && proposalActingRole(principal, action, scope) !== null && isProposalTransitionAllowed(proposal, action)),
  };
}

/** The proposal a resident's opinion fed, as /my shows it; null when it fed none (or is not theirs). */
export async function proposalOfResidentOpinion(
  deps: Pick<DomainDeps, 'prisma'>,
  input: { residentId: number; opinionId: number },
): Promise<{ number: string; stage: ProposalStage } | null> {
  const opinion = await deps.prisma.opinion.findFirst({
    where: { id: input.opinionId, residentId: input.residentId },
    select: { proposal: { select: { number: true, stage: true } } },
  });
  return opinion?.proposal ?? null;
}

async function stationOfProposal(deps: Pick<DomainDeps, 'prisma'>, proposalId: number): Promise<number> {
  const proposal = await deps.prisma.proposal.findUnique({ where: { id: proposalId }, select: { stationId: true } });
  if (!proposal) throw new DomainError('not-found', 'error-proposal-not-found');
  return proposal.stationId;
}

/** The agencies the proposal may be assigned to: those serving its station's district. */
export async function agenciesForProposal(deps: Pick<DomainDeps, 'prisma'>, input: { proposalId: number }): Promise<Named[]> {
  return agenciesServing(deps, { stationId: await stationOfProposal(deps, input.proposalId) });
}

/** The admins of the proposal's district, who may supervise it as a key proposal (领衔督办). */
export async function listSupervisors(deps: Pick<DomainDeps, 'prisma'>, input: { proposalId: number }): Promise<{ id: number; name: string }[]> {
  const path = await stationRegionPath(deps.prisma, await stationOfProposal(deps, input.proposalId));
  const people = await deps.prisma.person.findMany({
    where: { erasedAt: null, roles: { some: districtAdminWhere(path) } },
    select: { id: true, displayName: true },
    orderBy: { id: 'asc' },
  });
  return people.map((person) => ({ id: person.id, name: person.displayName ?? String(person.id) }));
}

/** Proposals awaiting the second evaluation: the yearly job asks their representatives. */
export async function proposalsAwaitingSecondEvaluation(deps: Pick<DomainDeps, 'prisma'>): Promise<number[]> {
  const rows = await deps.prisma.proposal.findMany({ where: { stage: 'IMPLEMENTING' }, select: { id: true }, orderBy: { id: 'asc' } });
  return rows.map((row) => row.id);
}
