// /new and the station card's "向此站点提意见" start the opinion dialogue; /cancel
// leaves any dialogue. Registered before the other resident features: while a
// dialogue is active it sees every update first and passes commands on.
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { isDomainError } from '../../../domain/errors.js';
import { checkOpinionRateLimit } from '../../../domain/opinions/submit-opinion.js';
import { hasConsented } from '../../../domain/residents/consent.js';
import type { AppContext, BotContext } from '../../context.js';
import { opinionForStation } from '../stations/views.js';
import { NEW_OPINION_DIALOGUE, newOpinionDialogue } from './dialogue.js';

export const opinionFeature = new Composer<BotContext>();
const privateChats = opinionFeature.chatType('private');

privateChats.use(createConversation<BotContext, AppContext>(newOpinionDialogue, NEW_OPINION_DIALOGUE));

/** Consent and the hourly limit are checked before the dialogue starts (and again on submission). */
async function startOpinionDialogue(ctx: BotContext, stationId?: number): Promise<void> {
  if (!ctx.person || !hasConsented(ctx.person)) {
    await ctx.reply(ctx.t('opinion-consent-first'));
    return;
  }
  try {
    await checkOpinionRateLimit(ctx.deps, ctx.person.id);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await ctx.reply(ctx.t(error.key, error.vars));
    return;
  }
  // /new in the middle of a dialogue starts over: nothing unconfirmed is kept.
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(NEW_OPINION_DIALOGUE, stationId ? { stationId } : {});
}

privateChats.command('new', (ctx) => startOpinionDialogue(ctx));

privateChats.callbackQuery(opinionForStation.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startOpinionDialogue(ctx, opinionForStation.unpack(ctx.callbackQuery.data).stationId);
});

privateChats.command('cancel', async (ctx) => {
  const active = Object.keys(ctx.conversation.active()).length > 0;
  await ctx.conversation.exitAll();
  await ctx.reply(ctx.t(active ? 'opinion-cancelled' : 'opinion-nothing-to-cancel'), { reply_markup: { remove_keyboard: true } });
});
