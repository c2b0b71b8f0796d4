// Last in the chain: whatever no feature took gets a clear explanation.
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

export const unhandledFeature = new Composer<BotContext>();
const privateChats = unhandledFeature.chatType('private');

privateChats.on('callback_query', async (ctx) => {
  // A button of an old message whose dialogue is gone.
  await ctx.answerCallbackQuery({ text: ctx.t('unhandled-stale-button'), show_alert: true });
});

privateChats.on(
  ['message:sticker', 'message:voice', 'message:video_note', 'message:video', 'message:audio', 'message:animation', 'message:dice', 'message:poll'],
  async (ctx) => {
    await ctx.reply(ctx.t('unhandled-unsupported-message'));
  },
);

privateChats.on('message', async (ctx) => {
  await ctx.reply(ctx.t('unhandled-unknown'));
});
