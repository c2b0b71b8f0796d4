// Pacing at Telegram's limits: about 30 messages in any second overall and one a second
// per chat. A worker takes a slot right before a message leaves (not when a job starts)
// and reports when Telegram answered: the slot then counts from the answer. So a slot
// spans [request left, answer came], which contains the moment Telegram counted the
// message whatever the delays in between (a busy event loop, the network, an upload
// taking longer than the window): a slot in flight counts until its answer, a new slot
// is granted only when 30 slots' answers lie more than a window back, and so no 31
// messages can reach Telegram within a window, nor two to a chat within the interval.
// A slot whose answer is never reported (its process died) is freed after `maxFlightMs`.
// With Redis the count is shared by every worker of every instance (Lua scripts, atomic,
// on Redis's clock); without it an in-memory equivalent serves the one process. A 429
// pauses its chat for retry_after, and every chat only when 429s come from several chats
// within a window (the global limit).
//
// A chat with more messages waiting goes first in the global window too: it needs one
// second per message whatever else happens, so each of its messages that must wait (for
// its chat's second or for a free slot) reserves a slot for the moment it may go, and a
// chat's single message takes a slot only if one is left beside the reservations falling
// due within the window. Without that, a busy chat's message lost the race for each freed
// slot to the single messages waiting beside it (bench:delivery, mixed: 1.3–3 s between
// a busy chat's messages while single messages filled the window).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

export interface TelegramLimits {
  /** Messages in any rolling window of `windowMs`, all chats together. */
  perWindow: number;
  windowMs: number;
  /** Time between two messages to one chat. */
  perChatIntervalMs: number;
  /**
   * How long a slot whose answer was never reported (its process died) holds the window and
   * its chat: as long as the outbox lease a dead worker's row waits out, so a kill delays
   * the chat no more than before. A live request slower than this (the sender allows 30 s)
   * stops counting then, and at worst draws a 429 that the worker waits out.
   */
  maxFlightMs: number;
}

// 10 ms over the second: clocks here count whole milliseconds.
export const telegramLimits: TelegramLimits = { perWindow: 30, windowMs: 1010, perChatIntervalMs: 1010, maxFlightMs: 6_000 };

export type PaceDecision = { granted: true; slot: string } | { granted: false; waitMs: number; scope: 'chat' | 'global' };

