// The resident's rights over their data: a copy of everything stored about them
// (/mydata) and erasure of their personal details (/forget). Erasure keeps the
// anonymised opinions: the statistics and the agencies' work depend on them.
import { Prisma, type OpinionEventType } from '../../generated/prisma/client.js';
import type { AppDeps } from '../../deps.js';
import type { NotificationMessage } from '../../delivery/message.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';

/**
 * The history events whose note the resident wrote or was sent: the answer, the decline
 * reason, the delivered result, their own evaluation. Other notes are staff-internal
 * (referral notes, clarification questions, internal progress, interim results) and stay
 * out of the export; the event itself (what happened, when) is always listed.
 */
const residentFacingNotes: ReadonlySet<OpinionEventType> = new Set(['COLLECTED', 'ANSWERED', 'DECLINED', 'RESULT_DELIVERED', 'EVALUATED']);

/** Everything stored about the person, with the messages sent to them rendered in their language. */
export async function exportPersonalData(deps: Pick<AppDeps, 'prisma' | 'clock' | 'translate'>, personId: number): Promise<Record<string, unknown>> {
  const person = await deps.prisma.person.findUnique({
    where: { id: personId },
    include: {
      lastStation: { select: { code: true, nameZh: true } },
      opinions: {
        orderBy: { createdAt: 'asc' },
        include: {
          station: { select: { code: true, nameZh: true } },
          category: { select: { code: true, nameZh: true } },
          events: { orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { type: true, fromStage: true, toStage: true, round: true, note: true, at: true } },
          notifications: {
            where: { personId },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            select: { payload: true, status: true, createdAt: true, sentAt: true },
          },
          attachments: { select: { kind: true, telegramFileId: true, fileUniqueId: true, createdAt: true } },
          evaluations: { select: { round: true, rating: true, comment: true, at: true } },
        },
      },
    },
  });
  if (!person) throw new DomainError('not-found', 'privacy-no-data');
  return {
    exportedAt: deps.clock.now(),
    person: {
      telegramId: person.telegramId,
      chatId: person.chatId,
      displayName: person.displayName,
      phone: person.phone,
      locale: person.locale,
      consentedAt: person.consentedAt,
      createdAt: person.createdAt,
      lastStation: person.lastStation,
    },
    opinions: person.opinions.map((opinion) => ({
      trackingNo: opinion.trackingNo,
      station: opinion.station,
      category: opinion.category,
      text: opinion.text,
      latitude: opinion.latitude,
      longitude: opinion.longitude,
      contactPhone: opinion.contactPhone,
      contactName: opinion.contactName,
      shareContact: opinion.shareContact,
      stage: opinion.stage,
      resultText: opinion.resultText,
      createdAt: opinion.createdAt,
      events: opinion.events.map(({ note, ...event }) => (residentFacingNotes.has(event.type) ? { ...event, note } : event)),
      attachments: opinion.attachments,
      evaluations: opinion.evaluations,
      messagesToYou: opinion.notifications.map((notification) => ({
        text: messageText(deps, person.locale, notification.payload),
        status: notification.status,
        createdAt: notification.createdAt,
        sentAt: notification.sentAt,
      })),
    })),
  };
}

/** The words of an outbox message (what to say, rendered as the bot renders it at delivery). */
function messageText(deps: Pick<AppDeps, 'translate'>, locale: string, payload: unknown): string {
  const { key, vars } = payload as NotificationMessage;
  return deps.translate(locale, key, vars);
}

/** JSON with bigints as strings, indented for a person to read. */
export function personalDataJson(data: Record<string, unknown>): string {
  return JSON.stringify(data, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2);
}

/**
 * Erases name, phone, Telegram and chat ids, the opinions' contact details, coordinates and
 * photos (their Telegram file ids), and the chat's stored dialogue and session state; the
 * person is a stranger afterwards. The opinions' texts stay, anonymised.
 */
export async function erasePersonalData(deps: Pick<DomainDeps, 'prisma' | 'clock'>, personId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.prisma.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, include: { roles: { where: { revokedAt: null } } } });
    if (!person || person.erasedAt) throw new DomainError('not-found', 'privacy-no-data');
    // Staff accounts are bound to their role: an admin revokes them first.
    if (person.roles.length > 0) throw new DomainError('forbidden', 'privacy-forget-staff');
    await tx.opinion.updateMany({ where: { residentId: personId }, data: { contactPhone: null, contactName: null, latitude: null, longitude: null } });
    await tx.attachment.deleteMany({ where: { opinion: { residentId: personId } } });
    // Sessions and a stranger's dialogues are stored per chat (`<kind>:<chatId>`); the person's own dialogue on their row (below).
    if (person.chatId !== null) await tx.$executeRaw`DELETE FROM "KeyValue" WHERE key ~ ${`^[a-z-]+:${person.chatId}$`}`;
    // An unfinished opinion is what they typed, not yet anyone's case: it goes entirely.
    await tx.opinionDraft.deleteMany({ where: { residentId: personId } });
    // Undelivered messages would still reach the chat: drop them, and the chat id with them.
    await tx.notification.updateMany({ where: { personId, status: 'PENDING' }, data: { status: 'FAILED', lastError: 'recipient erased their data' } });
    await tx.notification.updateMany({ where: { personId }, data: { chatId: 0n } });
    await tx.person.update({
      where: { id: personId },
      data: { displayName: null, phone: null, telegramId: null, chatId: null, lastStationId: null, conversation: Prisma.DbNull, erasedAt: now },
    });
  });
}
