// Who is told what when an opinion changes. The workflow says *what* happened to whom
// (the resident, the agency, the case's officers, the street admins); this module turns
// that into outbox rows for the people who can be reached now. Messages are rendered
// at delivery in each recipient's language (keys under "## Notifications" in locales/).
import type { Opinion } from '../../generated/prisma/client.js';
import type { Tx } from '../deps.js';
import { enqueueNotifications, type EnqueueNotification, type NotificationAction } from '../../delivery/message.js';
import { districtAdminWhere } from '../permissions/index.js';

export type MessageVars = Record<string, string | number>;

/** A stage change as the resident hears it: key `notify-resident-<event>`, followers `notify-follower-update`. */
export type ResidentEvent =
  | 'acknowledged'
  | 'answered'
  | 'referred'
  | 'escalated'
  | 'declined'
  | 'merged'
  | 'handed-back'
  | 'result'
  | 'reopened'
  | 'closed'
  | 'evaluation-reminder'
  | 'progress'
  | 'late';

export interface ResidentNotice {
  event: ResidentEvent;
  vars?: MessageVars;
  /** Adds the 满意 / 基本满意 / 不满意 buttons (the owner only: followers do not evaluate). */
  evaluate?: boolean;
  /** Residents of merged duplicates follow the main case and hear it too, unless false. */
  followers?: boolean;
}

export type StaffAudience = 'agency' | 'officers' | 'street-admins' | 'district-admins';

export interface StaffNotice {
  audience: StaffAudience;
  key: string;
  vars?: MessageVars;
  action?: NotificationAction;
}

/** A notice about one history event (its id makes the outbox row unique). */
export type Notice = { eventId: number } & ({ resident: ResidentNotice } | { staff: StaffNotice });

export interface NoticeContext {
  /** The opinion as it is after the change. */
  opinion: Pick<Opinion, 'id' | 'trackingNo' | 'residentId' | 'stationId' | 'agencyId' | 'assignedOfficerId' | 'round'>;
  /** The station's region and its ancestors (see permissions' OpinionScope). */
  regionPath: readonly number[];
  /** Staff are not told of their own actions. */
  actorId: number | null;
}

interface Recipient {
  id: number;
  chatId: bigint | null;
  blockedAt: Date | null;
  erasedAt: Date | null;
}

export const recipientSelect = { id: true, chatId: true, blockedAt: true, erasedAt: true } as const;

export function reachable(person: Recipient | null | undefined): person is Recipient & { chatId: bigint } {
  return !!person && person.chatId !== null && person.blockedAt === null && person.erasedAt === null;
}

/** Writes the notices to the outbox; returns how many rows were written. */
export async function writeNotices(tx: Tx, context: NoticeContext, notices: readonly Notice[]): Promise<number> {
  const rows: EnqueueNotification[] = [];
  for (const notice of notices) {
    const row = (person: Recipient & { chatId: bigint }, message: EnqueueNotification['message']): EnqueueNotification => ({
      dedupeKey: `event:${notice.eventId}:person:${person.id}`,
      personId: person.id,
      chatId: person.chatId,
      opinionId: context.opinion.id,
      message,
    });
    if ('resident' in notice) {
      for (const { person, message } of await residentMessages(tx, context, notice.resident)) rows.push(row(person, message));
    } else {
      const { audience, key, vars, action } = notice.staff;
      const people = (await staffAudience(tx, context, audience)).filter((person) => person.id !== context.actorId);
      const message = { key, vars: { trackingNo: context.opinion.trackingNo, ...vars }, ...(action ? { action } : {}) };
      for (const person of people) rows.push(row(person, message));
    }
  }
  return enqueueNotifications(tx, rows);
}

