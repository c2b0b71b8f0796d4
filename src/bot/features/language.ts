// /language: switch between Simplified Chinese and English at any time; the chat's
// command menu follows.
import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import { locales } from '../../i18n/index.js';
import { defineCallbackData } from '../callback-data.js';
import { refreshChatMenu } from '../commands.js';
import type { BotContext } from '../context.js';

export const languageChoice = defineCallbackData('lang', { locale: z.enum(locales) });

export function languageKeyboard(): InlineKeyboard {
  return new InlineKeyboard()
    .text('简体中文', languageChoice.pack({ locale: 'zh-CN' }))
    .text('English', languageChoice.pack({ locale: 'en' }));
}

export const languageFeature = new Composer<BotContext>();
const privateChats = languageFeature.chatType('private');

privateChats.command('language', async (ctx) => {
  await ctx.reply(ctx.t('language-choose'), { reply_markup: languageKeyboard() });
});

privateChats.callbackQuery(languageChoice.filter, async (ctx) => {
  const { locale } = languageChoice.unpack(ctx.callbackQuery.data);
  if (ctx.person) {
    await ctx.deps.prisma.person.update({ where: { id: ctx.person.id }, data: { locale } });
    ctx.person.locale = locale;
  } else {
    ctx.session.locale = locale;
  }
  ctx.i18n.useLocale(locale);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('language-changed'));
  // The command menu follows the language chosen here, not the client's.
  const roles = ctx.person?.roles.map((role) => role.kind) ?? [];
  await refreshChatMenu(ctx.api, ctx.deps, { chatId: ctx.chatId, locale, roles });
});
