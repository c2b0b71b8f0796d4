// /stations: find a station by street / town and community, or by sharing a location.
import { Composer } from 'grammy';
import { isDomainError } from '../../../domain/errors.js';
import type { BotContext } from '../../context.js';
import { areasView, locationKeyboard, nearbyView, showNavigation, stationCardView, stationNavigation } from './views.js';

export const stationsFeature = new Composer<BotContext>();
const privateChats = stationsFeature.chatType('private');

privateChats.command('stations', async (ctx) => {
  const view = await areasView(ctx);
  await ctx.reply(view.text, { reply_markup: view.keyboard });
  await ctx.reply(ctx.t('stations-or-share-location'), { reply_markup: locationKeyboard(ctx) });
});

privateChats.callbackQuery(stationNavigation.filter, async (ctx) => {
  const data = stationNavigation.unpack(ctx.callbackQuery.data);
  try {
    if (data.op === 's') {
      const card = await stationCardView(ctx, data.id);
      await ctx.answerCallbackQuery();
      await ctx.reply(card.text, { reply_markup: card.keyboard });
    } else {
      await showNavigation(ctx, { op: data.op, id: data.id });
      await ctx.answerCallbackQuery();
    }
  } catch (error) {
    // A station or region removed since the menu was sent.
    if (!isDomainError(error)) throw error;
    await ctx.answerCallbackQuery({ text: ctx.t(error.key, error.vars), show_alert: true });
  }
});

// A location outside any dialogue: the resident is looking for the nearest stations.
privateChats.on('message:location', async (ctx) => {
  const view = await nearbyView(ctx, ctx.message.location);
  await ctx.reply(view.text, { reply_markup: view.keyboard });
});
