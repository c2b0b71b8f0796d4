// /help: what a resident, or a staff member, can do here.
import { Composer } from 'grammy';
import type { Locale } from '../../../i18n/index.js';
import { commandLines, commandsFor } from '../../commands.js';
import type { BotContext } from '../../context.js';

export const helpFeature = new Composer<BotContext>();

helpFeature.chatType('private').command('help', async (ctx) => {
  const roles = ctx.person?.roles.map((role) => role.kind) ?? [];
  if (roles.length === 0) return void (await ctx.reply(ctx.t('help-text')));
  // Staff: their commands first, then the resident's (the same as their menu).
  const locale = (await ctx.i18n.getLocale()) as Locale;
  await ctx.reply(`${ctx.t('help-staff')}\n${commandLines(commandsFor(ctx.deps.translate, locale, roles))}`);
});
