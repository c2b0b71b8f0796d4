// Telegram for tests: no server is reachable, so the bot gets a fake `fetch` that
// records every Bot API call and answers like Telegram would. A `TestUser` sends
// updates through `bot.handleUpdate` and reads what the bot sent back to its chat.
import type { Bot } from 'grammy';
import type { InlineKeyboardButton, KeyboardButton, Message, Update, UserFromGetMe } from 'grammy/types';

export const testBotInfo: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: 'minyi',
  username: 'minyi_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  url: string;
  /** What the fake answered (a Message for send methods); absent for failures. */
  result?: unknown;
}

/** A scripted failure for the next call(s) matching a method and chat. */
export interface ApiFailure {
  method?: string;
  chatId?: number;
  times?: number;
  errorCode: number;
  description: string;
  retryAfter?: number;
}

export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  #nextMessageId = 1000;
  #failures: ApiFailure[] = [];

  /** Pass as `client: { fetch }` to the Bot. */
  readonly fetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = url.split('/').pop() ?? '';
    const payload = await readPayload(init);
    const call: ApiCall = { method, payload, url };
    this.calls.push(call);
    const failure = this.#takeFailure(method, payload);
    if (failure) {
      return json({
        ok: false,
        error_code: failure.errorCode,
        description: failure.description,
        ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
      });
    }
    call.result = this.#result(method, payload);
    return json({ ok: true, result: call.result });
  }) as typeof fetch;

  failNext(failure: ApiFailure): void {
    this.#failures.push({ times: 1, ...failure });
  }

  /** Messages (sent or edited) addressed to a chat, in order. */
  callsTo(chatId: number): ApiCall[] {
    return this.calls.filter((call) => Number(call.payload.chat_id) === chatId);
  }

  clear(): void {
    this.calls.length = 0;
  }

  #takeFailure(method: string, payload: Record<string, unknown>): ApiFailure | undefined {
    const index = this.#failures.findIndex(
      (f) => (!f.method || f.method === method) && (f.chatId === undefined || Number(payload.chat_id) === f.chatId),
    );
    if (index < 0) return undefined;
    const failure = this.#failures[index]!;
    failure.times = (failure.times ?? 1) - 1;
    if (failure.times <= 0) this.#failures.splice(index, 1);
    return failure;
  }

  #result(method: string, payload: Record<string, unknown>): unknown {
    const chat = { id: Number(payload.chat_id), type: 'private' as const, first_name: 'User' };
    const base = { message_id: this.#nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from: testBotInfo };
    switch (method) {
      case 'getMe':
        return testBotInfo;
      case 'sendMessage':
        return { ...base, text: payload.text, reply_markup: payload.reply_markup };
      case 'editMessageText':
        return { ...base, message_id: Number(payload.message_id), text: payload.text, reply_markup: payload.reply_markup };
      case 'sendPhoto':
        return { ...base, photo: [{ file_id: 'sent-photo', file_unique_id: 'sp', width: 1, height: 1 }], caption: payload.caption };
      case 'sendDocument':
        return { ...base, document: { file_id: 'sent-doc', file_unique_id: 'sd' }, caption: payload.caption };
      case 'sendLocation':
        return { ...base, location: { latitude: payload.latitude, longitude: payload.longitude } };
      case 'getFile':
        return { file_id: payload.file_id, file_unique_id: 'u', file_path: 'photos/file.jpg' };
      default:
        return true;
    }
  }
}

