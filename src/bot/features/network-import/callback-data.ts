import { z } from 'zod';
import { defineCallbackData } from '../../callback-data.js';

/** Confirms or cancels the pending import; `ticket` tells a stale summary's buttons from the current one's. */
export const networkImportDecision = defineCallbackData('nid', { ticket: z.string().regex(/^[0-9a-z]{1,12}$/), apply: z.enum(['1', '0']) });
