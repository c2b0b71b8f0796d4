import { InlineKeyboard } from 'grammy';
import { evaluateRating, skipEvaluationComment } from './callback-data.js';

export function ratingKeyboard(t: (key: string) => string, opinionId: number, round: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('evaluation-satisfied'), evaluateRating.pack({ id: opinionId, round, r: 'S' }))
    .text(t('evaluation-basically-satisfied'), evaluateRating.pack({ id: opinionId, round, r: 'B' }))
    .text(t('evaluation-dissatisfied'), evaluateRating.pack({ id: opinionId, round, r: 'D' }));
}

export function skipCommentKeyboard(t: (key: string) => string): InlineKeyboard {
  return new InlineKeyboard().text(t('evaluation-comment-skip'), skipEvaluationComment.pack({}));
}
