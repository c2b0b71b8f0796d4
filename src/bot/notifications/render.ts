// Renders an outbox message at delivery, in the recipient's current language, with
// the buttons of the feature that handles it. The domain wrote what to say
// (`NotificationMessage`); this decides how Telegram shows it.
import { InlineKeyboard, InputFile, type RawApi } from 'grammy';
import type { Notification } from '../../generated/prisma/client.js';
import type { NotificationAction, NotificationMessage } from '../../delivery/message.js';
import type { Translate } from '../../i18n/index.js';
import { ratingKeyboard } from '../features/evaluation/keyboards.js';
import { openProposal } from '../features/proposals/callback-data.js';
import { superviseKeyboard } from '../features/supervision/keyboards.js';
import { openCaseKeyboard } from '../features/triage/keyboards.js';
import { fitValues, TELEGRAM_LIMITS } from '../limits.js';

export interface RenderOptions {
  translate: Translate;
  /** The recipient's locale now (not when the notification was written). */
  personLocale: string;
  botUsername?: string;
}

export type RenderedNotification =
  | { method: 'sendMessage'; params: Parameters<RawApi['sendMessage']>[0] }
  | { method: 'sendPhoto'; params: Parameters<RawApi['sendPhoto']>[0] }
  | { method: 'sendDocument'; params: Parameters<RawApi['sendDocument']>[0] };

export function renderNotification(notification: Pick<Notification, 'chatId' | 'payload'>, options: RenderOptions): RenderedNotification {
  const message = notification.payload as unknown as NotificationMessage;
  const t = (key: string, vars?: Record<string, string | number>) => options.translate(options.personLocale, key, vars);
  const chat_id = Number(notification.chatId);
  // Whatever people typed into it, the text fits: a caption with a file, a message without.
  const text = fitValues((vars) => t(message.key, vars), message.vars ?? {}, message.file ? TELEGRAM_LIMITS.caption : TELEGRAM_LIMITS.text);
  const keyboard = message.action ? actionKeyboard(message.action, t) : undefined;
  const reply_markup = keyboard ? { reply_markup: keyboard } : {};
  if (message.file) {
    const file = new InputFile(message.file.path, message.file.filename);
    return message.file.kind === 'photo'
      ? { method: 'sendPhoto', params: { chat_id, photo: file, caption: text, ...reply_markup } }
      : { method: 'sendDocument', params: { chat_id, document: file, caption: text, ...reply_markup } };
  }
  return { method: 'sendMessage', params: { chat_id, text, ...reply_markup } };
}

function actionKeyboard(action: NotificationAction, t: (key: string) => string): InlineKeyboard {
  switch (action.type) {
    case 'triage':
      return openCaseKeyboard(t('triage-open-case'), action.opinionId);
    case 'agency-case':
      return openCaseKeyboard(t('agency-open-case'), action.opinionId);
    case 'evaluate':
      return ratingKeyboard(t, action.opinionId, action.round);
    case 'open-opinion':
      return openCaseKeyboard(t('case-open-timeline'), action.opinionId);
    case 'open-proposal':
      return new InlineKeyboard().text(t('proposals-open'), openProposal.pack({ id: action.proposalId }));
    case 'supervise':
      return superviseKeyboard(t, action.opinionId);
  }
}