async function readPayload(init?: RequestInit): Promise<Record<string, unknown>> {
  const body = init?.body;
  if (!body) return {};
  if (typeof body === 'string') return JSON.parse(body) as Record<string, unknown>;
  // Multipart (file uploads): text fields as values, files as { filename, content }.
  const bytes = Buffer.from(await new Response(body as BodyInit).arrayBuffer());
  const boundary = bytes.subarray(0, bytes.indexOf('\r\n')).toString();
  const fields: Record<string, unknown> = { multipart: true };
  for (const part of bytes.toString('latin1').split(boundary).slice(1, -1)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.slice(0, headerEnd);
    const value = Buffer.from(part.slice(headerEnd + 4, part.length - 2), 'latin1');
    const name = headers.match(/name="([^"]+)"/i)?.[1];
    if (!name) continue;
    const filename = headers.match(/filename="?([^";\r\n]*)"?/i)?.[1];
    fields[name] = filename !== undefined ? { filename, content: value } : value.toString('utf8');
  }
  if (typeof fields.chat_id === 'string') fields.chat_id = Number(fields.chat_id);
  return fields;
}

function json(value: unknown): Response {
  return new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });
}

let updateId = 1;
let incomingMessageId = 1;

/** A resident or staff member talking to the bot in a private chat. */
export class TestUser {
  constructor(
    readonly bot: Bot<any>,
    readonly telegram: FakeTelegram,
    readonly id: number,
    readonly languageCode = 'zh-hans',
    readonly firstName = `User${id}`,
  ) {}

  get from() {
    return { id: this.id, is_bot: false, first_name: this.firstName, language_code: this.languageCode };
  }

  get chat() {
    return { id: this.id, type: 'private' as const, first_name: this.firstName };
  }

