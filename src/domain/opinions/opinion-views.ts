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
import { haversineMetres } from '../stations/geo.js';
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
  /** The resident's language now: what they receive is written in it (previews). */
  residentLocale: string;
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
  resident: { select: { displayName: true, phone: true, locale: true } },
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
    residentLocale: opinion.resident?.locale ?? opinion.locale,
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
  const normalized = normalizeTrackingNo(trackingNo);
  if (!normalized) return null;
  return deps.prisma.opinion.findUnique({ where: { trackingNo: normalized } });
}

/** The opinion's version now (null if there is no such opinion): a button's `v` older than it is stale. */
export async function currentVersion(deps: Pick<DomainDeps, 'prisma'>, opinionId: number): Promise<number | null> {
  const opinion = await deps.prisma.opinion.findUnique({ where: { id: opinionId }, select: { version: true } });
  return opinion?.version ?? null;
}

/**
 * Whether anyone but this person changed the case after the version they saw (events
 * record the version they produced). False when only they acted since.
 */
export async function changedByOthersSince(deps: Pick<DomainDeps, 'prisma'>, input: { opinionId: number; version: number; personId: number }): Promise<boolean> {
  const other = await deps.prisma.opinionEvent.findFirst({
    where: { opinionId: input.opinionId, version: { gt: input.version }, OR: [{ actorId: null }, { actorId: { not: input.personId } }] },
    select: { id: true },
  });
  return other !== null;
}

/** An open case a duplicate could be merged into, as the officer previews it. */
export interface MergeTarget {
  id: number;
  trackingNo: string;
  stage: Opinion['stage'];
  text: string;
  createdAt: Date;
  station: Named;
  category: Named;
}

const targetInclude = { station: true, category: true } as const satisfies Prisma.OpinionInclude;
type TargetRow = Prisma.OpinionGetPayload<{ include: typeof targetInclude }>;

function toTarget(row: TargetRow): MergeTarget {
  const named = (n: Named) => ({ id: n.id, nameZh: n.nameZh, nameEn: n.nameEn });
  return { id: row.id, trackingNo: row.trackingNo, stage: row.stage, text: row.text, createdAt: row.createdAt, station: named(row.station), category: named(row.category) };
}

/** The case a typed tracking number names, for the merge preview; null if none. applyOpinionAction decides whether it may be merged into. */
export async function findMergeTarget(deps: Pick<DomainDeps, 'prisma'>, input: { trackingNo?: string; opinionId?: number }): Promise<MergeTarget | null> {
  const where = input.opinionId !== undefined ? { id: input.opinionId } : { trackingNo: normalizeTrackingNo(input.trackingNo ?? '') };
  if ('trackingNo' in where && !where.trackingNo) return null;
  const row = await deps.prisma.opinion.findUnique({ where, include: targetInclude });
  return row ? toTarget(row) : null;
}

/** Candidates looked at per station: the newest open ones. */
const SIMILAR_CANDIDATES = 200;
/** Within this distance two located cases count as "nearby". */
const NEARBY_METRES = 500;

/**
 * Open cases at the same station that look like the same problem, best first: same
 * category, nearby, similar text (character bigrams, so Chinese and English both work;
 * computed here rather than with pg_trgm, which PGlite does not ship).
 */
export async function similarOpenCases(deps: Pick<DomainDeps, 'prisma'>, input: { opinionId: number; limit?: number }): Promise<(MergeTarget & { score: number })[]> {
  const self = await deps.prisma.opinion.findUnique({ where: { id: input.opinionId } });
  if (!self) throw new DomainError('not-found', 'error-workflow-opinion-not-found');
  const rows = await deps.prisma.opinion.findMany({
    where: { stationId: self.stationId, id: { not: self.id }, stage: { not: 'CLOSED' }, mergedIntoId: null },
    include: targetInclude,
    orderBy: { createdAt: 'desc' },
    take: SIMILAR_CANDIDATES,
  });
  const grams = bigrams(self.text);
  return rows
    .map((row) => {
      const near = self.latitude !== null && self.longitude !== null && row.latitude !== null && row.longitude !== null
        && haversineMetres({ latitude: self.latitude, longitude: self.longitude }, { latitude: row.latitude, longitude: row.longitude }) <= NEARBY_METRES;
      const score = 0.6 * jaccard(grams, bigrams(row.text)) + (row.categoryId === self.categoryId ? 0.25 : 0) + (near ? 0.15 : 0);
      return { ...toTarget(row), score };
    })
    .filter((candidate) => candidate.score > 0.25)
    .sort((a, b) => b.score - a.score || a.createdAt.getTime() - b.createdAt.getTime())
    .slice(0, input.limit ?? 5);
}

function bigrams(text: string): Set<string> {
  const chars = [...text.toLowerCase().replace(/[\s\p{P}]+/gu, '')];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return grams;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / (a.size + b.size - shared);
}

function normalizeTrackingNo(trackingNo: string): string {
  return trackingNo.replace(/\s+/g, '').toUpperCase();
}
