import { InlineKeyboard } from 'grammy';
import { DISSATISFACTION_REASONS, dissatisfactionReason, evaluateRating, skipEvaluationComment } from './callback-data.js';

export function ratingKeyboard(t: (key: string) => string, opinionId: number, round: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('evaluation-satisfied'), evaluateRating.pack({ id: opinionId, round, r: 'S' }))
    .text(t('evaluation-basically-satisfied'), evaluateRating.pack({ id: opinionId, round, r: 'B' }))
    .text(t('evaluation-dissatisfied'), evaluateRating.pack({ id: opinionId, round, r: 'D' }));
}

export function skipCommentKeyboard(t: (key: string) => string): InlineKeyboard {
  return new InlineKeyboard().text(t('evaluation-comment-skip'), skipEvaluationComment.pack({}));
}

/** The quick reasons for 不满意, one a row, then "no reason". */
export function dissatisfactionReasonKeyboard(t: (key: string) => string, opinionId: number, round: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const code of DISSATISFACTION_REASONS) keyboard.text(t(`evaluation-reason-${code}`), dissatisfactionReason.pack({ id: opinionId, round, c: code })).row();
  return keyboard.text(t('evaluation-reason-skip'), dissatisfactionReason.pack({ id: opinionId, round, c: 'skip' }));
}