  /** Sends an update and returns the calls the bot made to this chat while handling it. */
  async #deliver(update: Omit<Update, 'update_id'>): Promise<ApiCall[]> {
    const before = this.telegram.calls.length;
    await this.bot.handleUpdate({ update_id: updateId++, ...update } as Update);
    return this.telegram.calls.slice(before).filter((call) => call.payload.chat_id === undefined || Number(call.payload.chat_id) === this.id);
  }

  #message(extra: Partial<Message>): Omit<Update, 'update_id'> {
    return {
      message: { message_id: incomingMessageId++, date: Math.floor(Date.now() / 1000), chat: this.chat, from: this.from, ...extra } as never,
    };
  }

  /** Text, or a command (`/start inv_abc`) with its bot_command entity. */
  send(text: string): Promise<ApiCall[]> {
    const command = text.match(/^\/\S+/);
    const entities = command ? [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] : undefined;
    return this.#deliver(this.#message({ text, ...(entities ? { entities } : {}) }));
  }

  sendPhoto(fileId = `photo-${incomingMessageId}`, caption?: string): Promise<ApiCall[]> {
    return this.#deliver(
      this.#message({
        photo: [
          { file_id: `${fileId}-small`, file_unique_id: `${fileId}-s`, width: 90, height: 90 },
          { file_id: fileId, file_unique_id: `${fileId}-u`, width: 1280, height: 960 },
        ],
        ...(caption ? { caption } : {}),
      }),
    );
  }

  sendDocument(fileId: string, fileName: string, mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): Promise<ApiCall[]> {
    return this.#deliver(this.#message({ document: { file_id: fileId, file_unique_id: `${fileId}-u`, file_name: fileName, mime_type: mimeType, file_size: 20_000 } }));
  }

  shareContact(phone = '+8613800000000'): Promise<ApiCall[]> {
    return this.#deliver(this.#message({ contact: { phone_number: phone, first_name: this.firstName, user_id: this.id } }));
  }

  shareLocation(latitude: number, longitude: number): Promise<ApiCall[]> {
    return this.#deliver(this.#message({ location: { latitude, longitude } }));
  }

  sendSticker(): Promise<ApiCall[]> {
    return this.#deliver(
      this.#message({ sticker: { file_id: 'stk', file_unique_id: 'stk-u', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } }),
    );
  }

  sendVoice(): Promise<ApiCall[]> {
    return this.#deliver(this.#message({ voice: { file_id: 'voice', file_unique_id: 'voice-u', duration: 3 } }));
  }

  /** Presses an inline button, found by its exact text or a RegExp, on the latest message that has it. */
  async press(label: string | RegExp): Promise<ApiCall[]> {
    const found = this.#findInlineButton(label);
    if (!found) throw new Error(`no inline button ${String(label)} in chat ${this.id}; buttons: ${this.inlineButtons().join(' | ')}`);
    return this.#deliver({
      callback_query: {
        id: String(updateId),
        from: this.from,
        chat_instance: `ci-${this.id}`,
        data: found.button.callback_data,
        message: { message_id: found.messageId, date: Math.floor(Date.now() / 1000), chat: this.chat, text: 'x' } as Message,
      },
    } as Omit<Update, 'update_id'>);
  }

  /** Presses a reply-keyboard button: sends its text, or the contact / location it requests. */
  async pressKey(label: string | RegExp, location: { latitude: number; longitude: number } = { latitude: 29.35, longitude: 105.93 }): Promise<ApiCall[]> {
    const button = this.replyButtons().find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
    if (!button) throw new Error(`no reply button ${String(label)} in chat ${this.id}; buttons: ${this.replyButtons().map((b) => b.text).join(' | ')}`);
    if (button.request_contact) return this.shareContact();
    if (button.request_location) return this.shareLocation(location.latitude, location.longitude);
    return this.send(button.text);
  }

  /** Every text the bot sent or edited into this chat, oldest first. */
  texts(): string[] {
    return this.telegram
      .callsTo(this.id)
      .map((call) => (call.payload.text ?? call.payload.caption) as string | undefined)
      .filter((text): text is string => typeof text === 'string');
  }

  lastText(): string {
    const all = this.texts();
    return all[all.length - 1] ?? '';
  }

  /** Inline buttons of the latest message that has any, as texts. */
  inlineButtons(): string[] {
    const markup = this.#latestMarkup('inline_keyboard');
    return (markup?.keyboard as InlineKeyboardButton[][] | undefined)?.flat().map((b) => b.text) ?? [];
  }

  replyButtons(): (KeyboardButton.CommonButton & KeyboardButton.RequestContactButton & KeyboardButton.RequestLocationButton)[] {
    const markup = this.#latestMarkup('keyboard');
    return ((markup?.keyboard as KeyboardButton[][] | undefined) ?? []).flat().map((b) => (typeof b === 'string' ? { text: b } : b)) as never;
  }

  #latestMarkup(kind: 'inline_keyboard' | 'keyboard'): { keyboard: unknown; messageId: number } | undefined {
    const calls = this.telegram.callsTo(this.id);
    for (let i = calls.length - 1; i >= 0; i--) {
      const markup = parseMarkup(calls[i]!.payload.reply_markup);
      if (kind === 'keyboard' && markup?.remove_keyboard) return undefined;
      if (markup?.[kind]) return { keyboard: markup[kind], messageId: messageIdOf(calls[i]!) };
    }
    return undefined;
  }

  #findInlineButton(label: string | RegExp): { button: InlineKeyboardButton.CallbackButton; messageId: number } | undefined {
    const calls = this.telegram.callsTo(this.id);
    for (let i = calls.length - 1; i >= 0; i--) {
      const markup = parseMarkup(calls[i]!.payload.reply_markup);
      const buttons = (markup?.inline_keyboard as InlineKeyboardButton[][] | undefined)?.flat() ?? [];
      const button = buttons.find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
      if (button && 'callback_data' in button) {
        return { button, messageId: messageIdOf(calls[i]!) };
      }
    }
    return undefined;
  }
}

function parseMarkup(markup: unknown): Record<string, unknown> | undefined {
  if (!markup) return undefined;
  return (typeof markup === 'string' ? JSON.parse(markup) : markup) as Record<string, unknown>;
}

function messageIdOf(call: ApiCall): number {
  const result = call.result as { message_id?: number } | undefined;
  return Number(call.payload.message_id ?? result?.message_id ?? 0);
}
