// What a given actor may see of a case, and which actions they may take on it now.
// Contact details reach an agency only with the resident's consent (shareContact);
// a resident sees the public part of their own case's history.
import type { AttachmentKind, DeadlineKind, Opinion, OpinionEventType, Prisma, Rating } from '../../generated/prisma/client.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import {
  loadOpinionScope,
  loadPrincipal,
  permittedActions,
  viewingRole,
  type ActorRole,
  type OpinionScope,
  type Principal,
} from '../permissions/index.js';
import type { Actor, OpinionActionType } from './lifecycle.js';
import { isTransitionAllowed, loadTransitionFacts, type TransitionFacts, type TransitionState } from './transitions.js';

interface Named {
  id: number;
  nameZh: string;
  nameEn: string;
}

export interface OpinionView {
  id: number;
  trackingNo: string;
  stage: Opinion['stage'];
  disposition: Opinion['disposition'];
  priority: Opinion['priority'];
  round: number;
  /** Pass back as `expectedVersion` so a stale button is refused, not applied. */
  version: number;
  text: string;
  createdAt: Date;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  resultText: string | null;
  closeReason: Opinion['closeReason'];
  category: Named & { code: string };
  station: Named;
  agency: Named | null;
  location: { latitude: number; longitude: number } | null;
  attachments: { kind: AttachmentKind; telegramFileId: string }[];
  mergedInto: { id: number; trackingNo: string } | null;
  /** Cases merged into this one (staff only). */
  duplicates: { id: number; trackingNo: string }[];
  /** Null when this viewer may not see it (an agency without the resident's consent). */
  contact: { name: string | null; phone: string | null } | null;
  openDeadlines: { id: number; kind: DeadlineKind; round: number; dueAt: Date }[];
  /** The resident's ratings per round, with their reason or comment. */
  evaluations: { round: number; rating: Rating; comment: string | null }[];
  timeline: { type: OpinionEventType; at: Date; actorRole: string | null; round: number; note: string | null; data: Prisma.JsonValue }[];
  viewerRole: ActorRole;
  /** What this viewer may do now (the bot shows only these buttons). */
  availableActions: OpinionActionType[];
}

/** What the resident's own timeline shows; the rest is the staff's working record. */
const RESIDENT_EVENTS: readonly OpinionEventType[] = [
  'COLLECTED', 'ACKNOWLEDGED', 'ANSWERED', 'REFERRED', 'ESCALATED', 'DECLINED', 'MERGED', 'RESULT_DELIVERED', 'EVALUATED', 'REOPENED', 'CLOSED',
];
/** Of those, the events whose text was meant for the resident. */
const RESIDENT_NOTES: readonly OpinionEventType[] = ['ANSWERED', 'DECLINED', 'RESULT_DELIVERED', 'EVALUATED', 'REOPENED'];

/** The actions a principal may take now: permitted for them and valid in this state. Jobs' actions are left out. */
export function availableActions(principal: Principal, scope: OpinionScope, state: TransitionState, facts: TransitionFacts): OpinionActionType[] {
  if (principal.actor.kind === 'system') return [];
  return permittedActions(principal, scope).filter((action) => isTransitionAllowed(state, action, facts));
}

const viewInclude = {
  station: true,
  category: true,
  agency: true,
  resident: { select: { displayName: true, phone: true } },
  attachments: { orderBy: { id: 'asc' } },
  mergedInto: { select: { id: true, trackingNo: true } },
  duplicates: { select: { id: true, trackingNo: true }, orderBy: { id: 'asc' } },
  deadlines: { where: { metAt: null, cancelledAt: null }, orderBy: { dueAt: 'asc' } },
  events: { orderBy: { id: 'asc' } },
  evaluations: { orderBy: { round: 'asc' } },
} as const satisfies Prisma.OpinionInclude;

