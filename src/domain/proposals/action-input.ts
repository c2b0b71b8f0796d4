// Validation of what adapters pass to applyProposalAction (shared rules: ../workflow/input.ts).
import { z } from 'zod';
import { actorSchema, expectedVersionSchema, optionalText, parseWorkflowInput, positiveId as id, requiredText as text } from '../workflow/input.js';
import type { ApplyProposalActionInput } from './lifecycle.js';

/** A proposal's title: one line a list can show. */
export const PROPOSAL_TITLE_MAX = 100;

export const proposalTitle = z
  .string('error-proposal-title-required')
  .trim()
  .min(1, 'error-proposal-title-required')
  .max(PROPOSAL_TITLE_MAX, 'error-proposal-title-too-long');

const rating = z.enum(['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']);

export const proposalActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('confirm'), title: proposalTitle.optional(), text: text.optional() }),
  z.object({ type: z.literal('decline'), reason: optionalText }),
  z.object({ type: z.literal('withdraw'), reason: optionalText }),
  z.object({ type: z.literal('assign'), leadAgencyId: id, coAgencyIds: z.array(id).max(10).default([]), note: optionalText }),
  z.object({ type: z.literal('markKey'), supervisorId: id }),
  // C needs its reason, A and B say what will be done: the text is required for every class.
  z.object({ type: z.literal('answer'), answerClass: z.enum(['A', 'B', 'C']), text }),
  z.object({ type: z.literal('evaluateFirst'), rating, comment: optionalText }),
  z.object({ type: z.literal('progress'), note: text }),
  z.object({ type: z.literal('markImplemented'), note: optionalText }),
  z.object({ type: z.literal('evaluateSecond'), rating, comment: optionalText }),
  z.object({ type: z.literal('askSecondEvaluation'), year: z.number().int().min(2000).max(2200) }),
]);

export type ValidProposalAction = z.output<typeof proposalActionSchema>;

const inputSchema = z.object({ proposalId: id, actor: actorSchema, action: proposalActionSchema, expectedVersion: expectedVersionSchema });

export function parseProposalActionInput(input: ApplyProposalActionInput): z.output<typeof inputSchema> {
  return parseWorkflowInput(inputSchema, input);
}
