// What the workflows (opinions, proposals) accept from adapters: texts trimmed and
// bounded, ids positive. Each refusal names a locale key (DomainError('validation', key, vars)).
import { z } from 'zod';
import { DomainError } from '../errors.js';

export const ACTION_TEXT_MAX = 2000;

export const requiredText = z
  .string('error-workflow-text-required')
  .trim()
  .min(1, 'error-workflow-text-required')
  .max(ACTION_TEXT_MAX, 'error-workflow-text-too-long');

export const optionalText = z
  .string()
  .trim()
  .max(ACTION_TEXT_MAX, 'error-workflow-text-too-long')
  .optional()
  .transform((value) => (value ? value : undefined));

export const positiveId = z.number().int().positive();

export const actorSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('person'), personId: positiveId }), z.object({ kind: z.literal('system') })]);

export const expectedVersionSchema = z.number().int().min(0).optional();

/** The input, trimmed; throws DomainError('validation', <key of the first problem>, { max, field }). */
export function parseWorkflowInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? '';
  const key = message.startsWith('error-') ? message : 'error-validation';
  throw new DomainError('validation', key, { max: ACTION_TEXT_MAX, field: parsed.error.issues[0]?.path.join('.') ?? '' });
}
