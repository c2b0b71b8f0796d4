// /inbox: what waits for a liaison officer at their stations, oldest first.
import { Composer } from 'grammy';
import { listOfficerInbox } from '../../../domain/staff/index.js';
import type { BotContext } from '../../context.js';
import { sendCaseList } from './case-list.js';

export const inboxFeature = new Composer<BotContext>();

inboxFeature.chatType('private').command('inbox', async (ctx) => {
  if (!ctx.person?.roles.some((role) => role.kind === 'LIAISON_OFFICER')) return void (await ctx.reply(ctx.t('inbox-not-officer')));
  const items = await listOfficerInbox(ctx.deps, { personId: ctx.person.id });
  await sendCaseList(ctx, items, { header: 'inbox-header', empty: 'inbox-empty' });
});
