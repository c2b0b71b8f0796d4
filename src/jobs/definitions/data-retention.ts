// Every night at 03:00 (district time): erase the personal details of residents whose
// retention period (DATA_RETENTION_MONTHS, stated in the privacy notice) has run out.
// Safe to repeat: an erased resident is not found again.
import { z } from 'zod';
import type { Config } from '../../config.js';
import { erasePersonalDataPastRetention } from '../../domain/residents/retention.js';
import { defineJob } from '../define-job.js';

export const dataRetentionJobName = 'data-retention';

export function dataRetentionJob(config: Pick<Config, 'TIME_ZONE'>) {
  return defineJob({
    name: dataRetentionJobName,
    schema: z.object({}),
    repeat: { cron: '0 3 * * *', timeZone: config.TIME_ZONE },
    attempts: 3,
    handler: async (deps) => {
      const erased = await erasePersonalDataPastRetention(deps);
      if (erased > 0) deps.logger.info('personal data erased after the retention period', { erased, months: deps.config.DATA_RETENTION_MONTHS });
    },
  });
}
