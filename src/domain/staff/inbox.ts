// What waits for a staff member: the officer's inbox and the agency handler's cases,
// oldest first, with overdue ones marked (an open deadline past due).
import type { OpinionEventType, OpinionStage, Prisma } from '../../generated/prisma/client.js';
import type { DomainDeps } from '../deps.js';

/** Why an item waits for the officer. */
export type InboxReason = 'acknowledge' | 'decide' | 'clarification' | 'review' | 'escalated';

export interface CaseListItem {
  opinionId: number;
  trackingNo: string;
  stage: OpinionStage;
  text: string;
  createdAt: Date;
  /** The earliest open deadline, if any. */
  dueAt: Date | null;
  overdue: boolean;
}

export interface InboxItem extends CaseListItem {
  reason: InboxReason;
}

// The events after which a referred case waits for the officer, and those that end the wait.
const HANDLING_TURN_EVENTS: OpinionEventType[] = ['CLARIFICATION_REQUESTED', 'CLARIFIED', 'RESULT_SUBMITTED', 'REFERRED', 'REOPENED', 'ESCALATED'];

const caseInclude = {
  deadlines: { where: { metAt: null, cancelledAt: null }, orderBy: { dueAt: 'asc' } },
  events: { where: { type: { in: HANDLING_TURN_EVENTS } }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 1 },
} satisfies Prisma.OpinionInclude;

type CaseRow = Prisma.OpinionGetPayload<{ include: typeof caseInclude }>;

function toItem(row: CaseRow, now: Date): CaseListItem {
  const dueAt = row.deadlines[0]?.dueAt ?? null;
  return { opinionId: row.id, trackingNo: row.trackingNo, stage: row.stage, text: row.text, createdAt: row.createdAt, dueAt, overdue: dueAt !== null && dueAt < now };
}

function inboxReason(row: CaseRow): InboxReason | undefined {
  if (row.stage === 'COLLECTED') return 'acknowledge';
  if (row.stage === 'ANALYZING') return 'decide';
  if (row.disposition === 'PROPOSAL' || row.disposition === 'SUPERVISION') return 'escalated';
  const last = row.events[0];
  if (last?.type === 'CLARIFICATION_REQUESTED') return 'clarification';
  if (last?.type === 'RESULT_SUBMITTED') return 'review';
  return undefined;
}

/** The liaison officer's inbox over every station they serve. */
export async function listOfficerInbox(deps: DomainDeps, input: { personId: number }): Promise<InboxItem[]> {
  const roles = await deps.prisma.staffRole.findMany({ where: { personId: input.personId, kind: 'LIAISON_OFFICER', revokedAt: null, stationId: { not: null } } });
  const stationIds = roles.map((role) => role.stationId!);
  if (stationIds.length === 0) return [];
  const rows = await deps.prisma.opinion.findMany({
    where: { stationId: { in: stationIds }, stage: { in: ['COLLECTED', 'ANALYZING', 'HANDLING'] } },
    include: caseInclude,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const now = deps.clock.now();
  return rows.flatMap((row) => {
    const reason = inboxReason(row);
    return reason ? [{ ...toItem(row, now), reason }] : [];
  });
}

/** The agency handler's open referred cases over every agency they serve. */
export async function listAgencyCases(deps: DomainDeps, input: { personId: number }): Promise<CaseListItem[]> {
  const roles = await deps.prisma.staffRole.findMany({ where: { personId: input.personId, kind: 'AGENCY_HANDLER', revokedAt: null, agencyId: { not: null } } });
  const agencyIds = roles.map((role) => role.agencyId!);
  if (agencyIds.length === 0) return [];
  const rows = await deps.prisma.opinion.findMany({
    where: { agencyId: { in: agencyIds }, stage: 'HANDLING', disposition: 'REFERRED' },
    include: caseInclude,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const now = deps.clock.now();
  return rows.map((row) => toItem(row, now));
}
