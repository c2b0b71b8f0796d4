// Validation of what adapters pass to applyOpinionAction: texts trimmed and bounded,
// reasons required (the shared rules are in ../workflow/input.ts).
import { z } from 'zod';
import { PRIORITIES } from '../calendar/index.js';
import { actorSchema, expectedVersionSchema, optionalText, parseWorkflowInput, positiveId as id, requiredText as text } from '../workflow/input.js';
import { isDeadlineStep } from './deadlines.js';
import type { ApplyOpinionActionInput } from './lifecycle.js';

export { ACTION_TEXT_MAX } from '../workflow/input.js';

export const opinionActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledge') }),
  z
    .object({ type: z.literal('classify'), categoryId: id.optional(), priority: z.enum(PRIORITIES).optional() })
    .refine((action) => action.categoryId !== undefined || action.priority !== undefined, 'error-workflow-classify-empty'),
  z.object({ type: z.literal('answer'), text }),
  z.object({ type: z.literal('refer'), agencyId: id, note: optionalText, dueAt: z.date().optional() }),
  z.object({ type: z.literal('escalate'), to: z.enum(['PROPOSAL', 'SUPERVISION']), note: optionalText, representativeId: id.optional() }),
  z.object({ type: z.literal('decline'), reason: text }),
  z.object({ type: z.literal('merge'), intoOpinionId: id }),
  z.object({ type: z.literal('handBack'), reason: text }),
  z.object({ type: z.literal('progress'), note: text, forResident: z.boolean().optional() }),
  z.object({ type: z.literal('requestClarification'), question: text }),
  z.object({ type: z.literal('clarify'), answer: text }),
  z.object({ type: z.literal('submitResult'), text, final: z.boolean() }),
  z.object({ type: z.literal('deliverResult'), text: optionalText }),
  z.object({ type: z.literal('evaluate'), rating: z.enum(['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']), comment: optionalText }),
  z.object({ type: z.literal('explainDissatisfaction'), reason: optionalText, reasonCode: z.string().regex(/^[a-z-]{1,32}$/).optional() }),
  z.object({ type: z.literal('expireEvaluation') }),
  z.object({ type: z.literal('remindDeadline'), deadlineId: id }),
  z.object({ type: z.literal('deadlineStep'), deadlineId: id, step: z.string().refine(isDeadlineStep, 'error-validation') }),
  z.object({ type: z.literal('chase') }),
  z
    .object({ type: z.literal('reassign'), officerId: id.optional(), agencyId: id.optional() })
    .refine((action) => (action.officerId === undefined) !== (action.agencyId === undefined), 'error-validation'),
]);

export type ValidOpinionAction = z.output<typeof opinionActionSchema>;

const inputSchema = z.object({
  opinionId: id,
  actor: actorSchema,
  action: opinionActionSchema,
  expectedVersion: expectedVersionSchema,
});

export type ValidActionInput = z.output<typeof inputSchema>;

/** The input, trimmed; throws DomainError('validation', <key of the first problem>, { max }). */
export function parseActionInput(input: ApplyOpinionActionInput): ValidActionInput {
  return parseWorkflowInput(inputSchema, input);
}
