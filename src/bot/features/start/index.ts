// /start: welcome, language, the privacy notice and consent. `/start inv_<code>` is a
// staff invitation, handled by the invitations feature (registered earlier).
import { Composer } from 'grammy';
import { hasConsented } from '../../../domain/residents/consent.js';
import type { BotContext } from '../../context.js';
import { languageKeyboard } from '../language.js';
import { consentKeyboard, privacyNotice } from '../privacy/notice.js';

export const startFeature = new Composer<BotContext>();
const privateChats = startFeature.chatType('private');

privateChats.command('start', async (ctx, next) => {
  if (ctx.match.startsWith('inv_')) return next();
  if (hasConsented(ctx.person)) {
    await ctx.reply(ctx.t('start-welcome-back'));
    return;
  }
  await ctx.reply(ctx.t('start-welcome'), { reply_markup: languageKeyboard() });
  await ctx.reply(privacyNotice(ctx), { reply_markup: consentKeyboard(ctx) });
});
