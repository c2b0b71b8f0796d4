// Shared by the job tests: queues on either driver, isolated in Redis by a unique key
// prefix that is deleted afterwards, and polling for a condition with a deadline.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { AppDeps } from '../../src/deps.js';
import type { AnyJobDefinition } from '../../src/jobs/define-job.js';
import { createJobQueue, type JobQueue } from '../../src/jobs/queue.js';

export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export type Driver = 'in-process' | 'bullmq';
export const drivers: Driver[] = ['in-process', 'bullmq'];

/** A key prefix for one test file; `cleanup()` deletes every key under it. */
export function redisNamespace(name: string) {
  const base = `minyi-test-${name}-${randomBytes(4).toString('hex')}`;
  let count = 0;
  return {
    /** A fresh prefix per queue group (one "deployment"). */
    next: () => `${base}-${++count}`,
    async cleanup(): Promise<void> {
      const redis = new Redis(redisUrl);
      try {
        let cursor = '0';
        do {
          const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${base}-*`, 'COUNT', 1000);
          cursor = nextCursor;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}

export function queueFor(driver: Driver, deps: AppDeps, definitions: AnyJobDefinition[], prefix: string): JobQueue {
  return createJobQueue(deps, definitions, driver === 'bullmq' ? { redisUrl, prefix } : { redisUrl: undefined });
}

export async function waitFor<T>(probe: () => Promise<T> | T, { timeoutMs = 10_000, everyMs = 20 } = {}): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
