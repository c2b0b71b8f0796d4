// The monthly closure report, delivered on the 1st at REPORT_HOUR (district time) for the
// month just ended. Enqueued with `{ month: 'YYYY-MM' }` it delivers that month instead.
// Safe to repeat: deliverMonthlyReports sends each admin's parts once per month.
import { z } from 'zod';
import type { Config } from '../../config.js';
import { deliverMonthlyReports } from '../../domain/reports/delivery.js';
import { lastCompleteMonth, reportMonthSchema } from '../../domain/reports/period.js';
import { defineJob } from '../define-job.js';

export const monthlyReportJobName = 'monthly-report';

export function monthlyReportJob(config: Pick<Config, 'REPORT_HOUR' | 'TIME_ZONE'>) {
  return defineJob({
    name: monthlyReportJobName,
    schema: z.object({ month: reportMonthSchema.optional() }),
    repeat: { cron: `0 ${config.REPORT_HOUR} 1 * *`, timeZone: config.TIME_ZONE },
    attempts: 3,
    handler: async (deps, payload) => {
      const month = payload.month ?? lastCompleteMonth(deps.clock.now(), deps.config.TIME_ZONE);
      const result = await deliverMonthlyReports(deps, { month });
      deps.logger.info('monthly reports delivered', { month, ...result });
      if (result.enqueued > 0) deps.outbox.notify();
    },
  });
}