/** The case as this actor may see it; DomainError('forbidden') for anyone else. */
export async function getOpinionView(deps: Pick<DomainDeps, 'prisma' | 'clock'>, input: { opinionId: number; actor: Actor }): Promise<OpinionView> {
  const opinion = await deps.prisma.opinion.findUnique({ where: { id: input.opinionId }, include: viewInclude });
  if (!opinion) throw new DomainError('not-found', 'error-workflow-opinion-not-found');
  const [principal, scope] = await Promise.all([loadPrincipal(deps.prisma, input.actor), loadOpinionScope(deps.prisma, opinion)]);
  const viewerRole = viewingRole(principal, scope);
  if (!viewerRole) throw new DomainError('forbidden', 'error-forbidden');
  const facts = await loadTransitionFacts(deps.prisma, opinion, deps.clock.now());

  const isResident = viewerRole === 'RESIDENT';
  const seesContact = viewerRole !== 'AGENCY_HANDLER' || opinion.shareContact;
  const named = (row: Named) => ({ id: row.id, nameZh: row.nameZh, nameEn: row.nameEn });
  return {
    id: opinion.id,
    trackingNo: opinion.trackingNo,
    stage: opinion.stage,
    disposition: opinion.disposition,
    priority: opinion.priority,
    round: opinion.round,
    version: opinion.version,
    text: opinion.text,
    createdAt: opinion.createdAt,
    acknowledgedAt: opinion.acknowledgedAt,
    closedAt: opinion.closedAt,
    resultText: opinion.resultText,
    closeReason: opinion.closeReason,
    category: { ...named(opinion.category), code: opinion.category.code },
    station: named(opinion.station),
    agency: opinion.agency ? named(opinion.agency) : null,
    location: opinion.latitude !== null && opinion.longitude !== null ? { latitude: opinion.latitude, longitude: opinion.longitude } : null,
    attachments: opinion.attachments.map((a) => ({ kind: a.kind, telegramFileId: a.telegramFileId })),
    mergedInto: opinion.mergedInto,
    duplicates: isResident ? [] : opinion.duplicates,
    contact: seesContact
      ? { name: opinion.contactName ?? opinion.resident?.displayName ?? null, phone: opinion.contactPhone ?? opinion.resident?.phone ?? null }
      : null,
    openDeadlines: opinion.deadlines.map((d) => ({ id: d.id, kind: d.kind, round: d.round, dueAt: d.dueAt })),
    evaluations: opinion.evaluations.map((e) => ({ round: e.round, rating: e.rating, comment: e.comment })),
    timeline: opinion.events
      .filter((event) => !isResident || RESIDENT_EVENTS.includes(event.type))
      .map((event) => ({
        type: event.type,
        at: event.at,
        actorRole: event.actorRole,
        round: event.round,
        note: !isResident || RESIDENT_NOTES.includes(event.type) ? event.note : null,
        data: event.data,
      })),
    viewerRole,
    availableActions: availableActions(principal, scope, opinion, facts),
  };
}

/** The actions this actor may take on the opinion now (e.g. to draw buttons on a notification). */
export async function listAvailableActions(deps: Pick<DomainDeps, 'prisma' | 'clock'>, input: { opinionId: number; actor: Actor }): Promise<OpinionActionType[]> {
  const opinion = await deps.prisma.opinion.findUnique({ where: { id: input.opinionId }, include: { station: true } });
  if (!opinion) throw new DomainError('not-found', 'error-workflow-opinion-not-found');
  const [principal, scope, facts] = await Promise.all([
    loadPrincipal(deps.prisma, input.actor),
    loadOpinionScope(deps.prisma, opinion),
    loadTransitionFacts(deps.prisma, opinion, deps.clock.now()),
  ]);
  return availableActions(principal, scope, opinion, facts);
}

/** The opinion with this tracking number (as typed: case and spaces do not matter), or null. */
export async function findOpinionByTrackingNo(deps: Pick<DomainDeps, 'prisma'>, trackingNo: string): Promise<Opinion | null> {
  const normalized = trackingNo.replace(/\s+/g, '').toUpperCase();
  if (!normalized) return null;
  return deps.prisma.opinion.findUnique({ where: { trackingNo: normalized } });
}
