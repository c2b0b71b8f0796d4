// A list of cases as one message: a line per case (oldest first, overdue marked) and a
// button per case that opens its card; more than a page turns with ◀ ▶ in place.
import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import { excerpt } from '../../../domain/opinions/submit-opinion.js';
import type { StaffRoleKind } from '../../../generated/prisma/client.js';
import type { CaseListItem, InboxItem } from '../../../domain/staff/index.js';
import { defineCallbackData } from '../../callback-data.js';
import type { AppContext, BotContext } from '../../context.js';
import { clip, TELEGRAM_LIMITS } from '../../limits.js';
import { openCase } from '../triage/callback-data.js';
import { formatTime, kebab } from '../triage/case-view.js';

/** A page of 30 lines of at most ~100 units, and 32 buttons: well within 4,096 units and 100 buttons. */
const PAGE_SIZE = 30;
const EXCERPT = 40;

/** Which list and which page (0-based) to show; the list is read again, so it is current. */
export const caseListPage = defineCallbackData('cl', { list: z.enum(['inbox', 'cases']), page: z.coerce.number().int().min(0) });
export interface CaseListKeys {
  list: 'inbox' | 'cases';
  header: string;
  empty: string;
}

/**
 * A staff list's command and page buttons: `/<list>` for holders of `role` (others are
 * told `notHolder`), `load` reading the list afresh for each page.
 */
export function caseListCommand(keys: CaseListKeys & { role: StaffRoleKind; notHolder: string; load: (ctx: AppContext, personId: number) => Promise<(CaseListItem | InboxItem)[]> }) {
  const composer = new Composer<BotContext>();
  const show = async (ctx: BotContext, page: number) => {
    if (!ctx.person?.roles.some((role) => role.kind === keys.role)) return void (await ctx.reply(ctx.t(keys.notHolder)));
    await showCaseList(ctx, await keys.load(ctx, ctx.person.id), keys, page);
  };
  const privateChats = composer.chatType('private');
  privateChats.command(keys.list, (ctx) => show(ctx, 0));
  privateChats.callbackQuery(caseListPage.filter, async (ctx, next) => {
    const { list, page } = caseListPage.unpack(ctx.callbackQuery.data);
    if (list !== keys.list) return next();
    await ctx.answerCallbackQuery();
    await show(ctx, page);
  });
  return composer;
}

/** Sends page `page` of the list, or edits the message it was turned from. */
export async function showCaseList(ctx: AppContext, items: (CaseListItem | InboxItem)[], keys: CaseListKeys, page = 0): Promise<void> {
  const edit = caseListPage.filter.test(ctx.callbackQuery?.data ?? '');
  if (items.length === 0) return void (edit ? await ctx.editMessageText(ctx.t(keys.empty)) : await ctx.reply(ctx.t(keys.empty)));
  const pages = Math.ceil(items.length / PAGE_SIZE);
  const current = Math.min(page, pages - 1);
  const shown = items.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
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
  if (pages > 1) {
    lines.push('', ctx.t('page-counter', { page: current + 1, pages }));
    if (current > 0) keyboard.text('◀', caseListPage.pack({ list: keys.list, page: current - 1 }));
    if (current < pages - 1) keyboard.text('▶', caseListPage.pack({ list: keys.list, page: current + 1 }));
  }
  const text = clip(lines.join('\n'), TELEGRAM_LIMITS.text);
  if (edit) await ctx.editMessageText(text, { reply_markup: keyboard });
  else await ctx.reply(text, { reply_markup: keyboard });
}
