// Who is told what when a proposal changes: its representative, its district's admins
// (代表工委), its agencies, the officer who escalated it, its supervising leader. The
// messages are rendered at delivery in each recipient's language (## Proposals in locales/).
import type { Proposal } from '../../generated/prisma/client.js';
import type { Tx } from '../deps.js';
import { enqueueNotifications, type EnqueueNotification } from '../../delivery/message.js';
import { reachable, recipientSelect, type MessageVars } from '../opinions/notifications.js';
import { districtAdminWhere, stationRegionPath } from '../permissions/index.js';

export type ProposalAudience = 'representative' | 'admins' | 'lead-agency' | 'agencies' | 'escalator' | 'supervisor';

export interface ProposalNotice {
  audience: ProposalAudience;
  /** A key in locales/*.ftl; `number` and `title` are always given. */
  key: string;
  vars?: MessageVars;
}

type NoticeProposal = Pick<Proposal, 'id' | 'number' | 'title' | 'representativeId' | 'stationId' | 'escalatedById' | 'supervisorId'>;

/** Writes the notices about one history event; the actor is not told of their own action. */
export async function writeProposalNotices(
  tx: Tx,
  context: { proposal: NoticeProposal; eventId: number; actorId: number | null },
  notices: readonly ProposalNotice[],
): Promise<number> {
  const rows: EnqueueNotification[] = [];
  for (const notice of notices) {
    for (const person of await audience(tx, context.proposal, notice.audience)) {
      if (person.id === context.actorId) continue;
      rows.push({
        dedupeKey: `proposal-event:${context.eventId}:person:${person.id}`,
        personId: person.id,
        chatId: person.chatId,
        proposalId: context.proposal.id,
        message: {
          key: notice.key,
          vars: { number: context.proposal.number, title: context.proposal.title, ...notice.vars },
          action: { type: 'open-proposal', proposalId: context.proposal.id },
        },
      });
    }
  }
  return enqueueNotifications(tx, rows);
}

async function audience(tx: Tx, proposal: NoticeProposal, audience: ProposalAudience) {
  const people = async (ids: (number | null)[]) => {
    const wanted = ids.filter((id): id is number => id !== null);
    if (wanted.length === 0) return [];
    return (await tx.person.findMany({ where: { id: { in: wanted } }, select: recipientSelect, orderBy: { id: 'asc' } })).filter(reachable);
  };
  const holders = async (where: object) => {
    const roles = await tx.staffRole.findMany({ where: { revokedAt: null, ...where }, select: { personId: true } });
    return people([...new Set(roles.map((role) => role.personId))]);
  };
  switch (audience) {
    case 'representative':
      return people([proposal.representativeId]);
    case 'escalator':
      return people([proposal.escalatedById]);
    case 'supervisor':
      return people([proposal.supervisorId]);
    case 'admins':
      return holders(districtAdminWhere(await stationRegionPath(tx, proposal.stationId)));
    case 'lead-agency':
    case 'agencies': {
      const agencies = await tx.proposalAgency.findMany({ where: { proposalId: proposal.id, ...(audience === 'lead-agency' ? { role: 'LEAD' as const } : {}) } });
      return holders({ kind: 'AGENCY_HANDLER', agencyId: { in: agencies.map((agency) => agency.agencyId) } });
    }
  }
}
