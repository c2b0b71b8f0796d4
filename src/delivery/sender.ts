// How the outbox reaches people: one call per notification and a few typed failures that
// decide what happens to the row. The Telegram implementation is ./telegram-sender.ts.
import type { ClaimedNotification } from './outbox.js';

/** The recipient as known at delivery (not when the notification was written). */
export interface NotificationRecipient {
  locale: string;
}

export interface NotificationSender {
  /** Resolves once the messenger accepted the message; throws one of the errors below otherwise. */
  send(notification: ClaimedNotification, recipient: NotificationRecipient): Promise<void>;
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
