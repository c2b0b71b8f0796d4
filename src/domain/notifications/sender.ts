// How the outbox reaches people, seen from the domain: one call per notification and
// a few typed failures that decide what happens to the row. The Telegram implementation
// is src/jobs/telegram-sender.ts.
import type { Notification } from '../../generated/prisma/client.js';

/** The recipient as known at delivery (not when the notification was written). */
export interface NotificationRecipient {
  locale: string;
}

export interface NotificationSender {
  /** Resolves once the messenger accepted the message; throws one of the errors below otherwise. */
  send(notification: Notification, recipient: NotificationRecipient): Promise<void>;
}

/** Too many requests: try again after `retryAfterMs` (Telegram's retry_after). */
export class SendRateLimitedError extends Error {
  override name = 'SendRateLimitedError';
  constructor(readonly retryAfterMs: number, description = 'rate limited') {
    super(description);
  }
}

/** The recipient blocked the bot, deleted their account, or the chat does not exist: never retried. */
export class RecipientBlockedError extends Error {
  override name = 'RecipientBlockedError';
}

/** Network trouble or a server error: retried with backoff. */
export class TransientSendError extends Error {
  override name = 'TransientSendError';
}

/** The messenger refused this message itself (e.g. a malformed request): retrying cannot help. */
export class RejectedSendError extends Error {
  override name = 'RejectedSendError';
}
