// The one way to wake delivery: after a transaction that wrote outbox rows commits, the
// writer calls `notify()`; every delivery worker subscribed, in this process and (with
// Redis) in every other instance, looks at the outbox at once. Built once in createDeps
// and handed to both sides. A lost signal costs only latency: each worker also sweeps the
// outbox every few seconds, and the outbox rows are the truth.
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

export interface OutboxSignal {
  /** Wakes every delivery worker. Never throws, never waits. */
  notify(): void;
  /** A worker listens (once this resolves, every notify reaches it); returns the function that stops listening. */
  subscribe(listener: () => void): Promise<() => void>;
  /** Releases connections (Redis). */
  close(): Promise<void>;
}

export interface OutboxSignalOptions {
  /** Without it the signal reaches this process only (the embedded default). */
  redisUrl?: string | undefined;
  /** Redis pub/sub channel; tests isolate themselves with their own. */
  channel?: string;
  logger: Logger;
}

export function createOutboxSignal({ redisUrl, channel = 'minyi:outbox-changed', logger }: OutboxSignalOptions): OutboxSignal {
  const listeners = new Set<() => void>();
  const wakeLocal = () => {
    for (const listener of listeners) listener();
  };
  if (!redisUrl) {
    return {
      notify: () => queueMicrotask(wakeLocal),
      subscribe: async (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close: async () => listeners.clear(),
    };
  }
  // Connections open on first use: a process that only writes never subscribes, and one
  // that only delivers never publishes.
  let publisher: Redis | undefined;
  let subscriber: Redis | undefined;
  let subscribed: Promise<unknown> | undefined;
  const connect = () => {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    redis.on('error', (error) => logger.warn('outbox signal: redis connection', { error }));
    return redis;
  };
  return {
    notify() {
      // This process's workers need no round trip through Redis.
      queueMicrotask(wakeLocal);
      publisher ??= connect();
      publisher.publish(channel, '1').catch((error: unknown) => logger.warn('other instances not woken; their sweep will find the notifications', { error }));
    },
    async subscribe(listener) {
      listeners.add(listener);
      if (!subscriber) {
        subscriber = connect();
        subscriber.on('message', wakeLocal);
        subscribed = subscriber.subscribe(channel).catch((error: unknown) => logger.warn('outbox signal: not subscribed; the sweep still delivers', { error }));
      }
      await subscribed;
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await Promise.all([publisher, subscriber].map((redis) => redis?.quit().catch(() => redis.disconnect())));
      publisher = subscriber = subscribed = undefined;
    },
  };
}
