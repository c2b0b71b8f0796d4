// 督办 for street and district admins, from the overdue notice: 催办 (chase whoever must
// act, recorded in the history) and 改派 (give the case to another officer of the
// station or another agency). Both go through applyOpinionAction, which checks that
// this admin may act on this case.
import { Composer } from 'grammy';
import { applyOpinionAction } from '../../../domain/opinions/apply-action.js';
import type { OpinionAction } from '../../../domain/opinions/lifecycle.js';
import { reassignOptions } from '../../../domain/opinions/supervision.js';
import type { AppContext, BotContext } from '../../context.js';
import { attempt } from '../triage/respond.js';
import { chaseCase, reassignCase, reassignToAgency, reassignToOfficer } from './callback-data.js';
import { reassignKeyboard } from './keyboards.js';

export const supervisionFeature = new Composer<BotContext>();
const privateChats = supervisionFeature.chatType('private');

async function supervise(ctx: AppContext, opinionId: number, action: OpinionAction, doneKey: string): Promise<void> {
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const actor = { kind: 'person' as const, personId: ctx.person.id };
  const result = await attempt(ctx, () => applyOpinionAction(ctx.deps, { opinionId, actor, action }));
  if (result.ok) await ctx.reply(ctx.t(doneKey, { trackingNo: result.value.opinion.trackingNo }));
}

privateChats.callbackQuery(chaseCase.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await supervise(ctx, chaseCase.unpack(ctx.callbackQuery.data).id, { type: 'chase' }, 'supervision-chased');
});

privateChats.callbackQuery(reassignCase.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id } = reassignCase.unpack(ctx.callbackQuery.data);
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const result = await attempt(ctx, () => reassignOptions(ctx.deps, { opinionId: id, actor: { kind: 'person', personId: ctx.person!.id } }));
  if (!result.ok) return;
  const options = result.value;
  if (options.officers.length === 0 && options.agencies.length === 0) return void (await ctx.reply(ctx.t('supervision-reassign-nobody', { trackingNo: options.trackingNo })));
  const locale = await ctx.i18n.getLocale();
  await ctx.reply(ctx.t('supervision-reassign-choose', { trackingNo: options.trackingNo }), { reply_markup: reassignKeyboard(ctx.t, locale, id, options) });
});

privateChats.callbackQuery(reassignToOfficer.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, p } = reassignToOfficer.unpack(ctx.callbackQuery.data);
  await supervise(ctx, id, { type: 'reassign', officerId: p }, 'supervision-reassigned');
});

privateChats.callbackQuery(reassignToAgency.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, a } = reassignToAgency.unpack(ctx.callbackQuery.data);
  await supervise(ctx, id, { type: 'reassign', agencyId: a }, 'supervision-reassigned');
});
