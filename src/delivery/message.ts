// The outbox's message: what to say, not how Telegram shows it. The domain writes it in
// the same transaction as the change; at delivery the bot layer renders it in the
// recipient's current language (src/bot/notifications/render.ts) with its buttons.
import type { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../domain/deps.js';

/** Buttons that go with a notification, rendered by the feature that handles them. */
export type NotificationAction =
  /** Officer: acknowledge / open the case (inbox). */
  | { type: 'triage'; opinionId: number }
  /** Agency handler: open the referred case. */
  | { type: 'agency-case'; opinionId: number }
  /** Resident: 满意 / 基本满意 / 不满意. */
  | { type: 'evaluate'; opinionId: number; round: number }
  /** Anyone: open the case's timeline. */
  | { type: 'open-opinion'; opinionId: number }
  /** Representatives, admins, agencies: open a proposal and act on it. */
  | { type: 'open-proposal'; proposalId: number }
  /** Street / district admin (督办): chase, reassign, open the case. */
  | { type: 'supervise'; opinionId: number };

export interface NotificationMessage {
  /** A key in locales/*.ftl. */
  key: string;
  vars?: Record<string, string | number>;
  action?: NotificationAction;
  /** For documents and pictures (monthly report): a file under DATA_DIR and its name. */
  file?: { path: string; filename: string; kind: 'document' | 'photo' };
}

export interface EnqueueNotification {
  /** Never the same notification twice: e.g. `opinion:42:event:7:person:3`. */
  dedupeKey: string;
  personId: number;
  chatId: bigint;
  opinionId?: number;
  proposalId?: number;
  message: NotificationMessage;
}

/**
 * Writes notifications to the outbox inside the caller's transaction; repeats are ignored.
 * After the commit, the caller wakes delivery with `deps.outbox.notify()`.
 */
export async function enqueueNotifications(tx: Tx, notifications: EnqueueNotification[]): Promise<number> {
  if (notifications.length === 0) return 0;
  const result = await tx.notification.createMany({
    data: notifications.map((n) => ({
      dedupeKey: n.dedupeKey,
      personId: n.personId,
      chatId: n.chatId,
      opinionId: n.opinionId ?? null,
      proposalId: n.proposalId ?? null,
      payload: n.message as unknown as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
  return result.count;
}
