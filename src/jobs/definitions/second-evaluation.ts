// On the 1st of PROPOSAL_SECOND_EVALUATION_MONTH (December by default) at 09:00 district
// time: representatives are asked for the second evaluation of their proposals. Safe to
// repeat: a proposal asked about this year is not asked again.
import { z } from 'zod';
import type { Config } from '../../config.js';
import { askForSecondEvaluations } from '../../domain/proposals/second-evaluation.js';
import { defineJob } from '../define-job.js';

export const secondEvaluationJobName = 'proposal-second-evaluation';

export function secondEvaluationJob(config: Pick<Config, 'TIME_ZONE' | 'PROPOSAL_SECOND_EVALUATION_MONTH'>) {
  return defineJob({
    name: secondEvaluationJobName,
    schema: z.object({}),
    repeat: { cron: `0 9 1 ${config.PROPOSAL_SECOND_EVALUATION_MONTH} *`, timeZone: config.TIME_ZONE },
    attempts: 3,
    handler: async (deps) => {
      const year = Number(new Intl.DateTimeFormat('en-US', { timeZone: deps.config.TIME_ZONE, year: 'numeric' }).format(deps.clock.now()));
      const asked = await askForSecondEvaluations(deps, year);
      if (asked > 0) deps.logger.info('representatives asked for the second evaluation of their proposals', { asked, year });
    },
  });
}
