// /my: the resident's opinions, newest first, and each one's timeline.
import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import { isDomainError } from '../../../domain/errors.js';
import { getResidentOpinionTimeline, listResidentOpinions, RESIDENT_LIST_SIZE } from '../../../domain/opinions/resident-queries.js';
import { proposalOfResidentOpinion } from '../../../domain/proposals/queries.js';
import { defineCallbackData } from '../../callback-data.js';
import { kebab } from '../triage/case-view.js';
import type { AppContext, BotContext } from '../../context.js';
import type { View } from '../stations/views.js';
import { currentLocale, formatDateTime, localizedPair } from '../stations/format.js';

/** o = open an opinion, p = a page of the list (id = how many to skip). */
export const myOpinionsNavigation = defineCallbackData('myop', { op: z.enum(['o', 'p']), id: z.coerce.number().int().nonnegative() });

export const myOpinionsFeature = new Composer<BotContext>();
const privateChats = myOpinionsFeature.chatType('private');

const stageName = (ctx: AppContext, stage: string) => ctx.t(`my-opinions-stage-${stage.toLowerCase()}`);

/** Null when the resident has no opinion yet. */
async function listView(ctx: AppContext, personId: number, skip: number): Promise<View | null> {
  const locale = await currentLocale(ctx);
  const timeZone = ctx.deps.config.TIME_ZONE;
  const { items, total } = await listResidentOpinions(ctx.deps, personId, { skip });
  if (total === 0) return null;
  const keyboard = new InlineKeyboard();
  const lines = items.map((item) => {
    keyboard.text(`${item.trackingNo} · ${stageName(ctx, item.stage)}`, myOpinionsNavigation.pack({ op: 'o', id: item.id })).row();
    return ctx.t('my-opinions-item', {
      trackingNo: item.trackingNo,
      category: localizedPair(item.categoryZh, item.categoryEn, locale),
      stage: stageName(ctx, item.stage),
      updated: formatDateTime(item.updatedAt, locale, timeZone),
      excerpt: item.excerpt,
    });
  });
  if (skip > 0) keyboard.text(ctx.t('my-opinions-newer'), myOpinionsNavigation.pack({ op: 'p', id: Math.max(0, skip - RESIDENT_LIST_SIZE) }));
  if (skip + items.length < total) keyboard.text(ctx.t('my-opinions-older'), myOpinionsNavigation.pack({ op: 'p', id: skip + RESIDENT_LIST_SIZE }));
  return { text: [ctx.t('my-opinions-title', { total }), '', ...lines].join('\n'), keyboard };
}

async function timelineView(ctx: AppContext, personId: number, opinionId: number): Promise<View> {
  const locale = await currentLocale(ctx);
  const timeZone = ctx.deps.config.TIME_ZONE;
  const opinion = await getResidentOpinionTimeline(ctx.deps, personId, opinionId);
  const proposal = await proposalOfResidentOpinion(ctx.deps, { residentId: personId, opinionId });
  const text = [
    `📄 ${opinion.trackingNo}`,
    ctx.t('my-opinions-station', { station: localizedPair(opinion.stationZh, opinion.stationEn, locale) }),
    ctx.t('my-opinions-category', { category: localizedPair(opinion.categoryZh, opinion.categoryEn, locale) }),
    ctx.t('my-opinions-stage', { stage: stageName(ctx, opinion.stage) }),
    ...(proposal ? [ctx.t('my-opinions-proposal', { number: proposal.number, stage: ctx.t(`proposals-stage-${kebab(proposal.stage)}`) })] : []),
    ctx.t('my-opinions-text', { text: opinion.text }),
    ...(opinion.photos ? [ctx.t('my-opinions-photos', { count: opinion.photos })] : []),
    '',
    ctx.t('my-opinions-history'),
    ...opinion.events.map((event) => `• ${formatDateTime(event.at, locale, timeZone)} ${ctx.t(`my-opinions-event-${event.type.toLowerCase().replaceAll('_', '-')}`)}`),
    ...(opinion.resultText ? ['', ctx.t('my-opinions-result', { result: opinion.resultText })] : []),
    ...opinion.evaluations.map((evaluation) =>
      ctx.t('my-opinions-evaluation', { round: evaluation.round, rating: ctx.t(`my-opinions-rating-${evaluation.rating.toLowerCase().replaceAll('_', '-')}`) }),
    ),
  ].join('\n');
  return { text, keyboard: new InlineKeyboard().text(ctx.t('my-opinions-back'), myOpinionsNavigation.pack({ op: 'p', id: 0 })) };
}

privateChats.command('my', async (ctx) => {
  const view = ctx.person ? await listView(ctx, ctx.person.id, 0) : null;
  if (view) await ctx.reply(view.text, { reply_markup: view.keyboard });
  else await ctx.reply(ctx.t('my-opinions-none'));
});

privateChats.callbackQuery(myOpinionsNavigation.filter, async (ctx) => {
  const { op, id } = myOpinionsNavigation.unpack(ctx.callbackQuery.data);
  try {
    const view = !ctx.person ? null : op === 'o' ? await timelineView(ctx, ctx.person.id, id) : await listView(ctx, ctx.person.id, id);
    if (!view) {
      await ctx.answerCallbackQuery({ text: ctx.t('my-opinions-none'), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await ctx.answerCallbackQuery({ text: ctx.t(error.key, error.vars), show_alert: true });
  }
});
