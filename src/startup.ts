// Start-up checks of what the process depends on: a service that does not answer is
// reported within seconds and tried again with backoff (it may be starting too); a
// refusal that waiting cannot cure (a token Telegram rejects, a wrong password) stops
// the process with one sentence naming the variable to fix.
import { setTimeout as delay } from 'node:timers/promises';
import { Api, GrammyError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { Redis } from 'ioredis';
import { ConfigError, configProblem, type Config } from './config.js';
import type { Logger } from './logger.js';

export interface RetryOptions {
  /** One attempt gives up after this long (ms): a silent network must not hang start-up. */
  attemptTimeoutMs?: number;
  maxDelayMs?: number;
}

/** Runs `attempt` until it succeeds; a ConfigError stops at once, anything else is logged and retried. */
export async function untilReachable<T>(service: string, attempt: () => Promise<T>, logger: Logger, options: RetryOptions = {}): Promise<T> {
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 10_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  for (let failures = 0; ; failures++) {
    const timeout = new AbortController();
    try {
      return await Promise.race([
        attempt(),
        delay(attemptTimeoutMs, undefined, { signal: timeout.signal }).then(() => Promise.reject(new Error(`no answer within ${attemptTimeoutMs / 1000} s`))),
      ]);
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      const retryInMs = Math.min(1000 * 2 ** failures, maxDelayMs);
      logger.warn(`${service} is unreachable; retrying in ${retryInMs / 1000} s`, { reason: (error as Error).message });
      await delay(retryInMs);
    } finally {
      timeout.abort();
    }
  }
}

/** Asks Telegram who the bot is: a refused token stops start-up, an unreachable API is retried. */
export function checkTelegram(config: Config, token: string, logger: Logger, options?: RetryOptions): Promise<UserFromGetMe> {
  const api = new Api(token, { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: 10 });
  return untilReachable(
    `Telegram (TELEGRAM_API_ROOT ${config.TELEGRAM_API_ROOT})`,
    async () => {
      try {
        return await api.getMe();
      } catch (error) {
        // 401 for a revoked or mistyped token, 404 for one that is not even shaped like a token.
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
          throw configProblem('BOT_TOKEN', `Telegram refused it (${error.error_code} ${error.description}): expected the token @BotFather gave, like 123456789:AA…`);
        }
        throw error;
      }
    },
    logger,
    options,
  );
}

/** Waits until Redis answers PING. */
export function checkRedis(redisUrl: string, logger: Logger, options?: RetryOptions): Promise<void> {
  return untilReachable(
    'Redis (REDIS_URL)',
    async () => {
      const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5000 });
      redis.on('error', () => undefined);
      try {
        await redis.connect();
        await redis.ping();
      } catch (error) {
        if (/NOAUTH|WRONGPASS|invalid password/i.test((error as Error).message)) throw configProblem('REDIS_URL', `Redis refused the credentials (${(error as Error).message})`);
        throw error;
      } finally {
        redis.disconnect();
      }
    },
    logger,
    options,
  );
}

/** PostgreSQL errors that waiting cannot cure: wrong user or password, no such database. */
export function postgresConfigProblem(error: unknown): ConfigError | undefined {
  const code = (error as { code?: string }).code;
  if (code === '28P01' || code === '28000' || code === '3D000') {
    return configProblem('DATABASE_URL', `PostgreSQL refused it (${(error as Error).message}): expected an existing database and valid credentials`);
  }
  return undefined;
}
