import { randomBytes } from 'node:crypto';
import { BotApiError, badRequest } from './errors.js';
import type {
  BotInfo,
  ChatEntry,
  ChatInputState,
  EmulatorEvent,
  EmulatorListener,
  Persona,
  RecordedCall,
  SimulatedFailure,
  StoredFile,
  TgBotCommand,
  TgChat,
  TgUpdate,
  TgUser,
} from './types.js';

export interface ChatState {
  persona: Persona;
  entries: ChatEntry[];
  input: ChatInputState;
  nextMessageId: number;
  failures: { failure: SimulatedFailure; remaining: number }[];
}

interface PendingPoll {
  resolve: (updates: TgUpdate[]) => void;
  reject: (error: BotApiError) => void;
  offset: number;
  limit: number;
  timer: NodeJS.Timeout;
}

/** Update types delivered when `allowed_updates` is empty or never set (Telegram's default). */
const DEFAULT_EXCLUDED_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/** All mutable emulator state: chats, the update queue, files, commands and injected failures. */
export class EmulatorState {
  readonly chats = new Map<number, ChatState>();
  readonly personasById = new Map<string, Persona>();
  readonly files = new Map<string, StoredFile>();
  readonly filesByPath = new Map<string, StoredFile>();
  /** Keyed by `commandsKey(scope, languageCode)`. */
  readonly commands = new Map<string, TgBotCommand[]>();
  readonly menuButtons = new Map<number | 'default', Record<string, unknown>>();
  /** setMyDescription / setMyShortDescription, keyed by `kind|language_code`. */
  readonly profileTexts = new Map<string, string>();
  readonly callbackQueries = new Map<string, { chatId: number; messageId: number; answered: boolean }>();
  readonly calls: RecordedCall[] = [];
  webhookUrl = '';
  /** Updates dropped because the bot's `allowed_updates` excluded them (a common misconfiguration). */
  readonly droppedUpdates: TgUpdate[] = [];

  private readonly listeners = new Set<EmulatorListener>();
  private updates: TgUpdate[] = [];
  private nextUpdateId = 1;
  private nextFileNumber = 1;
  private nextCallSeq = 1;
  private allowedUpdates: Set<string> | null = null;
  private pendingPoll: PendingPoll | null = null;
  private closed = false;

  constructor(
    readonly botInfo: BotInfo,
    personas: readonly Persona[],
    readonly now: () => Date,
  ) {
    for (const persona of personas) {
      if (this.personasById.has(persona.id)) throw new Error(`duplicate persona id ${persona.id}`);
      if (this.chats.has(persona.userId)) throw new Error(`duplicate persona userId ${persona.userId}`);
      this.personasById.set(persona.id, persona);
      this.chats.set(persona.userId, {
        persona,
        entries: [],
        input: { replyKeyboard: null, forceReplyPlaceholder: null, lastChatAction: null },
        nextMessageId: 1,
        failures: [],
      });
    }
  }

