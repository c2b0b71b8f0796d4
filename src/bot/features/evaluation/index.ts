// The resident's evaluation: 满意 / 基本满意 / 不满意 on the result notification. The
// rating is applied at once; an optional comment may follow (skippable). A second
// press, or a button of an earlier round, is refused politely.
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { applyOpinionAction } from '../../../domain/opinions/apply-action.js';
import type { AppContext, BotContext } from '../../context.js';
import { DIALOGUE_TIMEOUT_MS, waitForText, type StaffConversation } from '../triage/dialogue.js';
import { kebab } from '../triage/case-view.js';
import { attempt } from '../triage/respond.js';
import { evaluateRating, ratingOf, skipEvaluationComment } from './callback-data.js';
import { addEvaluationComment, ratingButtonState } from '../../../domain/opinions/evaluation-records.js';
import { skipCommentKeyboard } from './keyboards.js';

interface CommentArgs {
  opinionId: number;
  round: number;
}

const EVALUATION_COMMENT = 'evaluation-comment';

async function commentDialogue(conversation: StaffConversation, ctx: AppContext, args: CommentArgs): Promise<void> {
  await ctx.reply(ctx.t('evaluation-comment-prompt'), { reply_markup: skipCommentKeyboard(ctx.t) });
  for (;;) {
    // The skip button ends the dialogue and is answered below, like any other button.
    const text = await waitForText(conversation, ctx);
    if (text === undefined) return;
    const saved = await conversation.external(async (outer) => {
      const result = await attempt(outer, () => addEvaluationComment(outer.deps, { ...args, personId: outer.person?.id ?? 0, comment: text }));
      if (result.ok) await outer.reply(outer.t('evaluation-comment-saved'));
      return result.ok || result.code !== 'validation';
    });
    if (saved) return;
  }
}

export const evaluationFeature = new Composer<BotContext>();
evaluationFeature.use(createConversation(commentDialogue, { id: EVALUATION_COMMENT, maxMillisecondsToWait: DIALOGUE_TIMEOUT_MS }));
const privateChats = evaluationFeature.chatType('private');

privateChats.callbackQuery(evaluateRating.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, round, r } = evaluateRating.unpack(ctx.callbackQuery.data);
  const person = ctx.person;
  if (!person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const state = await ratingButtonState(ctx.deps, { opinionId: id, round, personId: person.id });
  if (state !== 'open') return void (await ctx.reply(ctx.t(`evaluation-${state}`)));
  const rating = ratingOf(r);
  const result = await attempt(ctx, () => applyOpinionAction(ctx.deps, { opinionId: id, actor: { kind: 'person', personId: person.id }, action: { type: 'evaluate', rating } }));
  if (!result.ok) return;
  const { opinion: evaluated } = result.value;
  // A dissatisfied second round closes the case instead of reopening it.
  const thanks = rating === 'DISSATISFIED' && evaluated.stage === 'CLOSED' ? 'evaluation-thanks-dissatisfied-final' : `evaluation-thanks-${kebab(rating)}`;
  await ctx.reply(ctx.t(thanks, { trackingNo: evaluated.trackingNo }));
  await ctx.conversation.enter(EVALUATION_COMMENT, { opinionId: id, round } satisfies CommentArgs);
});

privateChats.callbackQuery(skipEvaluationComment.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('evaluation-comment-skipped'));
});
