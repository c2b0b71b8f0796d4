// What evaluating needs beside applyOpinionAction: whether a press still
// counts, and the words that follow a rating. The rating is applied first, so it is never
// lost when no words come. A first-round 不满意's reason opens round 2
// (explainDissatisfaction); any other comment is added to that round's Evaluation row, once.
import { z } from 'zod';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { applyOpinionAction } from './apply-action.js';

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

export interface ReasonOutcome {
  trackingNo: string;
  /** True when these words opened round 2 (staff are told now); false when saved as a comment. */
  reopened: boolean;
}

/**
 * The resident's words after rating: for a round-1 不满意 still waiting, the reason that
 * opens round 2 (none: opened without one); otherwise a comment on that round's rating.
 */
export async function giveDissatisfactionReason(
  deps: DomainDeps,
  input: { opinionId: number; round: number; personId: number; text?: string; code?: string },
): Promise<ReasonOutcome> {
  const opinion = await deps.prisma.opinion.findUnique({ where: { id: input.opinionId }, select: { trackingNo: true, stage: true, round: true } });
  if (!opinion) throw new DomainError('not-found', 'error-not-found');
  if (opinion.stage === 'FEEDBACK' && opinion.round === 1 && input.round === 1) {
    const rating = await deps.prisma.evaluation.findUnique({ where: { opinionId_round: { opinionId: input.opinionId, round: 1 } } });
    if (rating?.rating === 'DISSATISFIED') {
      const text = input.text?.trim();
      if (text && text.length > COMMENT_MAX) throw new DomainError('validation', 'evaluation-comment-invalid', { max: String(COMMENT_MAX) });
      await applyOpinionAction(deps, {
        opinionId: input.opinionId,
        actor: { kind: 'person', personId: input.personId },
        action: { type: 'explainDissatisfaction', ...(text ? { reason: text } : {}), ...(input.code ? { reasonCode: input.code } : {}) },
      });
      return { trackingNo: opinion.trackingNo, reopened: true };
    }
  }
  if (input.text !== undefined) await addEvaluationComment(deps, { opinionId: input.opinionId, round: input.round, personId: input.personId, comment: input.text });
  return { trackingNo: opinion.trackingNo, reopened: false };
}