  unixNow(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  // ------------------------------------------------------------ lookups

  persona(personaId: string): Persona {
    const persona = this.personasById.get(personaId);
    if (!persona) throw new Error(`unknown persona "${personaId}"`);
    return persona;
  }

  chatOfPersona(personaId: string): ChatState {
    return this.chats.get(this.persona(personaId).userId)!;
  }

  /** The chat a method targets; unknown ids fail like Telegram does. */
  chatForMethod(chatId: number | string): ChatState {
    const chat = this.chats.get(Number(chatId));
    if (!chat) throw badRequest('chat not found');
    return chat;
  }

  entry(chat: ChatState, messageId: number): ChatEntry | undefined {
    return chat.entries.find((candidate) => candidate.message.message_id === messageId);
  }

  userOf(persona: Persona): TgUser {
    return {
      id: persona.userId,
      is_bot: false,
      first_name: persona.firstName,
      ...(persona.lastName ? { last_name: persona.lastName } : {}),
      ...(persona.username ? { username: persona.username } : {}),
      language_code: persona.languageCode,
    };
  }

  chatObject(persona: Persona): TgChat {
    return {
      id: persona.userId,
      type: 'private',
      first_name: persona.firstName,
      ...(persona.lastName ? { last_name: persona.lastName } : {}),
      ...(persona.username ? { username: persona.username } : {}),
    };
  }

  botUser(): TgUser {
    return { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username };
  }

  // ------------------------------------------------------------ events

  subscribe(listener: EmulatorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: EmulatorEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[bot-api emulator] listener failed', error);
      }
    }
  }

  recordCall(call: Omit<RecordedCall, 'seq' | 'at'>): RecordedCall {
    const recorded: RecordedCall = { ...call, seq: this.nextCallSeq++, at: Date.now() };
    this.calls.push(recorded);
    this.emit({ type: 'call', call: recorded });
    return recorded;
  }

  // ------------------------------------------------------------ injected failures

  addFailure(chatId: number, failure: SimulatedFailure, count: number): void {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`no persona chat with id ${chatId}`);
    chat.failures.push({ failure, remaining: count });
  }

  clearFailures(chatId?: number): void {
    for (const [id, chat] of this.chats) if (chatId === undefined || id === chatId) chat.failures = [];
  }

  /** Throws the next injected failure for this chat, if any. */
  consumeFailure(chatId: number): void {
    const chat = this.chats.get(chatId);
    const next = chat?.failures[0];
    if (!chat || !next) return;
    next.remaining--;
    if (next.remaining <= 0) chat.failures.shift();
    switch (next.failure.kind) {
      case 'too_many_requests': {
        const retryAfter = next.failure.retryAfter;
        throw new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
      }
      case 'server_error':
        throw new BotApiError(500, 'Internal Server Error');
      case 'query_too_old':
        throw new BotApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      case 'blocked':
        throw new BotApiError(403, 'Forbidden: bot was blocked by the user');
    }
  }

  // ------------------------------------------------------------ files

  storeFile(bytes: Buffer, fileName: string, mimeType: string, folder: 'photos' | 'documents' | 'stickers'): StoredFile {
    const number = this.nextFileNumber++;
    const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? 'dat';
    const file: StoredFile = {
      // Telegram file ids are opaque; the prefix only helps when reading logs.
      fileId: `demo-${folder}-${number}-${randomBytes(6).toString('hex')}`,
      fileUniqueId: `u${number}`,
      filePath: `${folder}/file_${number}.${extension}`,
      fileName,
      mimeType,
      bytes,
    };
    this.files.set(file.fileId, file);
    this.filesByPath.set(file.filePath, file);
    return file;
  }

  // ------------------------------------------------------------ updates and long polling

  /**
   * Set to deliver updates as a webhook would (the caller POSTs them to the bot) instead of
   * queueing them for getUpdates.
   */
  pushUpdate: ((update: TgUpdate) => void) | null = null;

  /** Queues an update unless the bot's `allowed_updates` excludes its type. */
  enqueueUpdate(build: (updateId: number) => TgUpdate): TgUpdate | null {
    const update = build(this.nextUpdateId++);
    if (this.pushUpdate) {
      this.pushUpdate(update);
      return update;
    }
    const type = Object.keys(update).find((key) => key !== 'update_id')!;
    const allowed = this.allowedUpdates ? this.allowedUpdates.has(type) : !DEFAULT_EXCLUDED_UPDATES.has(type);
    if (!allowed) {
      this.droppedUpdates.push(update);
      console.warn(`[bot-api emulator] dropped ${type} update ${update.update_id}: not in the bot's allowed_updates`);
      return null;
    }
    this.updates.push(update);
    this.flushPendingPoll();
    return update;
  }

  /** Number of updates not yet confirmed by the bot (via a higher `offset`). */
  get pendingUpdateCount(): number {
    return this.updates.length;
  }

  getUpdates(
    offset: number | undefined,
    limit: number,
    timeoutSeconds: number,
    allowedUpdates: string[] | undefined,
    signal?: AbortSignal,
  ): Promise<TgUpdate[]> {
    if (this.webhookUrl) {
      throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    if (allowedUpdates !== undefined) {
      this.allowedUpdates = allowedUpdates.length > 0 ? new Set(allowedUpdates) : null;
    }
    if (offset !== undefined) this.confirmUpdates(offset);
    const effectiveOffset = offset !== undefined && offset > 0 ? offset : 0;
    // Telegram ends an older long poll when a newer one arrives.
    this.endPendingPoll(new BotApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
    const available = this.availableUpdates(effectiveOffset, limit);
    if (available.length > 0 || timeoutSeconds <= 0 || this.closed) return Promise.resolve(available);
    return new Promise<TgUpdate[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pendingPoll?.timer === timer) this.pendingPoll = null;
        resolve([]);
      }, timeoutSeconds * 1000);
      const poll: PendingPoll = { resolve, reject, offset: effectiveOffset, limit, timer };
      this.pendingPoll = poll;
      // grammY aborts the request on bot.stop(); a dead poll must not swallow the wake-up.
      signal?.addEventListener('abort', () => {
        if (this.pendingPoll !== poll) return;
        clearTimeout(timer);
        this.pendingPoll = null;
        resolve([]);
      });
    });
  }

  /** Ends any long poll with an empty result so HTTP servers can close. */
  close(): void {
    this.closed = true;
    const poll = this.pendingPoll;
    if (poll) {
      clearTimeout(poll.timer);
      this.pendingPoll = null;
      poll.resolve([]);
    }
  }

  dropPendingUpdates(): void {
    this.updates = [];
  }

  private confirmUpdates(offset: number): void {
    if (offset < 0) {
      this.updates = this.updates.slice(offset); // negative offset keeps the last |offset| updates
    } else {
      this.updates = this.updates.filter((update) => update.update_id >= offset);
    }
  }

  private availableUpdates(offset: number, limit: number): TgUpdate[] {
    return this.updates.filter((update) => update.update_id >= offset).slice(0, limit);
  }

  private flushPendingPoll(): void {
    const poll = this.pendingPoll;
    if (!poll) return;
    const available = this.availableUpdates(poll.offset, poll.limit);
    if (available.length === 0) return;
    clearTimeout(poll.timer);
    this.pendingPoll = null;
    poll.resolve(available);
  }

  private endPendingPoll(error: BotApiError): void {
    const poll = this.pendingPoll;
    if (!poll) return;
    clearTimeout(poll.timer);
    this.pendingPoll = null;
    poll.reject(error);
  }
}

/** Key for commands storage; mirrors the BotCommandScope object plus language. */
export function commandsKey(scope: Record<string, unknown> | undefined, languageCode: string | undefined): string {
  const type = typeof scope?.type === 'string' ? scope.type : 'default';
  const chatId = scope?.chat_id !== undefined ? String(scope.chat_id) : '';
  const userId = scope?.user_id !== undefined ? String(scope.user_id) : '';
  return `${type}|${chatId}|${userId}|${languageCode ?? ''}`;
}
