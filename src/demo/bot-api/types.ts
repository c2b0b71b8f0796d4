// Telegram-shaped objects as the emulator stores and returns them. They are kept
// deliberately loose (optional fields, string unions) instead of reusing
// grammY's exhaustive unions: the emulator only ever builds a small subset.

export type PersonaLanguage = 'zh-hans' | 'en';

/** A demo user. Each persona is a private chat whose chat id equals its user id. */
export interface Persona {
  id: string;
  userId: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode: PersonaLanguage;
  /** Shown in the console sidebar, e.g. "居民" / "联络员". */
  role: string;
  /** Shared when the persona presses a `request_contact` button. */
  phoneNumber?: string;
}

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  can_join_groups?: boolean;
  can_read_all_group_messages?: boolean;
  supports_inline_queries?: boolean;
}

export interface BotInfo extends TgUser {
  is_bot: true;
  username: string;
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
  can_connect_to_business?: boolean;
  has_main_web_app?: boolean;
}

export interface TgChat {
  id: number;
  type: 'private';
  first_name: string;
  last_name?: string;
  username?: string;
}

export interface TgMessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
  user?: TgUser;
}

export interface TgInlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
  [other: string]: unknown;
}

export interface TgInlineKeyboardMarkup {
  inline_keyboard: TgInlineKeyboardButton[][];
}

export interface TgKeyboardButton {
  text: string;
  request_contact?: boolean;
  request_location?: boolean;
  [other: string]: unknown;
}

export interface TgReplyKeyboardMarkup {
  keyboard: TgKeyboardButton[][];
  is_persistent?: boolean;
  resize_keyboard?: boolean;
  one_time_keyboard?: boolean;
  input_field_placeholder?: string;
  selective?: boolean;
}

export interface TgReplyKeyboardRemove {
  remove_keyboard: true;
  selective?: boolean;
}

export interface TgForceReply {
  force_reply: true;
  input_field_placeholder?: string;
  selective?: boolean;
}

export type TgReplyMarkup =
  | TgInlineKeyboardMarkup
  | TgReplyKeyboardMarkup
  | TgReplyKeyboardRemove
  | TgForceReply;

export interface TgPhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

export interface TgDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

export interface TgContact {
  phone_number: string;
  first_name: string;
  last_name?: string;
  user_id?: number;
}

export interface TgLocation {
  latitude: number;
  longitude: number;
}

export interface TgSticker {
  file_id: string;
  file_unique_id: string;
  type: 'regular';
  width: number;
  height: number;
  is_animated: boolean;
  is_video: boolean;
  emoji?: string;
}

export interface TgMessage {
  message_id: number;
  from?: TgUser;
  chat: TgChat;
  date: number;
  edit_date?: number;
  /** Photos sent together as an album share it. */
  media_group_id?: string;
  text?: string;
  entities?: TgMessageEntity[];
  caption?: string;
  caption_entities?: TgMessageEntity[];
  photo?: TgPhotoSize[];
  document?: TgDocument;
  contact?: TgContact;
  location?: TgLocation;
  sticker?: TgSticker;
  link_preview_options?: Record<string, unknown>;
  /** Only inline keyboards are echoed back by Telegram. */
  reply_markup?: TgInlineKeyboardMarkup;
  reply_to_message?: TgMessage;
}

export interface TgCallbackQuery {
  id: string;
  from: TgUser;
  message: TgMessage;
  chat_instance: string;
  data: string;
}

export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  callback_query?: TgCallbackQuery;
}

export interface TgBotCommand {
  command: string;
  description: string;
}

export interface TgFile {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
  file_path?: string;
}

/** A message as the console and tests see it: the Telegram message plus transport facts. */
export interface ChatEntry {
  /** `bot` = sent by the bot (left bubble), `user` = sent by the persona (right bubble). */
  sender: 'bot' | 'user';
  message: TgMessage;
  edited: boolean;
  /** The reply markup the bot sent, including reply keyboards (which Telegram does not echo). */
  sentReplyMarkup?: TgReplyMarkup;
  /** The parse mode the bot asked for; kept for debugging in the console. */
  parseMode?: string;
}

/** What the console needs to render above the input for one chat. */
export interface ChatInputState {
  replyKeyboard: TgReplyKeyboardMarkup | null;
  forceReplyPlaceholder: string | null;
  /** Last `sendChatAction`, shown as "typing…" for a few seconds. */
  lastChatAction: { action: string; at: number } | null;
}

export interface RecordedCall {
  seq: number;
  method: string;
  /** Parameters as received; uploaded files are replaced by a `{ file: name, size }` summary. */
  params: Record<string, unknown>;
  ok: boolean;
  result?: unknown;
  error?: { error_code: number; description: string };
  at: number;
}

export type EmulatorEvent =
  | { type: 'message'; personaId: string; entry: ChatEntry }
  | { type: 'edit'; personaId: string; entry: ChatEntry }
  | { type: 'delete'; personaId: string; messageId: number }
  | { type: 'input'; personaId: string; input: ChatInputState }
  | { type: 'toast'; personaId: string; text: string; showAlert: boolean; url?: string }
  | { type: 'chat_action'; personaId: string; action: string }
  | { type: 'commands' }
  | { type: 'call'; call: RecordedCall };

export type EmulatorListener = (event: EmulatorEvent) => void;

/** A failure to inject for the next calls aimed at one chat (notification worker tests). */
export type SimulatedFailure =
  | { kind: 'too_many_requests'; retryAfter: number }
  | { kind: 'blocked' }
  /** A 5xx, as Telegram answers during an outage. */
  | { kind: 'server_error' }
  /** answerCallbackQuery (or any call) refused as Telegram refuses a late answer. */
  | { kind: 'query_too_old' };

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  filePath: string;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  /** Set when the bot sent an HTTP URL instead of bytes (the emulator has no network). */
  remoteUrl?: string;
}
