// Proposals come into being two ways: a representative submits one (提), citing the
// opinions it came from, or an officer escalates an opinion (转化为代表建议) and a draft
// waits for the representative's confirmation. Either way the proposal, its first event,
// the opinions' link and the notifications are written in one transaction.
import { z } from 'zod';
import type { Opinion, Proposal } from '../../generated/prisma/client.js';
import type { DomainDeps, Tx } from '../deps.js';
import { DomainError } from '../errors.js';
import { regionPath } from '../permissions/index.js';
import { nextInSequence } from '../opinions/tracking-number.js';
import { excerpt } from '../opinions/submit-opinion.js';
import { WORKFLOW_TRANSACTION } from '../workflow/transaction.js';
import { parseWorkflowInput, positiveId, requiredText } from '../workflow/input.js';
import { proposalTitle } from './action-input.js';
import { writeProposalNotices } from './notifications.js';

/** JY-2026-0042: the 42nd proposal (建议) of 2026, in the district's time zone. */
export async function allocateProposalNumber(tx: Tx, at: Date, timeZone: string): Promise<string> {
  const year = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(at);
  return `JY-${year}-${String(await nextInSequence(tx, `JY${year}`)).padStart(4, '0')}`;
}

export const proposalNumberPattern = /^JY-\d{4}-\d{4,}$/;

/** The top of a region path: the district. */
const districtOf = (path: readonly number[]) => path[path.length - 1];

const submitSchema = z.object({
  representativeId: positiveId,
  title: proposalTitle,
  text: requiredText,
  opinionIds: z.array(positiveId).max(50).default([]),
  session: z.enum(['SESSION', 'INTERIM']).default('INTERIM'),
});
export type SubmitProposalInput = z.input<typeof submitSchema>;

export async function submitProposal(deps: DomainDeps, rawInput: SubmitProposalInput): Promise<Proposal> {
  const input = parseWorkflowInput(submitSchema, rawInput);
  const { representativeId } = input;
  const { proposal, notified } = await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    // The proposal is of the representative's station (their first, if they serve several).
    const role = await tx.staffRole.findFirst({
      where: { personId: representativeId, kind: 'REPRESENTATIVE', revokedAt: null, stationId: { not: null }, person: { erasedAt: null } },
      orderBy: { id: 'asc' },
      select: { station: { select: { id: true, regionId: true } } },
    });
    if (!role?.station) throw new DomainError('forbidden', 'error-forbidden', { action: 'submitProposal' });
    const opinionIds = [...new Set(input.opinionIds)];
    const opinions = await tx.opinion.findMany({ where: { id: { in: opinionIds } }, select: { id: true, proposalId: true, station: { select: { regionId: true } } } });
    if (opinions.length !== opinionIds.length) throw new DomainError('validation', 'error-workflow-opinion-not-found');
    if (opinions.some((opinion) => opinion.proposalId !== null)) throw new DomainError('validation', 'error-proposal-opinion-taken');
    // Its district's admins review it: the opinions it cites are of that district too.
    const district = districtOf(await regionPath(tx, role.station.regionId));
    for (const opinion of opinions) {
      if (districtOf(await regionPath(tx, opinion.station.regionId)) !== district) throw new DomainError('validation', 'error-proposal-opinion-other-district');
    }
    const proposal = await tx.proposal.create({
      data: {
        number: await allocateProposalNumber(tx, now, deps.config.TIME_ZONE),
        title: input.title, text: input.text, representativeId, stationId: role.station.id, session: input.session,
        stage: 'SUBMITTED', submittedAt: now, createdAt: now,
      },
    });
    await tx.opinion.updateMany({ where: { id: { in: opinionIds } }, data: { proposalId: proposal.id } });
    const event = await tx.proposalEvent.create({
      data: { proposalId: proposal.id, type: 'SUBMITTED', actorId: representativeId, actorRole: 'REPRESENTATIVE', toStage: 'SUBMITTED', at: now, data: { opinionIds } },
    });
    const notified = await writeProposalNotices(tx, { proposal, eventId: event.id, actorId: representativeId }, [{ audience: 'admins', key: 'notify-proposal-submitted' }]);
    return { proposal, notified };
  }, WORKFLOW_TRANSACTION);
  if (notified > 0) deps.outbox.notify();
  return proposal;
}

/**
 * Inside applyOpinionAction's transaction: an officer escalated the opinion into a
 * proposal. The draft goes to the given representative, or to one of the station's
 * (or of its Representatives' Home);
 * they confirm or decline it. Returns the draft's id (for the opinion's link) and the
 * notifications written.
 */
export async function draftProposalFromEscalation(
  tx: Tx,
  deps: Pick<DomainDeps, 'config'>,
  input: {
    opinion: Pick<Opinion, 'id' | 'trackingNo' | 'text' | 'stationId'>;
    officer: { id: number | null; role: string };
    representativeId?: number | undefined;
    note?: string | undefined;
    now: Date;
  },
): Promise<{ proposalId: number; notified: number }> {
  const { opinion, now } = input;
  // The station's own representatives first, then those of its Representatives' Home.
  const station = await tx.station.findUniqueOrThrow({ where: { id: opinion.stationId }, select: { homeId: true } });
  let representative = null;
  for (const stationId of [opinion.stationId, station.homeId]) {
    if (representative || stationId === null) continue;
    representative = await tx.person.findFirst({
      where: {
        erasedAt: null,
        ...(input.representativeId ? { id: input.representativeId } : {}),
        roles: { some: { kind: 'REPRESENTATIVE', revokedAt: null, ...(input.representativeId ? {} : { stationId }) } },
      },
      orderBy: { id: 'asc' },
    });
  }
  if (!representative) throw new DomainError('validation', 'error-proposal-no-representative');
  const proposal = await tx.proposal.create({
    data: {
      number: await allocateProposalNumber(tx, now, deps.config.TIME_ZONE),
      title: excerpt(opinion.text, 40),
      text: input.note ? `${opinion.text}\n\n${input.note}` : opinion.text,
      representativeId: representative.id,
      stationId: opinion.stationId,
      escalatedById: input.officer.id,
      stage: 'AWAITING_CONFIRMATION',
      createdAt: now,
    },
  });
  const event = await tx.proposalEvent.create({
    data: {
      proposalId: proposal.id, type: 'DRAFTED', actorId: input.officer.id, actorRole: input.officer.role, toStage: 'AWAITING_CONFIRMATION', at: now,
      note: input.note ?? null, data: { opinionId: opinion.id, trackingNo: opinion.trackingNo },
    },
  });
  const notified = await writeProposalNotices(tx, { proposal, eventId: event.id, actorId: input.officer.id }, [
    { audience: 'representative', key: 'notify-proposal-confirm', vars: { trackingNo: opinion.trackingNo } },
  ]);
  return { proposalId: proposal.id, notified };
}
