// Collect (收集): a resident's opinion enters the loop. The opinion, its COLLECTED
// event, its attachments, the ACKNOWLEDGE deadline and the officers' notifications
// are written in one transaction: all of them or none.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Opinion, StaffRoleKind } from '../../generated/prisma/client.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { storableText } from '../text/storable.js';
import { enqueueNotifications } from '../../delivery/message.js';
import { openDeadline } from './deadlines.js';
import { allocateTrackingNumber } from './tracking-number.js';

export const attachmentInputSchema = z.object({
  kind: z.enum(['PHOTO', 'DOCUMENT', 'VOICE']),
  telegramFileId: z.string().min(1),
  fileUniqueId: z.string().min(1).optional(),
});
export type AttachmentInput = z.infer<typeof attachmentInputSchema>;

export interface SubmitOpinionInput {
  /** Null only for an opinion recorded on behalf of a resident who stays anonymous. */
  residentId: number | null;
  /** A representative (or the district admin at 主任接待日) recorded it at a reception or a visit. */
  recordedBy?: { personId: number; channel: RecordedChannel; receptionId?: number | undefined };
  stationId: number;
  categoryId: number;
  text: string;
  attachments?: AttachmentInput[];
  location?: { latitude: number; longitude: number } | null;
  contactPhone?: string | null;
  contactName?: string | null;
  /** May the handling agency see the contact details? */
  shareContact: boolean;
  locale: string;
  /**
   * Identifies one confirmation (e.g. the confirmed draft): submitting again with the
   * same key, even concurrently from another process, returns the opinion already
   * written instead of a copy (a unique column decides the race).
   */
  submissionKey?: string;
}

export interface SubmitOpinionResult {
  opinion: Pick<Opinion, 'id' | 'trackingNo' | 'stationId' | 'createdAt'>;
  /** When an officer must have acknowledged it: the resident's expected date of the next step. */
  acknowledgeBy: Date | null;
  notified: number;
}

export type RecordedChannel = 'RECEPTION' | 'LEADER_RECEPTION' | 'VISIT';

function inputSchema(config: DomainDeps['config']) {
  return z.object({
    residentId: z.number().int().positive().nullable(),
    recordedBy: z
      .object({ personId: z.number().int().positive(), channel: z.enum(['RECEPTION', 'LEADER_RECEPTION', 'VISIT']), receptionId: z.number().int().positive().optional() })
      .optional(),
    stationId: z.number().int().positive(),
    categoryId: z.number().int().positive(),
    text: z.string().transform(storableText),
    attachments: z.array(attachmentInputSchema).max(config.OPINION_MAX_PHOTOS).default([]),
    location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).nullish(),
    contactPhone: z.string().transform(storableText).pipe(z.string().trim().min(3).max(32)).nullish(),
    contactName: z.string().transform(storableText).pipe(z.string().trim().max(128)).nullish(),
    shareContact: z.boolean(),
    locale: z.string().min(2).max(10),
    submissionKey: z.string().min(1).max(128).optional(),
  });
}

/** Text limits, counted in characters as a person sees them (not UTF-16 units). */
export function opinionTextSchema(config: DomainDeps['config']) {
  return z
    .string()
    .trim()
    .refine((text) => [...text].length >= config.OPINION_TEXT_MIN, { message: 'too-short' })
    .refine((text) => [...text].length <= config.OPINION_TEXT_MAX, { message: 'too-long' });
}

/** Throws DomainError('validation', 'opinion-text-too-short' | 'opinion-text-too-long') with the limits. */
export function checkOpinionText(config: DomainDeps['config'], text: string): string {
  const parsed = opinionTextSchema(config).safeParse(text);
  if (parsed.success) return parsed.data;
  const tooShort = parsed.error.issues.some((issue) => issue.message === 'too-short');
  throw new DomainError('validation', tooShort ? 'opinion-text-too-short' : 'opinion-text-too-long', {
    min: config.OPINION_TEXT_MIN,
    max: config.OPINION_TEXT_MAX,
    length: [...text.trim()].length,
  });
}

/**
 * Refuses when the resident already sent OPINIONS_PER_HOUR opinions in the last hour, and
 * says from when they may send again (`time`, HH:mm in the district's time zone).
 */
