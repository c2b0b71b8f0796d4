// The resident's rights over their data: a copy of everything stored about them
// (/mydata) and erasure of their personal details (/forget). Erasure keeps the
// anonymised opinions: the statistics and the agencies' work depend on them.
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';

export async function exportPersonalData(deps: Pick<DomainDeps, 'prisma' | 'clock'>, personId: number): Promise<Record<string, unknown>> {
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
      events: opinion.events,
      attachments: opinion.attachments,
      evaluations: opinion.evaluations,
    })),
  };
}

/** JSON with bigints as strings, indented for a person to read. */
export function personalDataJson(data: Record<string, unknown>): string {
  return JSON.stringify(data, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2);
}

/** Erases name, phone, Telegram and chat ids and the opinions' contact details; the person is a stranger afterwards. */
export async function erasePersonalData(deps: Pick<DomainDeps, 'prisma' | 'clock'>, personId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.prisma.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, include: { roles: { where: { revokedAt: null } } } });
    if (!person || person.erasedAt) throw new DomainError('not-found', 'privacy-no-data');
    // Staff accounts are bound to their role: an admin revokes them first.
    if (person.roles.length > 0) throw new DomainError('forbidden', 'privacy-forget-staff');
    await tx.opinion.updateMany({ where: { residentId: personId }, data: { contactPhone: null, contactName: null } });
    // Undelivered messages would still reach the chat: drop them, and the chat id with them.
    await tx.notification.updateMany({ where: { personId, status: 'PENDING' }, data: { status: 'FAILED', lastError: 'recipient erased their data' } });
    await tx.notification.updateMany({ where: { personId }, data: { chatId: 0n } });
    await tx.person.update({
      where: { id: personId },
      data: { displayName: null, phone: null, telegramId: null, chatId: null, lastStationId: null, erasedAt: now },
    });
  });
}