export interface DeliveryPacer {
  /**
   * Takes the slot for one message to this chat now, or says how long to wait and why.
   * `backlog`: the chat's pending messages, this one included (more than one goes first).
   */
  take(chatId: bigint, backlog?: number): Promise<PaceDecision>;
  /** Telegram answered (whatever the answer) or the request failed: the slot counts from now. */
  answered(chatId: bigint, slot: string): Promise<void>;
  /** Telegram answered 429 for this chat. */
  rateLimited(chatId: bigint, retryAfterMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface DeliveryPacerOptions {
  /** Shared through Redis when set; in memory otherwise. */
  redisUrl?: string | undefined;
  /** Redis key prefix (tests and benchmarks isolate themselves). */
  prefix?: string;
  limits?: Partial<TelegramLimits>;
  logger?: Logger;
}

export function createDeliveryPacer(options: DeliveryPacerOptions = {}): DeliveryPacer {
  const limits = { ...telegramLimits, ...options.limits };
  return options.redisUrl ? new RedisPacer(options.redisUrl, options.prefix ?? 'minyi', limits, options.logger) : new MemoryPacer(limits);
}

/** 429s from this many different chats within a window mean the global limit was hit. */
const chatsForGlobalPause = 2;

/**
 * A message whose wait has no known end asks again after this: kept out by reservations
 * alone, or by messages still in flight (their slots count from answers not yet come).
 */
const recheckMs = 20;

export class MemoryPacer implements DeliveryPacer {
  /** Slot → the time it counts from (in flight: until `maxFlightMs` after it was taken). */
  readonly #slots = new Map<string, number>();
  /** Chat → until when its message in flight holds it (see `maxFlightMs`). */
  readonly #inFlight = new Map<bigint, number>();
  #nextSlot = 0;
  readonly #chatFreeAt = new Map<bigint, number>();
  #pausedUntil = 0;
  readonly #recent429 = new Map<bigint, number>();
  /** Chat → when its next message may go: slots held for chats with a backlog. */
  readonly #reserved = new Map<bigint, number>();

  constructor(readonly limits: TelegramLimits) {}

  async take(chatId: bigint, backlog = 1): Promise<PaceDecision> {
    const now = Date.now();
    const { windowMs, perWindow } = this.limits;
    const urgent = backlog > 1;
    if (this.#pausedUntil > now) return { granted: false, waitMs: this.#pausedUntil - now, scope: 'global' };
    const inFlight = (this.#inFlight.get(chatId) ?? 0) > now;
    const chatFreeAt = Math.max(this.#chatFreeAt.get(chatId) ?? 0, inFlight ? now + recheckMs : 0);
    if (chatFreeAt > now) {
      if (urgent) this.#reserved.set(chatId, chatFreeAt);
      return { granted: false, waitMs: chatFreeAt - now, scope: 'chat' };
    }
    for (const [slot, at] of this.#slots) if (at <= now - windowMs) this.#slots.delete(slot);
    // A reservation its chat did not come back for within a window is dropped.
    let heldBack = 0;
    for (const [chat, at] of this.#reserved) {
      if (at <= now - windowMs) this.#reserved.delete(chat);
      else if (at <= now + windowMs) heldBack++;
    }
    if (this.#slots.size + (urgent ? 0 : heldBack) >= perWindow) {
      if (urgent) this.#reserved.set(chatId, now);
      const oldest = this.#slots.size > 0 ? Math.min(...this.#slots.values()) : Infinity;
      return { granted: false, waitMs: oldest > now ? recheckMs : Math.max(1, oldest + windowMs - now), scope: 'global' };
    }
    this.#reserved.delete(chatId);
    const slot = String(++this.#nextSlot);
    this.#slots.set(slot, now + this.limits.maxFlightMs);
    this.#inFlight.set(chatId, now + this.limits.maxFlightMs);
    this.#chatFreeAt.set(chatId, now + this.limits.perChatIntervalMs);
    if (this.#chatFreeAt.size > 10_000) for (const [chat, at] of this.#chatFreeAt) if (at <= now) this.#chatFreeAt.delete(chat);
    return { granted: true, slot };
  }

  async answered(chatId: bigint, slot: string): Promise<void> {
    const now = Date.now();
    if (this.#slots.has(slot)) this.#slots.set(slot, now);
    this.#inFlight.delete(chatId);
    this.#chatFreeAt.set(chatId, Math.max(this.#chatFreeAt.get(chatId) ?? 0, now + this.limits.perChatIntervalMs));
  }

  async rateLimited(chatId: bigint, retryAfterMs: number): Promise<void> {
    const now = Date.now();
    this.#chatFreeAt.set(chatId, Math.max(this.#chatFreeAt.get(chatId) ?? 0, now + retryAfterMs));
    for (const [chat, at] of this.#recent429) if (at <= now - this.limits.windowMs) this.#recent429.delete(chat);
    this.#recent429.set(chatId, now);
    if (this.#recent429.size >= chatsForGlobalPause) this.#pausedUntil = Math.max(this.#pausedUntil, now + retryAfterMs);
  }

  async close(): Promise<void> {}
}

// KEYS: 1 the global window (sorted set of slots by the time they count from; in flight:
// taken + max flight), 2 the chat's next free time, 3 the global pause, 4 the reservations
// (sorted set of chats by when they may go), 5 the chat's message in flight.
// ARGV: 1 window ms, 2 messages per window, 3 chat interval ms, 4 a unique name for this
// slot, 5 the chat, 6 1 when the chat has more messages waiting, 7 the recheck after a
// wait with no known end, 8 max flight ms. Redis's clock is the one clock of all instances.
// Returns {granted (1/0), wait ms, scope (1 chat, 2 global)}.
const takeScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local urgent = ARGV[6] == '1'
local paused = tonumber(redis.call('GET', KEYS[3]) or '0')
if paused > now then return {0, paused - now, 2} end
local chatFree = tonumber(redis.call('GET', KEYS[2]) or '0')
if redis.call('EXISTS', KEYS[5]) == 1 then chatFree = math.max(chatFree, now + tonumber(ARGV[7])) end
if chatFree > now then
  if urgent then
    redis.call('ZADD', KEYS[4], chatFree, ARGV[5])
    redis.call('PEXPIRE', KEYS[4], window * 4)
  end
  return {0, chatFree - now, 1}
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - window)
local used = redis.call('ZCARD', KEYS[1])
local heldBack = 0
if not urgent then heldBack = redis.call('ZCOUNT', KEYS[4], '-inf', now + window) end
if used + heldBack >= tonumber(ARGV[2]) then
  if urgent then
    redis.call('ZADD', KEYS[4], now, ARGV[5])
    redis.call('PEXPIRE', KEYS[4], window * 4)
  end
  if used == 0 then return {0, tonumber(ARGV[7]), 2} end
  local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
  if oldest > now then return {0, tonumber(ARGV[7]), 2} end
  return {0, math.max(1, oldest + window - now), 2}
end
if urgent then redis.call('ZREM', KEYS[4], ARGV[5]) end
local flight = tonumber(ARGV[8])
redis.call('ZADD', KEYS[1], now + flight, ARGV[4])
redis.call('PEXPIRE', KEYS[1], flight + window * 2)
redis.call('SET', KEYS[5], 1, 'PX', flight)
local interval = tonumber(ARGV[3])
redis.call('SET', KEYS[2], now + interval, 'PX', interval)
return {1, 0, 0}
`;

// KEYS: 1 the global window, 2 the chat's next free time, 3 the chat's message in flight.
// ARGV: 1 window ms, 2 chat interval ms, 3 the slot, 4 max flight ms. The slot (if still
// in the window) and the chat count from now.
const answeredScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) + tonumber(ARGV[1]) * 2)
redis.call('DEL', KEYS[3])
local interval = tonumber(ARGV[2])
local chatFree = tonumber(redis.call('GET', KEYS[2]) or '0')
if now + interval > chatFree then redis.call('SET', KEYS[2], now + interval, 'PX', interval) end
return 1
`;

// KEYS: 1 the chat's next free time, 2 recent 429s (sorted set of chats), 3 the global
// pause. ARGV: 1 retry_after ms, 2 window ms, 3 chat id, 4 chats for a global pause.
const rateLimitedScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local retryAfter = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local chatFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if now + retryAfter > chatFree then redis.call('SET', KEYS[1], now + retryAfter, 'PX', retryAfter) end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
redis.call('ZADD', KEYS[2], now, ARGV[3])
redis.call('PEXPIRE', KEYS[2], window * 2)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then
  local paused = tonumber(redis.call('GET', KEYS[3]) or '0')
  if now + retryAfter > paused then redis.call('SET', KEYS[3], now + retryAfter, 'PX', retryAfter) end
end
return 1
`;

type PacerRedis = Redis & {
  paceTake(
    global: string, chat: string, pause: string, reserved: string, chatInFlight: string,
    windowMs: number, perWindow: number, intervalMs: number, member: string, chatId: string, urgent: number, recheckMs: number, maxFlightMs: number,
  ): Promise<[number, number, number]>;
  paceAnswered(global: string, chat: string, chatInFlight: string, windowMs: number, intervalMs: number, slot: string, maxFlightMs: number): Promise<number>;
  paceRateLimited(chat: string, recent: string, pause: string, retryAfterMs: number, windowMs: number, chatId: string, chats: number): Promise<number>;
};

export class RedisPacer implements DeliveryPacer {
  readonly #redis: PacerRedis;
  readonly #keys: { global: string; pause: string; recent429: string; reserved: string; chat: (chatId: bigint) => string; chatInFlight: (chatId: bigint) => string };
  readonly #slotPrefix = randomBytes(6).toString('hex');
  #slots = 0;

  constructor(redisUrl: string, prefix: string, readonly limits: TelegramLimits, logger?: Logger) {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    redis.on('error', (error) => logger?.warn('delivery pacer: redis connection', { error }));
    redis.defineCommand('paceTake', { numberOfKeys: 5, lua: takeScript });
    redis.defineCommand('paceAnswered', { numberOfKeys: 3, lua: answeredScript });
    redis.defineCommand('paceRateLimited', { numberOfKeys: 3, lua: rateLimitedScript });
    this.#redis = redis as PacerRedis;
    const base = `${prefix}:delivery`;
    this.#keys = { global: `${base}:sent`, pause: `${base}:paused`, recent429: `${base}:429`, reserved: `${base}:reserved`, chat: (chatId) => `${base}:chat:${chatId}`, chatInFlight: (chatId) => `${base}:chat:${chatId}:flight` };
  }

  async take(chatId: bigint, backlog = 1): Promise<PaceDecision> {
    const { limits } = this;
    const keys = this.#keys;
    const slot = `${this.#slotPrefix}-${++this.#slots}`;
    const [granted, waitMs, scope] = await this.#redis.paceTake(
      keys.global, keys.chat(chatId), keys.pause, keys.reserved, keys.chatInFlight(chatId),
      limits.windowMs, limits.perWindow, limits.perChatIntervalMs, slot, String(chatId), backlog > 1 ? 1 : 0, recheckMs, limits.maxFlightMs,
    );
    return granted === 1 ? { granted: true, slot } : { granted: false, waitMs, scope: scope === 1 ? 'chat' : 'global' };
  }

  async answered(chatId: bigint, slot: string): Promise<void> {
    const { limits } = this;
    await this.#redis.paceAnswered(this.#keys.global, this.#keys.chat(chatId), this.#keys.chatInFlight(chatId), limits.windowMs, limits.perChatIntervalMs, slot, limits.maxFlightMs);
  }

  async rateLimited(chatId: bigint, retryAfterMs: number): Promise<void> {
    await this.#redis.paceRateLimited(this.#keys.chat(chatId), this.#keys.recent429, this.#keys.pause, retryAfterMs, this.limits.windowMs, String(chatId), chatsForGlobalPause);
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
