import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { BodyParseError, parseBody, readRequestBody } from './body-parser.js';
import { BotApiError } from './errors.js';
import { detectBotCommands } from './formatting.js';
import { guessMimeType, imageSize } from './media.js';
import { findMethod } from './methods.js';
import { Params } from './params.js';
import { EmulatorState, commandsKey, type ChatState } from './state.js';
import type {
  BotInfo,
  ChatEntry,
  ChatInputState,
  EmulatorListener,
  Persona,
  RecordedCall,
  SimulatedFailure,
  StoredFile,
  TgBotCommand,
  TgMessage,
  TgUpdate,
} from './types.js';

export interface BotApiEmulatorOptions {
  /** The token the bot uses; requests with another token get 401 like on Telegram. */
  token: string;
  /** Overrides for getMe; id defaults to the numeric token prefix. */
  botInfo?: Partial<BotInfo>;
  personas: readonly Persona[];
  /**
   * Called after the 404 for a method the emulator lacks. Defaults to a loud
   * console.error. If it throws, the error is re-thrown as an uncaught
   * exception (vitest reports it and fails the run; a plain process exits).
   */
  onUnknownMethod?: (method: string, params: Record<string, unknown>) => void;
  /** Clock for message dates, so the console's simulated time shows up in messages. */
  now?: () => Date;
  /**
   * Plays Telegram's webhook delivery: every update goes to this function (which POSTs it to
   * the bot and retries as Telegram does) instead of waiting for getUpdates. Fault harness.
   */
  pushUpdate?: (update: TgUpdate) => void;
  /**
   * Enforce Telegram's flood limits on sent messages (off by default, so the demo is
   * unchanged): at most `perSecond` in any rolling second overall and one per
   * `perChatIntervalMs` per chat; beyond them the call answers 429 with retry_after, as
   * Telegram does. Benchmarks and tests of delivery pacing turn it on.
   */
  rateLimits?: { perSecond?: number; perChatIntervalMs?: number };
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface BotApiEmulator {
  readonly token: string;
  readonly botInfo: BotInfo;
  readonly personas: readonly Persona[];
  /** Node http handler for `/bot<token>/<method>` and `/file/bot<token>/<path>`. */
  readonly handler: RequestHandler;
  /** Whether a request path belongs to the emulator (for mounting next to other routes). */
  handles(pathname: string): boolean;

  // --- acting as a persona (each returns the message the persona "sent")
  sendText(personaId: string, text: string): TgMessage;
  /** Presses an inline button; throws if that message has no button with this callback_data. Returns the callback query id. */
  pressButton(personaId: string, messageId: number, callbackData: string): string;
  /** Presses the newest inline button with this label. Returns the callback query id. */
  pressInlineButton(personaId: string, buttonText: string): string;
  shareContact(personaId: string): TgMessage;
  shareLocation(personaId: string, latitude: number, longitude: number): TgMessage;
  sendPhoto(personaId: string, bytes: Buffer, caption?: string, fileName?: string): TgMessage;
  /** An unsupported message type, to exercise the bot's fallback reply. */
  sendSticker(personaId: string): TgMessage;

  // --- observing
  chat(personaId: string): ChatEntry[];
  input(personaId: string): ChatInputState;
  /** The command menu Telegram would show this persona (scope + language resolution). */
  commandsFor(personaId: string): TgBotCommand[];
  menuButtonFor(personaId: string): Record<string, unknown>;
  file(fileId: string): StoredFile | undefined;
  subscribe(listener: EmulatorListener): () => void;
  /** Every method call except getUpdates, in order. */
  readonly calls: readonly RecordedCall[];
  /** Calls refused with 429 by the enforced rate limits (`rateLimits`). */
  readonly rateLimited: number;
  /** Updates dropped because the bot's `allowed_updates` excluded them. */
  readonly droppedUpdates: readonly TgUpdate[];
  /** Resolves with the first entry (existing or future) matching `predicate`, e.g. the bot's reply. */
  waitForMessage(personaId: string, predicate: (entry: ChatEntry) => boolean, timeoutMs?: number): Promise<ChatEntry>;

  // --- failure injection
  /** The next `count` calls aimed at this persona's chat fail (429 with retry_after, or 403 blocked). */
  failNext(personaId: string, failure: SimulatedFailure, count?: number): void;
  clearFailures(personaId?: string): void;

  /** Ends pending long polls so servers can close. */
  close(): void;
}

const API_PATH = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/;
const FILE_PATH = /^\/file\/bot([^/]+)\/(.+)$/;

export function createBotApiEmulator(options: BotApiEmulatorOptions): BotApiEmulator {
  const botId = Number(options.token.split(':')[0]) || 1000000001;
  const botInfo: BotInfo = {
    id: botId,
    is_bot: true,
    first_name: '民意直通车 (demo)',
    username: 'minyi_demo_bot',
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    ...options.botInfo,
  };
  const state = new EmulatorState(botInfo, options.personas, options.now ?? (() => new Date()));
  state.pushUpdate = options.pushUpdate ?? null;
  const onUnknownMethod =
    options.onUnknownMethod ??
    ((method: string) => {
      console.error(`\n[bot-api emulator] !!! the bot called "${method}", which the demo emulator does not implement.\n`);
    });

  // ------------------------------------------------------------ HTTP

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  };

