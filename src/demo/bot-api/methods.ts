import { badRequest } from './errors.js';
import { resolveFormattedText } from './formatting.js';
import { guessMimeType, imageSize } from './media.js';
import type { Params } from './params.js';
import { commandsKey, type ChatState, type EmulatorState } from './state.js';
import type {
  ChatEntry,
  StoredFile,
  TgBotCommand,
  TgInlineKeyboardMarkup,
  TgMessage,
  TgMessageEntity,
  TgReplyMarkup,
  TgReplyKeyboardMarkup,
} from './types.js';

export interface MethodContext {
  state: EmulatorState;
  /** Aborted when the HTTP client goes away (used by long polling). */
  signal: AbortSignal;
}

export type MethodImplementation = (context: MethodContext, params: Params) => unknown;

// --------------------------------------------------------------- helpers

const INLINE_ACTION_FIELDS = [
  'callback_data',
  'url',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'web_app',
  'callback_game',
  'pay',
  'copy_text',
];

/** Validates reply_markup like Telegram does; the 64-byte callback_data limit bites with Chinese text. */
export function parseReplyMarkup(params: Params): TgReplyMarkup | undefined {
  const markup = params.json<TgReplyMarkup>('reply_markup');
  if (markup === undefined) return undefined;
  if (typeof markup !== 'object' || markup === null) throw badRequest("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in markup) {
    if (!Array.isArray(markup.inline_keyboard) || !markup.inline_keyboard.every(Array.isArray)) {
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    }
    for (const row of markup.inline_keyboard) {
      for (const button of row) {
        if (typeof button?.text !== 'string' || button.text === '') throw badRequest('text buttons are unallowed in the inline keyboard');
        const actions = INLINE_ACTION_FIELDS.filter((field) => button[field] !== undefined);
        if (actions.length !== 1) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        if (button.callback_data !== undefined) {
          const bytes = Buffer.byteLength(String(button.callback_data));
          if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
        }
        if (button.url !== undefined && !/^(https?|tg):\/\//i.test(String(button.url))) {
          throw badRequest(`inline keyboard button URL '${String(button.url)}' is invalid: Unsupported URL protocol`);
        }
      }
    }
    return markup;
  }
  if ('keyboard' in markup) {
    if (!Array.isArray(markup.keyboard) || !markup.keyboard.every(Array.isArray)) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
    }
    for (const row of markup.keyboard) {
      for (const button of row) {
        const text = typeof button === 'string' ? button : button?.text;
        if (typeof text !== 'string' || text === '') throw badRequest('keyboard button text must be non-empty');
      }
    }
    // Telegram accepts plain strings as buttons; normalise so the console sees one shape.
    markup.keyboard = markup.keyboard.map((row) =>
      row.map((button) => (typeof button === 'string' ? { text: button } : button)),
    );
    return markup;
  }
  if ('remove_keyboard' in markup || 'force_reply' in markup) return markup;
  throw badRequest('unsupported reply_markup (expected inline_keyboard, keyboard, remove_keyboard or force_reply)');
}

const isInlineMarkup = (markup: TgReplyMarkup | undefined): markup is TgInlineKeyboardMarkup =>
  markup !== undefined && 'inline_keyboard' in markup;

/** Reply keyboards, removals and force_reply change what the console shows above the input. */
function applyInputMarkup(state: EmulatorState, chat: ChatState, markup: TgReplyMarkup | undefined): void {
  if (!markup || isInlineMarkup(markup)) {
    if (chat.input.forceReplyPlaceholder !== null) {
      chat.input.forceReplyPlaceholder = null;
      state.emit({ type: 'input', personaId: chat.persona.id, input: chat.input });
    }
    return;
  }
  if ('keyboard' in markup) {
    chat.input.replyKeyboard = markup as TgReplyKeyboardMarkup;
    chat.input.forceReplyPlaceholder = null;
  } else if ('remove_keyboard' in markup) {
    chat.input.replyKeyboard = null;
  } else if ('force_reply' in markup) {
    chat.input.forceReplyPlaceholder = markup.input_field_placeholder ?? '';
  }
  state.emit({ type: 'input', personaId: chat.persona.id, input: chat.input });
}

