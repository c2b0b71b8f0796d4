// Background work of the application: the deadline jobs and any definitions a feature
// adds (the monthly report), on BullMQ when REDIS_URL is set and in-process otherwise,
// and the notification delivery worker beside them (src/delivery/).
import type { AppDeps } from '../deps.js';
import { startDelivery, type Delivery, type DeliveryOptions } from '../delivery/index.js';
import { deadlineJobs, type DeadlineJobsOptions } from './deadlines.js';
import type { AnyJobDefinition } from './define-job.js';
import { createJobQueue, type CreateJobQueueOptions, type JobQueue } from './queue.js';

export { defineJob, QueueRateLimitedError, type AnyJobDefinition, type JobDefinition, type JobDeps, type JobRepeat } from './define-job.js';
export { createJobQueue, type EnqueueOptions, type JobQueue } from './queue.js';

export interface BackgroundJobsOptions {
  /** How notifications reach Telegram, and delivery's tuning. */
  delivery: Omit<DeliveryOptions, 'redisUrl' | 'prefix'>;
  /** More job definitions, e.g. the monthly report. */
  jobs?: readonly AnyJobDefinition[];
  /** Where the queue (and delivery's shared pacing) live: REDIS_URL unless given. */
  queue?: CreateJobQueueOptions;
  deadlines?: DeadlineJobsOptions;
}

export interface BackgroundJobs {
  queue: JobQueue;
  delivery: Delivery;
  stop(): Promise<void>;
}

export async function startBackgroundJobs(deps: AppDeps, options: BackgroundJobsOptions): Promise<BackgroundJobs> {
  const queue = createJobQueue(deps, [...deadlineJobs(options.deadlines), ...(options.jobs ?? [])], options.queue);
  await queue.start();
  const redisUrl = options.queue && 'redisUrl' in options.queue ? options.queue.redisUrl : deps.config.REDIS_URL;
  const delivery = await startDelivery(deps, { ...options.delivery, redisUrl, prefix: options.queue?.prefix });
  deps.logger.info('background jobs started', { driver: queue.driver });
  return {
    queue,
    delivery,
    stop: async () => {
      await queue.stop();
      await delivery.stop();
    },
  };
}
