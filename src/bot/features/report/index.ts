// /report [YYYY-MM]: the monthly closure report on demand, for district admins (the
// district) and street admins (their street / town): the summary, then the spreadsheet
// and the chart. Without a month it offers the month to date and the last complete
// month; the month under way is reported to this instant. A complete month asked for is
// recorded in the delivery ledger, so the scheduled delivery does not send it again.
import { Composer, InlineKeyboard, InputFile } from 'grammy';
import { isDomainError } from '../../../domain/errors.js';
import { formatDueAt } from '../../../domain/opinions/notifications.js';
import { claimReportDelivery } from '../../../domain/reports/delivery.js';
import { lastCompleteMonth, monthOf, reportMonthSchema, requestedMonth, type ReportMonth } from '../../../domain/reports/period.js';
import { buildMonthlyReport } from '../../../domain/reports/report.js';
import { reportScopesOf } from '../../../domain/reports/scope.js';
import { renderAttachments } from '../../../reports/attachments.js';
import { scopeName, type LocaleT } from '../../../reports/labels.js';
import { renderSummary } from '../../../reports/summary.js';
import { defineCallbackData } from '../../callback-data.js';
import type { BotContext } from '../../context.js';

export const reportMonth = defineCallbackData('rp', { month: reportMonthSchema });

export const reportFeature = new Composer<BotContext>();
const privateChats = reportFeature.chatType('private');

privateChats.command('report', async (ctx) => {
  if (reportScopesOf(ctx.person?.roles ?? []).length === 0) return void (await ctx.reply(ctx.t('report-refused')));
  const { deps } = ctx;
  const now = deps.clock.now();
  if (ctx.match.trim() === '') {
    const current = monthOf(now, deps.config.TIME_ZONE);
    const previous = lastCompleteMonth(now, deps.config.TIME_ZONE);
    const keyboard = new InlineKeyboard()
      .text(ctx.t('report-choose-month-to-date', { month: current }), reportMonth.pack({ month: current }))
      .row()
      .text(ctx.t('report-choose-last-month', { month: previous }), reportMonth.pack({ month: previous }));
    return void (await ctx.reply(ctx.t('report-choose'), { reply_markup: keyboard }));
  }
  let month: ReportMonth;
  try {
    month = requestedMonth(ctx.match, now, deps.config.TIME_ZONE, { allowCurrent: true });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return void (await ctx.reply(ctx.t(error.key, error.vars)));
  }
  await sendReport(ctx, month);
});

privateChats.callbackQuery(reportMonth.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (reportScopesOf(ctx.person?.roles ?? []).length === 0) return void (await ctx.reply(ctx.t('report-refused')));
  // The buttons name months that have begun: the one under way then, or complete ones.
  await sendReport(ctx, reportMonth.unpack(ctx.callbackQuery.data).month);
});

async function sendReport(ctx: BotContext, month: ReportMonth): Promise<void> {
  const { deps } = ctx;
  const now = deps.clock.now();
  const toDate = month === monthOf(now, deps.config.TIME_ZONE);
  await ctx.reply(toDate ? ctx.t('report-preparing-to-date', { month, asOf: formatDueAt(now, deps.config.TIME_ZONE) }) : ctx.t('report-preparing', { month }));
  await ctx.replyWithChatAction('upload_document');
  const locale = await ctx.i18n.getLocale();
  const t: LocaleT = (key, vars) => ctx.t(key, vars);
  for (const streetId of reportScopesOf(ctx.person?.roles ?? [])) {
    const report = await buildMonthlyReport(deps, { month, streetId, ...(toDate ? { asOf: now } : {}) });
    const { xlsx, chart } = await renderAttachments(report, t, locale);
    const vars = { scope: scopeName(report, t, locale), month };
    await ctx.reply(renderSummary(report, t, locale));
    await ctx.replyWithDocument(new InputFile(xlsx.data, xlsx.filename), { caption: ctx.t('report-xlsx-caption', vars) });
    await ctx.replyWithPhoto(new InputFile(chart.data, chart.filename), { caption: ctx.t('report-chart-caption', vars) });
    // A complete month now reached this admin: the scheduled delivery leaves it out.
    if (!toDate) await claimReportDelivery(deps.prisma, { month, personId: ctx.person!.id, scope: streetId, via: 'on-demand', at: now });
  }
}