/** Resolves the chat a sending method targets and applies injected failures first. */
function targetChat(state: EmulatorState, params: Params): ChatState {
  const chatId = params.requiredString('chat_id');
  const chat = state.chatForMethod(chatId);
  state.consumeFailure(chat.persona.userId);
  return chat;
}

function replyTo(state: EmulatorState, chat: ChatState, params: Params): { reply_to_message?: TgMessage } {
  const replyParameters = params.json<{ message_id?: number }>('reply_parameters');
  const messageId = replyParameters?.message_id ?? params.integer('reply_to_message_id');
  if (messageId === undefined) return {};
  const target = state.entry(chat, messageId);
  if (!target) throw badRequest('message to be replied not found');
  const { reply_to_message: _nested, ...withoutNested } = target.message;
  return { reply_to_message: withoutNested };
}

function postBotMessage(
  state: EmulatorState,
  chat: ChatState,
  params: Params,
  content: Partial<TgMessage>,
  markup: TgReplyMarkup | undefined,
): TgMessage {
  const message: TgMessage = {
    message_id: chat.nextMessageId++,
    from: state.botUser(),
    chat: state.chatObject(chat.persona),
    date: state.unixNow(),
    ...replyTo(state, chat, params),
    ...content,
    ...(isInlineMarkup(markup) ? { reply_markup: markup } : {}),
  };
  const parseMode = params.string('parse_mode');
  const entry: ChatEntry = {
    sender: 'bot',
    message,
    edited: false,
    ...(markup ? { sentReplyMarkup: markup } : {}),
    ...(parseMode ? { parseMode } : {}),
  };
  chat.entries.push(entry);
  applyInputMarkup(state, chat, markup);
  state.emit({ type: 'message', personaId: chat.persona.id, entry });
  return message;
}

const withEntities = (key: 'entities' | 'caption_entities', entities: TgMessageEntity[]) =>
  entities.length > 0 ? { [key]: entities } : {};

/**
 * Resolves an InputFile parameter: a multipart part under the field name, an
 * `attach://<id>` reference (what grammY sends), a known file_id, or an HTTP URL.
 */
/** The optional caption of a photo or document, formatted like Telegram does. */
function parseCaption(params: Params): { text: string; entities: TgMessageEntity[] } {
  return resolveFormattedText(params.string('caption') ?? '', params.string('parse_mode'), params.json<TgMessageEntity[]>('caption_entities'), 'caption');
}

function resolveInputFile(state: EmulatorState, params: Params, field: string, folder: 'photos' | 'documents', value = params.string(field)): StoredFile {
  const direct = params.files.get(field);
  const attached = value?.startsWith('attach://') ? params.files.get(value.slice('attach://'.length)) : undefined;
  const upload = direct ?? attached;
  if (upload) {
    const mimeType = upload.contentType !== 'application/octet-stream' ? upload.contentType : guessMimeType(upload.filename, upload.data);
    return state.storeFile(upload.data, upload.filename, mimeType, folder);
  }
  if (value === undefined) throw badRequest(`there is no ${field} in the request`);
  if (value.startsWith('attach://')) throw badRequest(`file ${value} not found in the multipart request`);
  const known = state.files.get(value);
  if (known) return known;
  if (/^https?:\/\//i.test(value)) {
    // No network here: keep the URL so the console can show it directly.
    const fileName = new URL(value).pathname.split('/').pop() || 'remote';
    const file = state.storeFile(Buffer.alloc(0), fileName, guessMimeType(fileName), folder);
    file.remoteUrl = value;
    return file;
  }
  throw badRequest('wrong remote file identifier specified: Wrong string length');
}

