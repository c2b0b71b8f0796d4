// /privacy, consent, /mydata (a copy of everything stored) and /forget (erasure).
import { Composer, InlineKeyboard, InputFile } from 'grammy';
import { z } from 'zod';
import { isDomainError } from '../../../domain/errors.js';
import { giveConsent, hasConsented } from '../../../domain/residents/consent.js';
import { erasePersonalData, exportPersonalData, personalDataJson } from '../../../domain/residents/personal-data.js';
import { defineCallbackData } from '../../callback-data.js';
import type { BotContext } from '../../context.js';
import { findPerson } from '../../middleware/app-context.js';
import { currentLocale } from '../stations/format.js';
import { consentChoice, consentKeyboard, privacyNotice } from './notice.js';

const forgetChoice = defineCallbackData('forget', { answer: z.enum(['yes', 'no']) });

export const privacyFeature = new Composer<BotContext>();
const privateChats = privacyFeature.chatType('private');

privateChats.command('privacy', async (ctx) => {
  const consented = hasConsented(ctx.person);
  await ctx.reply(privacyNotice(ctx), consented ? {} : { reply_markup: consentKeyboard(ctx) });
});

privateChats.callbackQuery(consentChoice.filter, async (ctx) => {
  const { answer } = consentChoice.unpack(ctx.callbackQuery.data);
  await ctx.answerCallbackQuery();
  if (answer === 'no') {
    await ctx.editMessageText(ctx.t('privacy-consent-declined'));
    return;
  }
  if (!hasConsented(ctx.person)) {
    const displayName = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(' ') || null;
    await giveConsent(ctx.deps, { telegramId: BigInt(ctx.from.id), chatId: BigInt(ctx.chat.id), displayName, locale: await currentLocale(ctx) });
    ctx.person = await findPerson(ctx.deps, ctx.from.id);
    // The language now lives on the person.
    delete ctx.session.locale;
  }
  await ctx.editMessageText(ctx.t('privacy-consent-given'));
  await ctx.reply(ctx.t('privacy-next-steps'));
});

privateChats.command('mydata', async (ctx) => {
  if (!ctx.person) {
    await ctx.reply(ctx.t('privacy-no-data'));
    return;
  }
  const json = personalDataJson(await exportPersonalData(ctx.deps, ctx.person.id));
  const filename = `minyi-data-${ctx.deps.clock.now().toISOString().slice(0, 10)}.json`;
  await ctx.replyWithDocument(new InputFile(Buffer.from(json, 'utf8'), filename), { caption: ctx.t('privacy-mydata-caption') });
});

privateChats.command('forget', async (ctx) => {
  if (!ctx.person) {
    await ctx.reply(ctx.t('privacy-no-data'));
    return;
  }
  await ctx.reply(ctx.t('privacy-forget-ask'), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('privacy-forget-yes'), forgetChoice.pack({ answer: 'yes' }))
      .row()
      .text(ctx.t('privacy-forget-no'), forgetChoice.pack({ answer: 'no' })),
  });
});

privateChats.callbackQuery(forgetChoice.filter, async (ctx) => {
  const { answer } = forgetChoice.unpack(ctx.callbackQuery.data);
  await ctx.answerCallbackQuery();
  if (answer === 'no' || !ctx.person) {
    await ctx.editMessageText(ctx.t(ctx.person ? 'privacy-forget-kept' : 'privacy-no-data'));
    return;
  }
  try {
    await erasePersonalData(ctx.deps, ctx.person.id);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await ctx.editMessageText(ctx.t(error.key, error.vars));
    return;
  }
  // From now on a stranger: no dialogue in progress, only the language stays with the chat.
  await ctx.conversation.exitAll();
  ctx.session.locale = await currentLocale(ctx);
  ctx.person = null;
  await ctx.editMessageText(ctx.t('privacy-forget-done'));
});
