// Notification delivery, in one place. The domain writes outbox rows (message.ts) in the
// transaction of the change and wakes delivery through the OutboxSignal (signal.ts) built
// once in createDeps; each instance runs one DeliveryWorker (worker.ts) that claims rows
// (outbox.ts), paces them at Telegram's limits shared through Redis (pacer.ts) and sends
// them (telegram-sender.ts). What to say is the domain's (src/domain/opinions/
// notifications.ts); how Telegram shows it, the bot's (src/bot/notifications/render.ts).
import type { Api } from 'grammy';
import type { AppDeps } from '../deps.js';
import { createDeliveryPacer, type DeliveryPacer, type TelegramLimits } from './pacer.js';
import { createTelegramSender, type RenderNotification } from './telegram-sender.js';
import { DeliveryWorker, type DeliveryWorkerOptions } from './worker.js';

export { enqueueNotifications, type EnqueueNotification, type NotificationAction, type NotificationMessage } from './message.js';
export { createOutboxSignal, type OutboxSignal } from './signal.js';
export { createDeliveryPacer, type DeliveryPacer, type TelegramLimits } from './pacer.js';
export { createDeliveryApi, createTelegramSender, type RenderNotification, type RenderedCall } from './telegram-sender.js';
export { DeliveryWorker, type DeliveryWorkerOptions } from './worker.js';

export interface DeliveryOptions extends Pick<DeliveryWorkerOptions, 'sweepEveryMs' | 'concurrency' | 'policy' | 'signal'> {
  /** The Bot API for delivery: createDeliveryApi(token, …), without auto-retry. */
  api: Api;
  render: RenderNotification;
  /** Where the pacing is shared; defaults to deps.config.REDIS_URL (in memory without one). */
  redisUrl?: string | undefined;
  /** Redis key prefix (tests and benchmarks isolate themselves). */
  prefix?: string;
  limits?: Partial<TelegramLimits>;
  /** Pacing shared with other workers of this process (then not closed by stop). */
  pacer?: DeliveryPacer;
}

export interface Delivery {
  worker: DeliveryWorker;
  stop(): Promise<void>;
}

export async function startDelivery(deps: AppDeps, options: DeliveryOptions): Promise<Delivery> {
  const redisUrl = 'redisUrl' in options ? options.redisUrl : deps.config.REDIS_URL;
  const pacer = options.pacer ?? createDeliveryPacer({ redisUrl, prefix: options.prefix, limits: options.limits, logger: deps.logger });
  const worker = new DeliveryWorker(deps, {
    sender: createTelegramSender({ api: options.api, render: options.render }),
    pacer,
    signal: options.signal,
    sweepEveryMs: options.sweepEveryMs,
    concurrency: options.concurrency,
    policy: options.policy,
  });
  await worker.start();
  return {
    worker,
    stop: async () => {
      await worker.stop();
      if (!options.pacer) await pacer.close();
    },
  };
}
