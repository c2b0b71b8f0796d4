// /my: the resident's opinions, newest first, and each one's timeline: its status as it
// is (declined, merged into which case, closed), the expected date of the next step, and
// the whole record a button away when the timeline had to be shortened.
import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { CloseReason, OpinionStage } from '../../../generated/prisma/client.js';
import { isDomainError } from '../../../domain/errors.js';
import { getResidentOpinionTimeline, listResidentOpinions, RESIDENT_LIST_SIZE } from '../../../domain/opinions/resident-queries.js';
import { proposalOfResidentOpinion } from '../../../domain/proposals/queries.js';
import { defineCallbackData } from '../../callback-data.js';
import { kebab } from '../triage/case-view.js';
import type { AppContext, BotContext } from '../../context.js';
import { clip, pageView, TELEGRAM_LIMITS } from '../../limits.js';
import type { View } from '../stations/views.js';
import { currentLocale, formatDateTime, localizedPair } from '../stations/format.js';

/** o = open an opinion, p = a page of the list (id = how many to skip). */
export const myOpinionsNavigation = defineCallbackData('myop', { op: z.enum(['o', 'p']), id: z.coerce.number().int().nonnegative() });
/** A page of an opinion's whole record; `fresh` = 1 posts the pager, 0 turns its page. */
export const myOpinionFullText = defineCallbackData('myft', { id: z.coerce.number().int().positive(), page: z.coerce.number().int().min(0), fresh: z.coerce.number().int().min(0).max(1) });

/** What the timeline shows of long texts; the rest is behind the full-text button. */
const TIMELINE_BUDGET = { text: 1000, result: 1000 } as const;

export const myOpinionsFeature = new Composer<BotContext>();
const privateChats = myOpinionsFeature.chatType('private');

/** The status as the resident understands it: a closed case says how it closed. */
function stageName(ctx: AppContext, opinion: { stage: OpinionStage; closeReason: CloseReason | null; mergedIntoTrackingNo: string | null }): string {
  if (opinion.stage === 'CLOSED' && opinion.closeReason === 'DECLINED') return ctx.t('my-opinions-stage-declined');
  if (opinion.stage === 'CLOSED' && opinion.closeReason === 'MERGED') return ctx.t('my-opinions-stage-merged', { trackingNo: opinion.mergedIntoTrackingNo ?? '—' });
  return ctx.t(`my-opinions-stage-${opinion.stage.toLowerCase()}`);
}

/** Null when the resident has no opinion yet. */
async function listView(ctx: AppContext, personId: number, skip: number): Promise<View | null> {
  const locale = await currentLocale(ctx);
  const timeZone = ctx.deps.config.TIME_ZONE;
  const { items, total } = await listResidentOpinions(ctx.deps, personId, { skip });
  if (total === 0) return null;
  const keyboard = new InlineKeyboard();
  const lines = items.map((item) => {
    keyboard.text(`${item.trackingNo} · ${stageName(ctx, item)}`, myOpinionsNavigation.pack({ op: 'o', id: item.id })).row();
    return ctx.t('my-opinions-item', {
      trackingNo: item.trackingNo,
      category: localizedPair(item.categoryZh, item.categoryEn, locale),
      stage: stageName(ctx, item),
      updated: formatDateTime(item.updatedAt, locale, timeZone),
      excerpt: item.excerpt,
    });
  });
  if (skip > 0) keyboard.text(ctx.t('my-opinions-newer'), myOpinionsNavigation.pack({ op: 'p', id: Math.max(0, skip - RESIDENT_LIST_SIZE) }));
  if (skip + items.length < total) keyboard.text(ctx.t('my-opinions-older'), myOpinionsNavigation.pack({ op: 'p', id: skip + RESIDENT_LIST_SIZE }));
  return { text: [ctx.t('my-opinions-title', { total }), '', ...lines].join('\n'), keyboard };
}

