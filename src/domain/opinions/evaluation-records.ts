// What evaluating needs beside applyOpinionAction: whether a press still
// counts, and the optional comment that follows a rating. The rating is applied first,
// so it is never lost when no comment comes; the comment is then added to that
// round's Evaluation row, once.
import { z } from 'zod';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';

const COMMENT_MAX = 1000;

const commentInput = z.object({
  opinionId: z.number().int().positive(),
  round: z.number().int().min(1),
  personId: z.number().int().positive(),
  comment: z.string().trim().min(1).max(COMMENT_MAX),
});

export async function addEvaluationComment(deps: Pick<DomainDeps, 'prisma'>, input: z.input<typeof commentInput>): Promise<void> {
  const parsed = commentInput.safeParse(input);
  if (!parsed.success) throw new DomainError('validation', 'evaluation-comment-invalid', { max: String(COMMENT_MAX) }); // a string: no digit grouping
  const { opinionId, round, personId, comment } = parsed.data;
  const saved = await deps.prisma.evaluation.updateMany({ where: { opinionId, round, personId, comment: null }, data: { comment } });
  if (saved.count !== 1) throw new DomainError('not-found', 'error-not-found');
}

/** Why a rating button no longer counts for this person, or 'open'. */
export async function ratingButtonState(deps: Pick<DomainDeps, 'prisma'>, input: { opinionId: number; round: number; personId: number }) {
  const [opinion, earlier] = await Promise.all([
    deps.prisma.opinion.findUnique({ where: { id: input.opinionId }, select: { round: true, residentId: true } }),
    deps.prisma.evaluation.findUnique({ where: { opinionId_round: { opinionId: input.opinionId, round: input.round } } }),
  ]);
  // Anyone else is refused by the workflow itself, with its own message.
  if (opinion?.residentId !== input.personId) return 'open';
  if (earlier) return 'already-done';
  return opinion.round === input.round ? 'open' : 'stale-round';
}
