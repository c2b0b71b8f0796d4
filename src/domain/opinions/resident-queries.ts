// What a resident reads about their own opinions: the list and one opinion's timeline.
// Only their own: another person's opinion id is "not found".
import type { CloseReason, DeadlineKind, OpinionEventType, OpinionStage, Rating } from '../../generated/prisma/client.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { excerpt } from './submit-opinion.js';

export interface ResidentOpinionItem {
  id: number;
  trackingNo: string;
  stage: OpinionStage;
  categoryZh: string;
  categoryEn: string;
  excerpt: string;
  createdAt: Date;
  updatedAt: Date;
  closeReason: CloseReason | null;
  /** The case it was merged into, if it was. */
  mergedIntoTrackingNo: string | null;
}

export interface ResidentOpinionTimeline {
  id: number;
  trackingNo: string;
  stage: OpinionStage;
  text: string;
  categoryZh: string;
  categoryEn: string;
  stationZh: string;
  stationEn: string;
  photos: number;
  createdAt: Date;
  resultText: string | null;
  closeReason: CloseReason | null;
  mergedIntoTrackingNo: string | null;
  /** The next step's limit: the earliest open deadline, if any. */
  nextDeadline: { kind: DeadlineKind; dueAt: Date } | null;
  events: { type: OpinionEventType; at: Date; toStage: OpinionStage; round: number }[];
  evaluations: { round: number; rating: Rating; at: Date }[];
}

export const RESIDENT_LIST_SIZE = 10;

export async function listResidentOpinions(
  deps: Pick<DomainDeps, 'prisma'>,
  residentId: number,
  { skip = 0, take = RESIDENT_LIST_SIZE }: { skip?: number; take?: number } = {},
): Promise<{ items: ResidentOpinionItem[]; total: number }> {
  const where = { residentId };
  const [rows, total] = await Promise.all([
    deps.prisma.opinion.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip,
      take,
      include: { category: { select: { nameZh: true, nameEn: true } }, mergedInto: { select: { trackingNo: true } }, events: { orderBy: { at: 'desc' }, take: 1, select: { at: true } } },
    }),
    deps.prisma.opinion.count({ where }),
  ]);
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      trackingNo: row.trackingNo,
      stage: row.stage,
      categoryZh: row.category.nameZh,
      categoryEn: row.category.nameEn,
      excerpt: excerpt(row.text, 40),
      createdAt: row.createdAt,
      // The last thing that happened to it, as the resident would understand "last update".
      updatedAt: row.events[0]?.at ?? row.createdAt,
      closeReason: row.closeReason,
      mergedIntoTrackingNo: row.mergedInto?.trackingNo ?? null,
    })),
  };
}

export async function getResidentOpinionTimeline(deps: Pick<DomainDeps, 'prisma'>, residentId: number, opinionId: number): Promise<ResidentOpinionTimeline> {
  const opinion = await deps.prisma.opinion.findFirst({
    where: { id: opinionId, residentId },
    include: {
      category: { select: { nameZh: true, nameEn: true } },
      station: { select: { nameZh: true, nameEn: true } },
      mergedInto: { select: { trackingNo: true } },
      deadlines: { where: { metAt: null, cancelledAt: null }, orderBy: { dueAt: 'asc' }, take: 1, select: { kind: true, dueAt: true } },
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { type: true, at: true, toStage: true, round: true } },
      evaluations: { orderBy: { round: 'asc' }, select: { round: true, rating: true, at: true } },
      _count: { select: { attachments: true } },
    },
  });
  if (!opinion) throw new DomainError('not-found', 'my-opinions-not-found');
  return {
    id: opinion.id,
    trackingNo: opinion.trackingNo,
    stage: opinion.stage,
    text: opinion.text,
    categoryZh: opinion.category.nameZh,
    categoryEn: opinion.category.nameEn,
    stationZh: opinion.station.nameZh,
    stationEn: opinion.station.nameEn,
    photos: opinion._count.attachments,
    createdAt: opinion.createdAt,
    resultText: opinion.resultText,
    closeReason: opinion.closeReason,
    mergedIntoTrackingNo: opinion.mergedInto?.trackingNo ?? null,
    nextDeadline: opinion.stage === 'CLOSED' ? null : (opinion.deadlines[0] ?? null),
    events: opinion.events,
    evaluations: opinion.evaluations,
  };
}
