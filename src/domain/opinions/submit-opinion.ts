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
import { numberOpinion } from './tracking-number.js';

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
  /** The resident's draft this files: removed in the opinion's transaction (or now, when the key filed it already). */
  draftId?: number;
}

export interface SubmitOpinionResult {
  opinion: Pick<Opinion, 'id' | 'trackingNo' | 'stationId' | 'createdAt'>;
  /** When an officer must have acknowledged it: the resident's expected date of the next step. */
  acknowledgeBy: Date | null;
  notified: number;
}

export type RecordedChannel = 'RECEPTION' | 'LEADER_RECEPTION' | 'VISIT';

/** Built once per configuration: building a zod schema costs more than parsing with it. */
function perConfig<T>(build: (config: DomainDeps['config']) => T): (config: DomainDeps['config']) => T {
  const built = new WeakMap<DomainDeps['config'], T>();
  return (config) => {
    let schema = built.get(config);
    if (schema === undefined) built.set(config, (schema = build(config)));
    return schema;
  };
}

const inputSchema = perConfig((config) =>
  z.object({
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
    draftId: z.number().int().positive().optional(),
  }),
);

/** Text limits, counted in characters as a person sees them (not UTF-16 units). */
export const opinionTextSchema = perConfig((config) =>
  z
    .string()
    .trim()
    .refine((text) => [...text].length >= config.OPINION_TEXT_MIN, { message: 'too-short' })
    .refine((text) => [...text].length <= config.OPINION_TEXT_MAX, { message: 'too-long' }),
);

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
  const recent = await deps.prisma.opinion.findMany({
    where: { residentId, createdAt: { gte: hourBefore(deps.clock.now()) } },
    select: { createdAt: true },
    orderBy: { createdAt: 'asc' },
  });
  refuseOverLimit(deps.config, recent);
}

const HOUR_MS = 3_600_000;
const hourBefore = (now: Date) => new Date(now.getTime() - HOUR_MS);

/** `recent`: the resident's opinions of the last hour, oldest first. */
function refuseOverLimit(config: DomainDeps['config'], recent: { createdAt: Date }[]): void {
  const limit = config.OPINIONS_PER_HOUR;
  if (recent.length < limit) return;
  // Once this one leaves the hour, fewer than `limit` remain in it.
  const freedAt = new Date(recent[recent.length - limit]!.createdAt.getTime() + HOUR_MS);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: config.TIME_ZONE }).format(freedAt);
  throw new DomainError('rate-limited', 'opinion-rate-limited', { limit, time });
}

