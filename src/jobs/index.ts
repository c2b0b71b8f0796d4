// Background jobs of the application: notification delivery and the deadline jobs, plus
// any definitions a feature adds (the monthly report), on BullMQ when REDIS_URL is set
// and in-process otherwise.
import type { Api } from 'grammy';
import type { AppDeps } from '../deps.js';
import { deadlineJobs, type DeadlineJobsOptions } from './deadlines.js';
import type { AnyJobDefinition } from './define-job.js';
import { notificationJobs, notifyOutboxChanged, type NotificationDeliveryOptions } from './notifications.js';
import { createJobQueue, type CreateJobQueueOptions, type JobQueue } from './queue.js';
import { createTelegramSender, type RenderNotification } from './telegram-sender.js';

export { defineJob, QueueRateLimitedError, type AnyJobDefinition, type JobDefinition, type JobDeps, type JobRepeat } from './define-job.js';
export { createJobQueue, type EnqueueOptions, type JobQueue } from './queue.js';
export { notifyOutboxChanged } from './notifications.js';
export { createDeliveryApi, createTelegramSender, type RenderNotification, type RenderedCall } from './telegram-sender.js';

export interface BackgroundJobsOptions {
  /** The Bot API for delivery: createDeliveryApi(token, …), without auto-retry. */
  api: Api;
  render: RenderNotification;
  /** More job definitions, e.g. the monthly report. */
  jobs?: readonly AnyJobDefinition[];
  queue?: CreateJobQueueOptions;
  delivery?: Omit<NotificationDeliveryOptions, 'sender'>;
  deadlines?: DeadlineJobsOptions;
}

export interface BackgroundJobs {
  queue: JobQueue;
  /** Call after a transaction that wrote notifications has committed: delivery starts at once. */
  notifyOutboxChanged(): void;
  stop(): Promise<void>;
}

/** Every job definition of the application, the extra ones last. */
export function backgroundJobDefinitions(options: BackgroundJobsOptions): AnyJobDefinition[] {
  const sender = createTelegramSender({ api: options.api, render: options.render });
  return [...notificationJobs({ ...options.delivery, sender }), ...deadlineJobs(options.deadlines), ...(options.jobs ?? [])];
}

export async function startBackgroundJobs(deps: AppDeps, options: BackgroundJobsOptions): Promise<BackgroundJobs> {
  const queue = createJobQueue(deps, backgroundJobDefinitions(options), options.queue);
  await queue.start();
  deps.logger.info('background jobs started', { driver: queue.driver });
  return {
    queue,
    notifyOutboxChanged: () => void notifyOutboxChanged(queue, deps.logger),
    stop: () => queue.stop(),
  };
}