export async function checkOpinionRateLimit(deps: Pick<DomainDeps, 'prisma' | 'clock' | 'config'>, residentId: number): Promise<void> {
  const hourMs = 3_600_000;
  const limit = deps.config.OPINIONS_PER_HOUR;
  const recent = await deps.prisma.opinion.findMany({
    where: { residentId, createdAt: { gte: new Date(deps.clock.now().getTime() - hourMs) } },
    select: { createdAt: true },
    orderBy: { createdAt: 'asc' },
  });
  if (recent.length < limit) return;
  // Once this one leaves the hour, fewer than `limit` remain in it.
  const freedAt = new Date(recent[recent.length - limit]!.createdAt.getTime() + hourMs);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: deps.config.TIME_ZONE }).format(freedAt);
  throw new DomainError('rate-limited', 'opinion-rate-limited', { limit, time });
}

export async function submitOpinion(deps: DomainDeps, rawInput: SubmitOpinionInput): Promise<SubmitOpinionResult> {
  const parsed = inputSchema(deps.config).safeParse(rawInput);
  if (!parsed.success) throw new DomainError('validation', 'opinion-invalid-input', { detail: parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
  const input = { ...parsed.data, text: checkOpinionText(deps.config, parsed.data.text) };
  const { recordedBy } = input;
  if (input.residentId === null && !recordedBy) throw new DomainError('validation', 'opinion-invalid-input', { detail: 'residentId' });
  const author = recordedBy ? { recordedById: recordedBy.personId } : { residentId: input.residentId };
  if (input.submissionKey) {
    const earlier = await findSubmission(deps, author, input.submissionKey);
    if (earlier) return earlier;
  }
  // The per-hour limit protects from a resident's flood; a representative records a queue of people.
  if (!recordedBy) await checkOpinionRateLimit(deps, input.residentId!);
  try {
    return await writeOpinion(deps, input);
  } catch (error) {
    // Lost the race for the submission key to another process: theirs is the opinion.
    const earlier = input.submissionKey ? await findSubmission(deps, author, input.submissionKey) : null;
    if (earlier) return earlier;
    throw error;
  }
}

type ValidInput = z.infer<ReturnType<typeof inputSchema>>;

async function writeOpinion(deps: DomainDeps, input: ValidInput): Promise<SubmitOpinionResult> {
  const now = deps.clock.now();
  const result = await deps.prisma.$transaction(async (tx) => {
    const { recordedBy } = input;
    const [resident, recorderRole, station, category] = await Promise.all([
      input.residentId === null ? null : tx.person.findUnique({ where: { id: input.residentId } }),
      recordedBy ? tx.staffRole.findFirst({ where: { personId: recordedBy.personId, revokedAt: null, kind: recorderKind(recordedBy.channel) } }) : null,
      tx.station.findFirst({ where: { id: input.stationId, active: true } }),
      tx.category.findFirst({ where: { id: input.categoryId, active: true } }),
    ]);
    if (input.residentId !== null && (!resident || resident.erasedAt || !resident.consentedAt)) throw new DomainError('forbidden', 'opinion-consent-required');
    if (recordedBy && !recorderRole) throw new DomainError('forbidden', 'error-forbidden', { action: 'record' });
    if (!station) throw new DomainError('not-found', 'stations-not-found');
    if (!category) throw new DomainError('not-found', 'opinion-category-not-found');
    if (resident) await tx.person.update({ where: { id: resident.id }, data: { lastStationId: station.id } });
    const officers = await tx.staffRole.findMany({
      where: { kind: 'LIAISON_OFFICER', stationId: station.id, revokedAt: null, person: { chatId: { not: null }, erasedAt: null } },
      select: { person: { select: { id: true, chatId: true } } },
    });
    const opinion = await tx.opinion.create({
      data: {
        // Numbered last (below): the placeholder is never seen outside this transaction.
        trackingNo: `pending:${randomUUID()}`,
        residentId: resident?.id ?? null,
        channel: recordedBy?.channel ?? 'CHAT',
        recordedById: recordedBy?.personId ?? null,
        receptionId: recordedBy?.receptionId ?? null,
        stationId: station.id,
        categoryId: category.id,
        text: input.text,
        latitude: input.location?.latitude ?? null,
        longitude: input.location?.longitude ?? null,
        contactPhone: input.contactPhone ?? null,
        contactName: input.contactName ?? null,
        shareContact: input.shareContact,
        locale: input.locale,
        submissionKey: input.submissionKey ?? null,
        createdAt: now,
      },
    });
    await tx.opinionEvent.create({
      data: {
        opinionId: opinion.id,
        type: 'COLLECTED',
        actorId: recordedBy?.personId ?? resident!.id,
        actorRole: recorderRole?.kind ?? 'RESIDENT',
        toStage: 'COLLECTED',
        round: 1,
        at: now,
        data: {},
      },
    });
    if (input.attachments.length > 0) {
      await tx.attachment.createMany({
        data: input.attachments.map((a) => ({ opinionId: opinion.id, kind: a.kind, telegramFileId: a.telegramFileId, fileUniqueId: a.fileUniqueId ?? null, createdAt: now })),
      });
    }
    const acknowledge = await openDeadline(tx, deps, { opinionId: opinion.id, kind: 'ACKNOWLEDGE', round: 1, from: now, categoryCode: category.code, priority: opinion.priority });

    // The month's counter row is locked from here to the commit: every submission of the
    // district queues on it, so only what needs the number comes after.
    const trackingNo = await allocateTrackingNumber(tx, now, deps.config.TIME_ZONE);
    await tx.opinion.update({ where: { id: opinion.id }, data: { trackingNo } });
    const recipients = [...new Map(officers.map(({ person }) => [person.id, person])).values()];
    const notified = await enqueueNotifications(
      tx,
      recipients.map((officer) => ({
        dedupeKey: `opinion:${opinion.id}:collected:person:${officer.id}`,
        personId: officer.id,
        chatId: officer.chatId!,
        opinionId: opinion.id,
        message: {
          key: 'notify-officer-new-opinion',
          vars: {
            trackingNo,
            stationZh: station.nameZh,
            stationEn: station.nameEn,
            categoryZh: category.nameZh,
            categoryEn: category.nameEn,
            excerpt: excerpt(input.text),
            photos: input.attachments.length,
          },
          action: { type: 'triage', opinionId: opinion.id },
        },
      })),
    );
    return { opinion: { id: opinion.id, trackingNo, stationId: station.id, createdAt: opinion.createdAt }, acknowledgeBy: acknowledge.dueAt, notified };
    // Submissions queue on the counter lock: at a peak, waiting a little beats refusing.
  }, { maxWait: 10_000, timeout: 15_000 });
  if (result.notified > 0) deps.outbox.notify();
  return result;
}

/** 主任接待日 is held by the standing committee's leaders (district admins), the rest by representatives. */
function recorderKind(channel: RecordedChannel): StaffRoleKind {
  return channel === 'LEADER_RECEPTION' ? 'DISTRICT_ADMIN' : 'REPRESENTATIVE';
}

/** The opinion a confirmation already produced (a double tap, a redelivered update, another instance). */
export async function findSubmission(
  deps: Pick<DomainDeps, 'prisma'>,
  author: { residentId: number | null } | { recordedById: number },
  submissionKey: string,
): Promise<SubmitOpinionResult | null> {
  const found = await deps.prisma.opinion.findFirst({
    where: { submissionKey, ...author },
    select: {
      id: true,
      trackingNo: true,
      stationId: true,
      createdAt: true,
      deadlines: { where: { kind: 'ACKNOWLEDGE', round: 1 }, select: { dueAt: true }, take: 1 },
    },
  });
  if (!found) return null;
  const { deadlines, ...opinion } = found;
  return { opinion, acknowledgeBy: deadlines[0]?.dueAt ?? null, notified: 0 };
}

const EXCERPT_CHARACTERS = 120;

export function excerpt(text: string, characters = EXCERPT_CHARACTERS): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= characters ? chars.join('') : `${chars.slice(0, characters - 1).join('')}…`;
}

/** The categories a resident chooses from, in the configured order. */
export async function listOpinionCategories(deps: Pick<DomainDeps, 'prisma'>): Promise<{ id: number; nameZh: string; nameEn: string }[]> {
  return deps.prisma.category.findMany({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }], select: { id: true, nameZh: true, nameEn: true } });
}
