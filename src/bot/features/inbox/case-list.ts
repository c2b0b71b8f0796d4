// A list of cases as one message: a line per case (oldest first, overdue marked) and
// a button per case that opens its view.
import { InlineKeyboard } from 'grammy';
import { excerpt } from '../../../domain/opinions/submit-opinion.js';
import type { CaseListItem, InboxItem } from '../../../domain/staff/index.js';
import type { AppContext } from '../../context.js';
import { openCase } from '../triage/callback-data.js';
import { formatTime, kebab } from '../triage/case-view.js';

/** Telegram allows 4096 characters a message and 100 buttons: the oldest come first. */
const LISTED = 30;
const EXCERPT = 40;

export async function sendCaseList(ctx: AppContext, items: (CaseListItem | InboxItem)[], keys: { header: string; empty: string }): Promise<void> {
  if (items.length === 0) return void (await ctx.reply(ctx.t(keys.empty)));
  const shown = items.slice(0, LISTED);
  const keyboard = new InlineKeyboard();
  const lines = [ctx.t(keys.header, { count: items.length })];
  for (const item of shown) {
    const vars = {
      trackingNo: item.trackingNo,
      excerpt: excerpt(item.text, EXCERPT),
      createdAt: formatTime(ctx, item.createdAt),
      reason: 'reason' in item ? ctx.t(`inbox-reason-${kebab(item.reason)}`) : ctx.t(`case-stage-${kebab(item.stage)}`),
    };
    lines.push(ctx.t(item.overdue ? 'inbox-line-overdue' : 'inbox-line', vars));
    keyboard.text(ctx.t(item.overdue ? 'inbox-button-overdue' : 'inbox-button', { trackingNo: item.trackingNo }), openCase.pack({ id: item.opinionId })).row();
  }
  if (items.length > shown.length) lines.push(ctx.t('inbox-more', { count: items.length - shown.length }));
  await ctx.reply(lines.join('\n'), { reply_markup: keyboard });
}
