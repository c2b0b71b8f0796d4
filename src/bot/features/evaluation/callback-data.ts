import { z } from 'zod';
import { defineCallbackData } from '../../callback-data.js';

// One letter a rating: callback data is limited to 64 bytes.
const RATING_CODES = { S: 'SATISFIED', B: 'BASICALLY_SATISFIED', D: 'DISSATISFIED' } as const;

export function ratingOf(code: keyof typeof RATING_CODES) {
  return RATING_CODES[code];
}

export const evaluateRating = defineCallbackData('ev', {
  id: z.coerce.number().int().positive(),
  round: z.coerce.number().int().min(1),
  r: z.enum(['S', 'B', 'D']),
});

export const skipEvaluationComment = defineCallbackData('evskip', {});

/** Quick reasons for 不满意 (`evaluation-reason-<code>` in locales/); `skip` gives none. */
export const DISSATISFACTION_REASONS = ['not-solved', 'off-topic', 'too-slow', 'attitude'] as const;

export const dissatisfactionReason = defineCallbackData('evwhy', {
  id: z.coerce.number().int().positive(),
  round: z.coerce.number().int().min(1),
  c: z.enum([...DISSATISFACTION_REASONS, 'skip']),
});