function editableEntry(state: EmulatorState, params: Params): { chat: ChatState; entry: ChatEntry } {
  if (params.has('inline_message_id')) {
    throw badRequest('inline_message_id is not implemented by the minyi demo emulator (no inline mode)');
  }
  const chat = targetChat(state, params);
  const entry = state.entry(chat, params.requiredInteger('message_id'));
  if (!entry) throw badRequest('message to edit not found');
  if (entry.sender !== 'bot') throw badRequest("message can't be edited");
  return { chat, entry };
}

function inlineMarkupForEdit(params: Params): TgInlineKeyboardMarkup | undefined {
  const markup = parseReplyMarkup(params);
  if (markup !== undefined && !isInlineMarkup(markup)) throw badRequest('inline keyboard expected');
  return markup;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** Edits replace the inline keyboard: omitting reply_markup removes it, as on Telegram. */
function commitEdit(state: EmulatorState, chat: ChatState, entry: ChatEntry, changes: Partial<TgMessage>, markup: TgInlineKeyboardMarkup | undefined): TgMessage {
  const before = entry.message;
  const after: TgMessage = { ...before, ...changes, edit_date: state.unixNow() };
  if (markup) after.reply_markup = markup;
  else delete after.reply_markup;
  for (const key of ['entities', 'caption_entities'] as const) if (after[key]?.length === 0) delete after[key];
  const comparable = (message: TgMessage) => [message.text, message.entities, message.caption, message.caption_entities, message.reply_markup];
  if (sameJson(comparable(before), comparable(after))) throw badRequest(NOT_MODIFIED);
  entry.message = after;
  entry.edited = true;
  if (markup) entry.sentReplyMarkup = markup;
  else delete entry.sentReplyMarkup;
  state.emit({ type: 'edit', personaId: chat.persona.id, entry });
  return after;
}

const COMMAND_PATTERN = /^[a-z0-9_]{1,32}$/;

function commandsForRequest(params: Params): { key: string } {
  const scope = params.json<Record<string, unknown>>('scope');
  return { key: commandsKey(scope, params.string('language_code')) };
}

// --------------------------------------------------------------- methods

export const methods: Record<string, MethodImplementation> = {
  getMe: ({ state }) => state.botInfo,

  logOut: () => {
    throw badRequest('logOut is not supported by the minyi demo emulator');
  },

  getUpdates: ({ state, signal }, params) => {
    const limit = Math.min(Math.max(params.integer('limit') ?? 100, 1), 100);
    const timeout = Math.max(params.integer('timeout') ?? 0, 0);
    return state.getUpdates(params.integer('offset'), limit, timeout, params.json<string[]>('allowed_updates'), signal);
  },

  setWebhook: ({ state }, params) => {
    state.webhookUrl = params.string('url') ?? '';
    return true;
  },

  deleteWebhook: ({ state }, params) => {
    state.webhookUrl = '';
    if (params.boolean('drop_pending_updates')) state.dropPendingUpdates();
    return true;
  },

  getWebhookInfo: ({ state }) => ({
    url: state.webhookUrl,
    has_custom_certificate: false,
    pending_update_count: state.pendingUpdateCount,
  }),

  getChat: ({ state }, params) => {
    const chat = state.chatForMethod(params.requiredString('chat_id'));
    return { ...state.chatObject(chat.persona), accent_color_id: 0, max_reaction_count: 11 };
  },

  sendMessage: ({ state }, params) => {
    const chat = targetChat(state, params);
    const formatted = resolveFormattedText(
      params.requiredString('text'),
      params.string('parse_mode'),
      params.json<TgMessageEntity[]>('entities'),
      'text',
    );
    const markup = parseReplyMarkup(params);
    const linkPreview = params.json<Record<string, unknown>>('link_preview_options');
    return postBotMessage(
      state,
      chat,
      params,
      {
        text: formatted.text,
        ...withEntities('entities', formatted.entities),
        ...(linkPreview ? { link_preview_options: linkPreview } : {}),
      },
      markup,
    );
  },

  sendPhoto: ({ state }, params) => {
    const chat = targetChat(state, params);
    const caption = parseCaption(params);
    const markup = parseReplyMarkup(params);
    const file = resolveInputFile(state, params, 'photo', 'photos');
    const size = file.bytes.length > 0 ? imageSize(file.bytes) : { width: 800, height: 600 };
    return postBotMessage(
      state,
      chat,
      params,
      {
        photo: [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, ...size, file_size: file.bytes.length }],
        ...(caption.text ? { caption: caption.text } : {}),
        ...withEntities('caption_entities', caption.entities),
      },
      markup,
    );
  },

  /** An album: one photo message per item, sharing a media_group_id; only photos (all the bot sends). */
  sendMediaGroup: ({ state }, params) => {
    const chat = targetChat(state, params);
    const media = params.json<{ type: string; media: string; caption?: string }[]>('media');
    if (!media || media.length < 2 || media.length > 10) throw badRequest('wrong number of media: an album has 2 to 10 items');
    const groupId = `album-${chat.nextMessageId}`;
    return media.map((item, index) => {
      if (item.type !== 'photo') throw badRequest(`media type ${item.type} is not implemented by the minyi demo emulator`);
      const file = resolveInputFile(state, params, `media.${index}`, 'photos', item.media);
      const size = file.bytes.length > 0 ? imageSize(file.bytes) : { width: 800, height: 600 };
      const photo = [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, ...size, file_size: file.bytes.length }];
      return postBotMessage(state, chat, params, { photo, media_group_id: groupId, ...(item.caption ? { caption: item.caption } : {}) }, undefined);
    });
  },

  sendDocument: ({ state }, params) => {
    const chat = targetChat(state, params);
    const caption = parseCaption(params);
    const markup = parseReplyMarkup(params);
    const file = resolveInputFile(state, params, 'document', 'documents');
    return postBotMessage(
      state,
      chat,
      params,
      {
        document: {
          file_id: file.fileId,
          file_unique_id: file.fileUniqueId,
          file_name: file.fileName,
          mime_type: file.mimeType,
          file_size: file.bytes.length,
        },
        ...(caption.text ? { caption: caption.text } : {}),
        ...withEntities('caption_entities', caption.entities),
      },
      markup,
    );
  },

  sendLocation: ({ state }, params) => {
    const chat = targetChat(state, params);
    const latitude = params.number('latitude');
    const longitude = params.number('longitude');
    if (latitude === undefined || longitude === undefined) throw badRequest('latitude and longitude are required');
    return postBotMessage(state, chat, params, { location: { latitude, longitude } }, parseReplyMarkup(params));
  },

  sendChatAction: ({ state }, params) => {
    const chat = targetChat(state, params);
    const action = params.requiredString('action');
    chat.input.lastChatAction = { action, at: Date.now() };
    state.emit({ type: 'chat_action', personaId: chat.persona.id, action });
    return true;
  },

  editMessageText: ({ state }, params) => {
    const { chat, entry } = editableEntry(state, params);
    if (entry.message.text === undefined) throw badRequest('there is no text in the message to edit');
    const formatted = resolveFormattedText(
      params.requiredString('text'),
      params.string('parse_mode'),
      params.json<TgMessageEntity[]>('entities'),
      'text',
    );
    const parseMode = params.string('parse_mode');
    if (parseMode) entry.parseMode = parseMode;
    return commitEdit(state, chat, entry, { text: formatted.text, entities: formatted.entities }, inlineMarkupForEdit(params));
  },

  editMessageCaption: ({ state }, params) => {
    const { chat, entry } = editableEntry(state, params);
    if (!entry.message.photo && !entry.message.document) throw badRequest('there is no caption in the message to edit');
    const caption = parseCaption(params);
    return commitEdit(state, chat, entry, { caption: caption.text, caption_entities: caption.entities }, inlineMarkupForEdit(params));
  },

  editMessageReplyMarkup: ({ state }, params) => {
    const { chat, entry } = editableEntry(state, params);
    return commitEdit(state, chat, entry, {}, inlineMarkupForEdit(params));
  },

  deleteMessage: ({ state }, params) => {
    const chat = targetChat(state, params);
    const messageId = params.requiredInteger('message_id');
    const index = chat.entries.findIndex((entry) => entry.message.message_id === messageId);
    if (index < 0) throw badRequest('message to delete not found');
    chat.entries.splice(index, 1);
    state.emit({ type: 'delete', personaId: chat.persona.id, messageId });
    return true;
  },

  answerCallbackQuery: ({ state }, params) => {
    const id = params.requiredString('callback_query_id');
    const query = state.callbackQueries.get(id);
    if (!query || query.answered) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    state.consumeFailure(query.chatId);
    query.answered = true;
    const text = params.string('text');
    const url = params.string('url');
    const chat = state.chats.get(query.chatId)!;
    if (text || url) {
      state.emit({
        type: 'toast',
        personaId: chat.persona.id,
        text: text ?? '',
        showAlert: params.boolean('show_alert') ?? false,
        ...(url ? { url } : {}),
      });
    }
    return true;
  },

  setMyCommands: ({ state }, params) => {
    const commands = params.json<TgBotCommand[]>('commands');
    if (!Array.isArray(commands)) throw badRequest('commands must be an array');
    if (commands.length > 100) throw badRequest('too many commands');
    for (const command of commands) {
      if (typeof command?.command !== 'string' || !COMMAND_PATTERN.test(command.command)) throw badRequest('BOT_COMMAND_INVALID');
      if (typeof command.description !== 'string' || command.description.length < 1 || command.description.length > 256) {
        throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
      }
    }
    const { key } = commandsForRequest(params);
    if (commands.length === 0) state.commands.delete(key);
    else state.commands.set(key, commands.map(({ command, description }) => ({ command, description })));
    state.emit({ type: 'commands' });
    return true;
  },

  getMyCommands: ({ state }, params) => state.commands.get(commandsForRequest(params).key) ?? [],

  deleteMyCommands: ({ state }, params) => {
    state.commands.delete(commandsForRequest(params).key);
    state.emit({ type: 'commands' });
    return true;
  },

  // Bot profile texts, per language like commands (shown nowhere yet; stored so startup code works).
  setMyDescription: ({ state }, params) => {
    state.profileTexts.set(`description|${params.string('language_code') ?? ''}`, params.string('description') ?? '');
    return true;
  },
  getMyDescription: ({ state }, params) => ({
    description: state.profileTexts.get(`description|${params.string('language_code') ?? ''}`) ?? '',
  }),
  setMyShortDescription: ({ state }, params) => {
    state.profileTexts.set(`short_description|${params.string('language_code') ?? ''}`, params.string('short_description') ?? '');
    return true;
  },
  getMyShortDescription: ({ state }, params) => ({
    short_description: state.profileTexts.get(`short_description|${params.string('language_code') ?? ''}`) ?? '',
  }),

  setChatMenuButton: ({ state }, params) => {
    const chatId = params.integer('chat_id');
    if (chatId !== undefined) state.chatForMethod(chatId);
    const button = params.json<Record<string, unknown>>('menu_button') ?? { type: 'default' };
    state.menuButtons.set(chatId ?? 'default', button);
    state.emit({ type: 'commands' });
    return true;
  },

  getChatMenuButton: ({ state }, params) => {
    const chatId = params.integer('chat_id');
    return state.menuButtons.get(chatId ?? 'default') ?? state.menuButtons.get('default') ?? { type: 'default' };
  },

  getFile: ({ state }, params) => {
    const file = state.files.get(params.requiredString('file_id'));
    if (!file) throw badRequest('invalid file_id');
    return {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.bytes.length,
      file_path: file.filePath,
    };
  },
};

/** Telegram treats method names case-insensitively. */
const methodsByLowerName = new Map(Object.entries(methods).map(([name, implementation]) => [name.toLowerCase(), implementation]));

export function findMethod(name: string): MethodImplementation | undefined {
  return methodsByLowerName.get(name.toLowerCase());
}

