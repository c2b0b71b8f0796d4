// /inbox: what waits for a liaison officer at their stations, oldest first, paged.
import { Composer } from 'grammy';
import { listOfficerInbox } from '../../../domain/staff/index.js';
import type { BotContext } from '../../context.js';
import { caseListPage, showCaseList } from './case-list.js';

export const inboxFeature = new Composer<BotContext>();
const privateChats = inboxFeature.chatType('private');

async function showInbox(ctx: BotContext, page: number): Promise<void> {
  if (!ctx.person?.roles.some((role) => role.kind === 'LIAISON_OFFICER')) return void (await ctx.reply(ctx.t('inbox-not-officer')));
  const items = await listOfficerInbox(ctx.deps, { personId: ctx.person.id });
  await showCaseList(ctx, items, { list: 'inbox', header: 'inbox-header', empty: 'inbox-empty' }, page);
}

privateChats.command('inbox', (ctx) => showInbox(ctx, 0));

privateChats.callbackQuery(caseListPage.filter, async (ctx, next) => {
  const { list, page } = caseListPage.unpack(ctx.callbackQuery.data);
  if (list !== 'inbox') return next();
  await ctx.answerCallbackQuery();
  await showInbox(ctx, page);
});