async function residentMessages(tx: Tx, context: NoticeContext, notice: ResidentNotice) {
  const { opinion } = context;
  const messages: { person: Recipient & { chatId: bigint }; message: EnqueueNotification['message'] }[] = [];
  // The owner and the opinions merged into this one, in one statement.
  const found = await tx.opinion.findUnique({
    where: { id: opinion.id },
    select: { resident: { select: recipientSelect }, duplicates: { select: followerSelect, orderBy: { id: 'asc' } } },
  });
  const owner = found?.resident ?? null;
  const told = new Set<number>();
  // The resident who acted (a rating, a reason) is answered in the chat itself: one message per event.
  if (reachable(owner) && owner.id !== context.actorId) {
    told.add(owner.id);
    messages.push({
      person: owner,
      message: {
        key: `notify-resident-${notice.event}`,
        vars: { trackingNo: opinion.trackingNo, ...notice.vars },
        ...(notice.evaluate ? { action: { type: 'evaluate', opinionId: opinion.id, round: opinion.round } } : {}),
      },
    });
  }
  if (notice.followers === false) return messages;
  for (const follower of await followers(tx, opinion.id, found?.duplicates ?? [])) {
    if (!reachable(follower.resident) || told.has(follower.resident.id)) continue;
    told.add(follower.resident.id);
    messages.push({
      person: follower.resident,
      message: {
        key: 'notify-follower-update',
        vars: { event: notice.event, trackingNo: opinion.trackingNo, ownTrackingNo: follower.trackingNo, ...notice.vars },
      },
    });
  }
  return messages;
}

const followerSelect = { id: true, trackingNo: true, resident: { select: recipientSelect } } as const;
type Follower = { id: number; trackingNo: string; resident: Recipient | null };

/** The opinions merged into this one (`merged`, loaded already), those merged into them, and so on. */
async function followers(tx: Tx, opinionId: number, merged: Follower[]): Promise<Follower[]> {
  const found: Follower[] = [];
  const seen = new Set([opinionId]);
  for (let level = merged; level.length > 0; ) {
    const fresh = level.filter((duplicate) => !seen.has(duplicate.id));
    for (const duplicate of fresh) seen.add(duplicate.id);
    found.push(...fresh);
    level = fresh.length === 0 ? [] : await tx.opinion.findMany({ where: { mergedIntoId: { in: fresh.map((duplicate) => duplicate.id) } }, select: followerSelect, orderBy: { id: 'asc' } });
  }
  return found;
}

async function staffAudience(tx: Tx, context: NoticeContext, audience: StaffAudience): Promise<(Recipient & { chatId: bigint })[]> {
  const { opinion, regionPath } = context;
  const holders = async (where: object) => {
    const roles = await tx.staffRole.findMany({ where: { revokedAt: null, ...where }, select: { person: { select: recipientSelect } }, orderBy: { personId: 'asc' } });
    return [...new Map(roles.map(({ person }) => [person.id, person])).values()].filter(reachable);
  };
  const districtAdmins = () => holders(districtAdminWhere(regionPath));
  switch (audience) {
    case 'agency':
      return opinion.agencyId === null ? [] : holders({ kind: 'AGENCY_HANDLER', agencyId: opinion.agencyId });
    case 'officers': {
      // The officer who took the case; the station's officers when nobody did (or they cannot be reached).
      const assigned = opinion.assignedOfficerId === null ? null : await tx.person.findUnique({ where: { id: opinion.assignedOfficerId }, select: recipientSelect });
      if (reachable(assigned)) return [assigned];
      return holders({ kind: 'LIAISON_OFFICER', stationId: opinion.stationId });
    }
    case 'street-admins': {
      // The street / town admins over the station; the district's admins where there are none.
      const street = await holders({ kind: 'STREET_ADMIN', regionId: { in: [...regionPath] } });
      if (street.length > 0) return street;
      return districtAdmins();
    }
    case 'district-admins':
      return districtAdmins();
  }
}

/** A due time as residents and staff read it: `2026-12-14 23:59` in the district's zone. */
export function formatDueAt(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
