// /start: welcome, language, the privacy notice and consent; staff get their own
// welcome with their commands. `/start inv_<code>` is a
// staff invitation, handled by the invitations feature (registered earlier).
import { Composer } from 'grammy';
import { hasConsented } from '../../../domain/residents/consent.js';
import type { Locale } from '../../../i18n/index.js';
import { commandLines, commandsFor } from '../../commands.js';
import type { BotContext } from '../../context.js';
import { languageKeyboard } from '../language.js';
import { consentKeyboard, privacyNotice } from '../privacy/notice.js';

export const startFeature = new Composer<BotContext>();
const privateChats = startFeature.chatType('private');

privateChats.command('start', async (ctx, next) => {
  if (ctx.match.startsWith('inv_')) return next();
  const roles = ctx.person?.roles.map((role) => role.kind) ?? [];
  if (roles.length > 0) {
    // Staff: their own welcome and commands, not the resident's.
    const locale = (await ctx.i18n.getLocale()) as Locale;
    await ctx.reply(`${ctx.t('start-welcome-staff', { name: ctx.person!.displayName ?? ctx.from.first_name })}\n${commandLines(commandsFor(ctx.deps.translate, locale, roles))}`);
    return;
  }
  if (hasConsented(ctx.person)) {
    await ctx.reply(ctx.t('start-welcome-back'));
    return;
  }
  await ctx.reply(ctx.t('start-welcome'), { reply_markup: languageKeyboard() });
  await ctx.reply(privacyNotice(ctx), { reply_markup: consentKeyboard(ctx) });
});