async function timelineText(ctx: AppContext, personId: number, opinionId: number, mode: 'view' | 'full'): Promise<{ trackingNo: string; text: string; shortened: boolean }> {
  const locale = await currentLocale(ctx);
  const timeZone = ctx.deps.config.TIME_ZONE;
  const opinion = await getResidentOpinionTimeline(ctx.deps, personId, opinionId);
  let shortened = false;
  const fit = (text: string, max: number) => {
    if (mode === 'full' || text.length <= max) return text;
    shortened = true;
    return clip(text, max);
  };
  const next = opinion.nextDeadline;
  const proposal = await proposalOfResidentOpinion(ctx.deps, { residentId: personId, opinionId });
  const text = [
    `📄 ${opinion.trackingNo}`,
    ctx.t('my-opinions-station', { station: localizedPair(opinion.stationZh, opinion.stationEn, locale) }),
    ctx.t('my-opinions-category', { category: localizedPair(opinion.categoryZh, opinion.categoryEn, locale) }),
    ctx.t('my-opinions-stage', { stage: stageName(ctx, opinion) }),
    ...(proposal ? [ctx.t('my-opinions-proposal', { number: proposal.number, stage: ctx.t(`proposals-stage-${kebab(proposal.stage)}`) })] : []),
    ...(next ? [ctx.t(`my-opinions-next-${next.kind.toLowerCase()}`, { dueAt: formatDateTime(next.dueAt, locale, timeZone) })] : []),
    ctx.t('my-opinions-text', { text: fit(opinion.text, TIMELINE_BUDGET.text) }),
    ...(opinion.photos ? [ctx.t('my-opinions-photos', { count: opinion.photos })] : []),
    '',
    ctx.t('my-opinions-history'),
    ...opinion.events.map((event) => `• ${formatDateTime(event.at, locale, timeZone)} ${ctx.t(`my-opinions-event-${event.type.toLowerCase().replaceAll('_', '-')}`)}`),
    ...(opinion.resultText ? ['', ctx.t('my-opinions-result', { result: fit(opinion.resultText, TIMELINE_BUDGET.result) })] : []),
    ...opinion.evaluations.map((evaluation) =>
      ctx.t('my-opinions-evaluation', { round: evaluation.round, rating: ctx.t(`my-opinions-rating-${evaluation.rating.toLowerCase().replaceAll('_', '-')}`) }),
    ),
  ].join('\n');
  return { trackingNo: opinion.trackingNo, text, shortened };
}

async function timelineView(ctx: AppContext, personId: number, opinionId: number): Promise<View> {
  const timeline = await timelineText(ctx, personId, opinionId, 'view');
  const text = clip(timeline.text, TELEGRAM_LIMITS.text);
  const keyboard = new InlineKeyboard();
  if (timeline.shortened || text.length < timeline.text.length) keyboard.text(ctx.t('my-opinions-full-text'), myOpinionFullText.pack({ id: opinionId, page: 0, fresh: 1 }));
  return { text, keyboard: keyboard.text(ctx.t('my-opinions-back'), myOpinionsNavigation.pack({ op: 'p', id: 0 })) };
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

privateChats.callbackQuery(myOpinionFullText.filter, async (ctx) => {
  const { id, page, fresh } = myOpinionFullText.unpack(ctx.callbackQuery.data);
  try {
    if (!ctx.person) throw new Error('a resident with opinions has a Person row');
    const timeline = await timelineText(ctx, ctx.person.id, id, 'full');
    const view = pageView({
      header: ctx.t('my-opinions-full-text-header', { trackingNo: timeline.trackingNo }),
      text: timeline.text,
      page,
      packPage: (page) => myOpinionFullText.pack({ id, page, fresh: 0 }),
      counter: (page, pages) => ctx.t('page-counter', { page, pages }),
    });
    await ctx.answerCallbackQuery();
    if (fresh) await ctx.reply(view.text, { reply_markup: view.keyboard });
    else await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await ctx.answerCallbackQuery({ text: ctx.t(error.key, error.vars), show_alert: true });
  }
});
