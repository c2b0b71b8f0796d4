// Sends outbox notifications through the Telegram Bot API and translates its failures
// into the outbox's typed errors (./sender.ts).
//
// Give it an Api WITHOUT the auto-retry transformer (createDeliveryApi): the outbox
// already retries, obeys retry_after by pausing the chat (or all chats, see pacer.ts),
// and must see a 429 to do so. Through auto-retry, a 429 would hold a worker slot asleep
// inside one call while the other slots kept hitting the limit.
import { Api, GrammyError, HttpError, type ApiClientOptions } from 'grammy';
import {
  RecipientBlockedError,
  RejectedSendError,
  SendRateLimitedError,
  TransientSendError,
  type NotificationRecipient,
  type NotificationSender,
} from './sender.js';
import type { ClaimedNotification } from './outbox.js';

/** A Bot API call: e.g. { method: 'sendMessage', params: { chat_id, text, reply_markup } }. */
export interface RenderedCall {
  method: string;
  params: object;
}

/** Turns the semantic outbox message into a Bot API call, in the recipient's language (src/bot/notifications/render.ts). */
export type RenderNotification = (notification: ClaimedNotification, recipient: NotificationRecipient) => RenderedCall | Promise<RenderedCall>;

export function createTelegramSender({ api, render }: { api: Api; render: RenderNotification }): NotificationSender {
  const raw = api.raw as unknown as Record<string, (params: object) => Promise<unknown>>;
  return {
    async send(notification, recipient) {
      const { method, params } = await render(notification, recipient);
      try {
        await raw[method]!(params);
      } catch (error) {
        throw toSendError(error);
      }
    },
  };
}

/** A plain Api for delivery: no transformers, a bounded timeout. */
export function createDeliveryApi(token: string, client: ApiClientOptions = {}): Api {
  return new Api(token, { timeoutSeconds: 30, ...client });
}

export function toSendError(error: unknown): Error {
  if (error instanceof GrammyError) {
    const { error_code: code, description } = error;
    if (code === 429) return new SendRateLimitedError((error.parameters.retry_after ?? 1) * 1000, description);
    // 403: blocked by the user, user deactivated, bot kicked, cannot initiate a conversation.
    if (code === 403) return new RecipientBlockedError(description);
    if (code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) return new RecipientBlockedError(description);
    if (code >= 500) return new TransientSendError(description);
    return new RejectedSendError(description);
  }
  // The network failed, or Telegram did not answer in time.
  if (error instanceof HttpError) return new TransientSendError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}
