// The resident's evaluation: 满意 / 基本满意 / 不满意 on the result notification. The
// rating is applied at once and answered with one message: thanks and an optional
// comment (skippable). On 不满意 the resident is asked why (quick reasons or their own
// words); in round 1 staff hear of it, with the reason, only then (or, without one, after
// DISSATISFACTION_REASON_WAIT_MINUTES: the deadline jobs). A second press, or a button of
// an earlier round, is refused politely.
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { applyOpinionAction } from '../../../domain/opinions/apply-action.js';
import { giveDissatisfactionReason, ratingButtonState } from '../../../domain/opinions/evaluation-records.js';
import type { AppContext, BotContext } from '../../context.js';
import { DIALOGUE_TIMEOUT_MS, waitForText, type StaffConversation } from '../triage/dialogue.js';
import { kebab } from '../triage/case-view.js';
import { attempt } from '../triage/respond.js';
import { dissatisfactionReason, evaluateRating, ratingOf, skipEvaluationComment } from './callback-data.js';
import { dissatisfactionReasonKeyboard, skipCommentKeyboard } from './keyboards.js';

interface CommentArgs {
  opinionId: number;
  round: number;
}

const EVALUATION_COMMENT = 'evaluation-comment';

/** Saves what the resident says after rating (a comment, or the reason for 不满意) and answers once. */
async function saveWords(ctx: AppContext, args: CommentArgs, reason: { text?: string; code?: string }) {
  const personId = ctx.person?.id ?? 0;
  return attempt(ctx, async () => {
    const outcome = await giveDissatisfactionReason(ctx.deps, { ...args, personId, ...reason });
    const key = outcome.reopened ? 'evaluation-reason-sent' : reason.text === undefined ? 'evaluation-comment-skipped' : 'evaluation-comment-saved';
    await ctx.reply(ctx.t(key, { trackingNo: outcome.trackingNo }));
  });
}

async function commentDialogue(conversation: StaffConversation, _ctx: AppContext, args: CommentArgs): Promise<void> {
  // The prompt went out with the thanks. The buttons end the dialogue and are answered below.
  for (;;) {
    const text = await waitForText(conversation, _ctx);
    if (text === undefined) return;
    const saved = await conversation.external(async (outer) => {
      const result = await saveWords(outer, args, { text });
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
  const vars = { trackingNo: evaluated.trackingNo };
  // One message: what happened, and the question that follows, with its buttons.
  if (rating === 'DISSATISFIED') {
    const headline = evaluated.stage === 'CLOSED' ? ctx.t('evaluation-thanks-dissatisfied-final', vars) : ctx.t('evaluation-dissatisfied-noted', vars);
    await ctx.reply(`${headline}\n${ctx.t('evaluation-reason-prompt')}`, { reply_markup: dissatisfactionReasonKeyboard(ctx.t, id, round) });
  } else {
    await ctx.reply(`${ctx.t(`evaluation-thanks-${kebab(rating)}`, vars)}\n${ctx.t('evaluation-comment-prompt')}`, { reply_markup: skipCommentKeyboard(ctx.t) });
  }
  await ctx.conversation.enter(EVALUATION_COMMENT, { opinionId: id, round } satisfies CommentArgs);
});

privateChats.callbackQuery(dissatisfactionReason.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, round, c } = dissatisfactionReason.unpack(ctx.callbackQuery.data);
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const reason = c === 'skip' ? {} : { text: ctx.t(`evaluation-reason-${c}`), code: c };
  const result = await saveWords(ctx, { opinionId: id, round }, reason);
  // The reasons are answered: their buttons go.
  if (result.ok) await ctx.editMessageReplyMarkup();
});

privateChats.callbackQuery(skipEvaluationComment.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('evaluation-comment-skipped'));
});