export async function submitOpinion(deps: DomainDeps, rawInput: SubmitOpinionInput): Promise<SubmitOpinionResult> {
  const parsed = inputSchema(deps.config).safeParse(rawInput);
  if (!parsed.success) throw new DomainError('validation', 'opinion-invalid-input', { detail: parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
  const input = { ...parsed.data, text: checkOpinionText(deps.config, parsed.data.text) };
  const { recordedBy } = input;
  if (input.residentId === null && !recordedBy) throw new DomainError('validation', 'opinion-invalid-input', { detail: 'residentId' });
  const author = recordedBy ? { recordedById: recordedBy.personId } : { residentId: input.residentId };
  // The per-hour limit protects from a resident's flood; a representative records a queue of people.
  const prior = await priorSubmissions(deps, author, input.submissionKey, recordedBy ? null : hourBefore(deps.clock.now()));
  if (prior.earlier) {
    // A draft left over from an earlier version, which removed it after filing.
    if (input.draftId) await deps.prisma.opinionDraft.deleteMany({ where: { id: input.draftId, residentId: input.residentId ?? undefined } });
    return prior.earlier;
  }
  if (!recordedBy) refuseOverLimit(deps.config, prior.recent);
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
    const station = await tx.station.findFirst({
      where: { id: input.stationId, active: true },
      // The station's liaison officers, told of the new opinion, in the same statement.
      select: {
        id: true,
        nameZh: true,
        nameEn: true,
        staffRoles: { where: { kind: 'LIAISON_OFFICER', revokedAt: null, person: { chatId: { not: null }, erasedAt: null } }, select: { person: { select: { id: true, chatId: true } } } },
      },
    });
    if (!station) throw new DomainError('not-found', 'stations-not-found');
    if (input.residentId !== null) {
      // Consent checked and the station remembered for next time, in one statement.
      const { count } = await tx.person.updateMany({ where: { id: input.residentId, consentedAt: { not: null }, erasedAt: null }, data: { lastStationId: station.id } });
      if (count === 0) throw new DomainError('forbidden', 'opinion-consent-required');
    }
    if (recordedBy && !(await tx.staffRole.findFirst({ where: { personId: recordedBy.personId, revokedAt: null, kind: recorderKind(recordedBy.channel) }, select: { id: true } }))) {
      throw new DomainError('forbidden', 'error-forbidden', { action: 'record' });
    }
    const category = await tx.category.findFirst({ where: { id: input.categoryId, active: true }, select: { id: true, code: true, nameZh: true, nameEn: true } });
    if (!category) throw new DomainError('not-found', 'opinion-category-not-found');
    const opinion = await tx.opinion.create({
      data: {
        // Numbered last (below): the placeholder is never seen outside this transaction.
        trackingNo: `pending:${randomUUID()}`,
        residentId: input.residentId,
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
      select: { id: true, priority: true, createdAt: true },
    });
    await tx.opinionEvent.create({
      data: {
        opinionId: opinion.id,
        type: 'COLLECTED',
        actorId: recordedBy?.personId ?? input.residentId!,
        actorRole: recordedBy ? recorderKind(recordedBy.channel) : 'RESIDENT',
        toStage: 'COLLECTED',
        round: 1,
        at: now,
        data: {},
      },
      select: { id: true },
    });
    if (input.attachments.length > 0) {
      await tx.attachment.createMany({
        data: input.attachments.map((a) => ({ opinionId: opinion.id, kind: a.kind, telegramFileId: a.telegramFileId, fileUniqueId: a.fileUniqueId ?? null, createdAt: now })),
      });
    }
    const acknowledge = await openDeadline(tx, deps, { opinionId: opinion.id, kind: 'ACKNOWLEDGE', round: 1, from: now, categoryCode: category.code, priority: opinion.priority });
    // Filed: the draft goes in the same commit, so no draft outlives its opinion.
    if (input.draftId) await tx.opinionDraft.deleteMany({ where: { id: input.draftId, residentId: input.residentId ?? undefined } });

    // The month's counter row is locked from here to the commit: every submission of the
    // district queues on it, so only what needs the number comes after.
    const trackingNo = await numberOpinion(tx, opinion.id, now, deps.config.TIME_ZONE);
    const recipients = [...new Map(station.staffRoles.map(({ person }) => [person.id, person])).values()];
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

type Author = { residentId: number | null } | { recordedById: number };

/**
 * In one statement: the opinion a confirmation already produced (a double tap, a
 * redelivered update, another instance), and how many opinions the author filed since `since`.
 */
async function priorSubmissions(
  deps: Pick<DomainDeps, 'prisma'>,
  author: Author,
  submissionKey: string | undefined,
  since: Date | null,
): Promise<{ earlier: SubmitOpinionResult | null; recent: { createdAt: Date }[] }> {
  const matches = [...(submissionKey ? [{ submissionKey }] : []), ...(since ? [{ createdAt: { gte: since } }] : [])];
  if (matches.length === 0) return { earlier: null, recent: [] };
  const found = await deps.prisma.opinion.findMany({
    where: { ...author, OR: matches },
    select: {
      id: true,
      trackingNo: true,
      stationId: true,
      createdAt: true,
      submissionKey: true,
      deadlines: { where: { kind: 'ACKNOWLEDGE', round: 1 }, select: { dueAt: true }, take: 1 },
    },
    orderBy: { createdAt: 'asc' },
  });
  const filed = submissionKey ? found.find((opinion) => opinion.submissionKey === submissionKey) : undefined;
  if (!filed) return { earlier: null, recent: found };
  const { deadlines, submissionKey: _key, ...opinion } = filed;
  return { earlier: { opinion, acknowledgeBy: deadlines[0]?.dueAt ?? null, notified: 0 }, recent: found };
}

/** The opinion a confirmation already produced (a double tap, a redelivered update, another instance). */
export async function findSubmission(deps: Pick<DomainDeps, 'prisma'>, author: Author, submissionKey: string): Promise<SubmitOpinionResult | null> {
  return (await priorSubmissions(deps, author, submissionKey, null)).earlier;
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