  const summariseParams = (params: Params): Record<string, unknown> => {
    const summary: Record<string, unknown> = { ...params.values };
    for (const [field, file] of params.files) summary[field] = { file: file.filename, size: file.data.length };
    return summary;
  };

  async function handleMethod(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) controller.abort();
    });
    let params: Params;
    try {
      const body = await readRequestBody(req);
      const parsed = parseBody(req.headers['content-type'], body);
      const query = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
      params = new Params({ ...query, ...parsed.fields }, parsed.files);
    } catch (error) {
      const description = error instanceof BodyParseError ? error.message : String(error);
      send(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${description}` });
      return;
    }
    const implementation = findMethod(method);
    if (!implementation) {
      const error = new BotApiError(404, `Not Found: method ${method} is not implemented by the minyi demo emulator`);
      state.recordCall({ method, params: summariseParams(params), ok: false, error: { error_code: 404, description: error.description } });
      send(res, 404, error.toJSON());
      try {
        onUnknownMethod(method, summariseParams(params));
      } catch (thrown) {
        // Re-throw outside the request so it surfaces as an uncaught error (vitest fails the run).
        process.nextTick(() => {
          throw thrown;
        });
      }
      return;
    }
    const isPolling = method.toLowerCase() === 'getupdates';
    try {
      enforceRateLimits(method, params);
      const result = await implementation({ state, signal: controller.signal }, params);
      if (!isPolling) state.recordCall({ method, params: summariseParams(params), ok: true, result });
      send(res, 200, { ok: true, result });
    } catch (error) {
      if (error instanceof BotApiError) {
        state.recordCall({
          method,
          params: summariseParams(params),
          ok: false,
          error: { error_code: error.errorCode, description: error.description },
        });
        send(res, error.errorCode, error.toJSON());
      } else {
        console.error(`[bot-api emulator] ${method} crashed`, error);
        send(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
      }
    }
  }

  function handleFile(res: ServerResponse, filePath: string): void {
    const file = state.filesByPath.get(decodeURIComponent(filePath));
    if (!file) {
      send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    if (file.remoteUrl) {
      res.writeHead(302, { location: file.remoteUrl });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.bytes.length });
    res.end(file.bytes);
  }

  const handler: RequestHandler = (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const api = API_PATH.exec(pathname);
    const file = api ? null : FILE_PATH.exec(pathname);
    const token = decodeURIComponent((api ?? file)?.[1] ?? '');
    if (!api && !file) {
      send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    if (token !== options.token) {
      req.resume();
      send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    if (file) {
      req.resume();
      handleFile(res, file[2]!);
      return;
    }
    handleMethod(req, res, api![2]!).catch((error: unknown) => {
      console.error('[bot-api emulator] request failed', error);
      send(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
    });
  };

  // ------------------------------------------------------------ flood limits

  const sentAt: number[] = [];
  const lastSentToChat = new Map<string, number>();
  let rateLimited = 0;
  const sendsMessage = /^(send(?!chataction)|copymessage|forwardmessage)/;

  /** Throws Telegram's 429 when this message would exceed the enforced limits; counts it otherwise. */
  function enforceRateLimits(method: string, params: Params): void {
    const limits = options.rateLimits;
    if (!limits || !sendsMessage.test(method.toLowerCase())) return;
    const perSecond = limits.perSecond ?? 30;
    const perChatMs = limits.perChatIntervalMs ?? 1000;
    const now = Date.now();
    while (sentAt.length > 0 && sentAt[0]! <= now - 1000) sentAt.shift();
    const chat = String(params.values.chat_id);
    const chatFreeAt = (lastSentToChat.get(chat) ?? -Infinity) + perChatMs;
    const freeAt = Math.max(chatFreeAt, sentAt.length >= perSecond ? sentAt[0]! + 1000 : 0);
    if (freeAt > now) {
      rateLimited++;
      const retryAfter = Math.max(1, Math.ceil((freeAt - now) / 1000));
      throw new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    sentAt.push(now);
    lastSentToChat.set(chat, now);
  }

  // ------------------------------------------------------------ persona actions

  function postUserMessage(personaId: string, content: Partial<TgMessage>): TgMessage {
    const chat = state.chatOfPersona(personaId);
    const message: TgMessage = {
      message_id: chat.nextMessageId++,
      from: state.userOf(chat.persona),
      chat: state.chatObject(chat.persona),
      date: state.unixNow(),
      ...content,
    };
    const entry: ChatEntry = { sender: 'user', message, edited: false };
    chat.entries.push(entry);
    if (chat.input.forceReplyPlaceholder !== null) {
      chat.input.forceReplyPlaceholder = null;
      state.emit({ type: 'input', personaId, input: chat.input });
    }
    state.emit({ type: 'message', personaId, entry });
    state.enqueueUpdate((update_id) => ({ update_id, message }));
    return message;
  }

  /** One-time reply keyboards collapse after one of their buttons is used. */
  function afterReplyButton(chat: ChatState, matches: (button: { text: string; request_contact?: boolean; request_location?: boolean }) => boolean): void {
    const keyboard = chat.input.replyKeyboard;
    if (!keyboard?.one_time_keyboard) return;
    if (!keyboard.keyboard.some((row) => row.some(matches))) return;
    chat.input.replyKeyboard = null;
    state.emit({ type: 'input', personaId: chat.persona.id, input: chat.input });
  }

  function pressButton(personaId: string, messageId: number, callbackData: string): string {
    const chat = state.chatOfPersona(personaId);
    const entry = state.entry(chat, messageId);
    if (!entry) throw new Error(`persona ${personaId}: message ${messageId} does not exist`);
    const buttons = entry.message.reply_markup?.inline_keyboard.flat() ?? [];
    if (!buttons.some((button) => button.callback_data === callbackData)) {
      throw new Error(`persona ${personaId}: message ${messageId} has no inline button with callback_data "${callbackData}"`);
    }
    const id = randomBytes(8).readBigUInt64BE().toString();
    state.callbackQueries.set(id, { chatId: chat.persona.userId, messageId, answered: false });
    state.enqueueUpdate((update_id) => ({
      update_id,
      callback_query: {
        id,
        from: state.userOf(chat.persona),
        message: entry.message,
        chat_instance: `demo-${chat.persona.userId}`,
        data: callbackData,
      },
    }));
    return id;
  }

  function waitForMessage(personaId: string, predicate: (entry: ChatEntry) => boolean, timeoutMs = 4000): Promise<ChatEntry> {
    const existing = state.chatOfPersona(personaId).entries.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        const transcript = state
          .chatOfPersona(personaId)
          .entries.map((entry) => `${entry.sender}: ${entry.message.text ?? entry.message.caption ?? Object.keys(entry.message).join(',')}`)
          .join('\n  ');
        reject(new Error(`waitForMessage(${personaId}) timed out after ${timeoutMs} ms. Chat:\n  ${transcript}`));
      }, timeoutMs);
      const unsubscribe = state.subscribe((event) => {
        if ((event.type === 'message' || event.type === 'edit') && event.personaId === personaId && predicate(event.entry)) {
          clearTimeout(timer);
          unsubscribe();
          resolve(event.entry);
        }
      });
    });
  }

  function commandsFor(personaId: string): TgBotCommand[] {
    const persona = state.persona(personaId);
    // Telegram's lookup order for a private chat, each first with then without the language.
    const language = persona.languageCode;
    const primary = language.split('-')[0]!;
    const languages = [...new Set([language, primary])];
    const scopes: Record<string, unknown>[] = [
      { type: 'chat', chat_id: persona.userId },
      { type: 'all_private_chats' },
      { type: 'default' },
    ];
    for (const scope of scopes) {
      for (const code of [...languages, '']) {
        const commands = state.commands.get(commandsKey(scope, code));
        if (commands) return commands;
      }
    }
    return [];
  }

  return {
    token: options.token,
    botInfo,
    personas: options.personas,
    handler,
    handles: (pathname) => API_PATH.test(pathname) || FILE_PATH.test(pathname),

    sendText(personaId, text) {
      const chat = state.chatOfPersona(personaId);
      afterReplyButton(chat, (button) => button.text === text && !button.request_contact && !button.request_location);
      const entities = detectBotCommands(text);
      return postUserMessage(personaId, { text, ...(entities.length > 0 ? { entities } : {}) });
    },
    pressButton,
    pressInlineButton(personaId, buttonText) {
      const entries = state.chatOfPersona(personaId).entries;
      for (let i = entries.length - 1; i >= 0; i--) {
        const message = entries[i]!.message;
        const button = message.reply_markup?.inline_keyboard.flat().find((candidate) => candidate.text === buttonText);
        if (button?.callback_data !== undefined) return pressButton(personaId, message.message_id, button.callback_data);
      }
      throw new Error(`persona ${personaId}: no inline button labelled "${buttonText}"`);
    },
    shareContact(personaId) {
      const chat = state.chatOfPersona(personaId);
      const persona = chat.persona;
      afterReplyButton(chat, (button) => button.request_contact === true);
      return postUserMessage(personaId, {
        contact: {
          phone_number: persona.phoneNumber ?? `+86138${String(persona.userId).padStart(8, '0').slice(-8)}`,
          first_name: persona.firstName,
          ...(persona.lastName ? { last_name: persona.lastName } : {}),
          user_id: persona.userId,
        },
      });
    },
    shareLocation(personaId, latitude, longitude) {
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
        throw new Error(`invalid location ${latitude},${longitude}`);
      }
      afterReplyButton(state.chatOfPersona(personaId), (button) => button.request_location === true);
      return postUserMessage(personaId, { location: { latitude, longitude } });
    },
    sendPhoto(personaId, bytes, caption, fileName = 'photo.jpg') {
      state.persona(personaId);
      const file = state.storeFile(bytes, fileName, guessMimeType(fileName, bytes), 'photos');
      const size = imageSize(bytes);
      return postUserMessage(personaId, {
        photo: [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, ...size, file_size: bytes.length }],
        ...(caption ? { caption } : {}),
      });
    },
    sendSticker(personaId) {
      state.persona(personaId);
      const file = state.storeFile(Buffer.alloc(0), 'sticker.webp', 'image/webp', 'stickers');
      return postUserMessage(personaId, {
        sticker: {
          file_id: file.fileId,
          file_unique_id: file.fileUniqueId,
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
          emoji: '👍',
        },
      });
    },

    chat: (personaId) => [...state.chatOfPersona(personaId).entries],
    input: (personaId) => state.chatOfPersona(personaId).input,
    commandsFor,
    menuButtonFor(personaId) {
      const persona = state.persona(personaId);
      return state.menuButtons.get(persona.userId) ?? state.menuButtons.get('default') ?? { type: 'default' };
    },
    file: (fileId) => state.files.get(fileId),
    subscribe: (listener) => state.subscribe(listener),
    calls: state.calls,
    get rateLimited() {
      return rateLimited;
    },
    droppedUpdates: state.droppedUpdates,
    waitForMessage,

    failNext(personaId, failure, count = 1) {
      state.addFailure(state.persona(personaId).userId, failure, count);
    },
    clearFailures(personaId) {
      state.clearFailures(personaId === undefined ? undefined : state.persona(personaId).userId);
    },
    close: () => state.close(),
  };
}
