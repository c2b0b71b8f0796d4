// /help: what a resident can do here.
import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';

export const helpFeature = new Composer<BotContext>();

helpFeature.chatType('private').command('help', async (ctx) => {
  await ctx.reply(ctx.t('help-text'));
});
