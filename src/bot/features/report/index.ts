// /report [2026-10 | 2026Q3 | 2026]: the closure report on demand, for district admins (the
// district) and street admins (their street / town): the summary, then the spreadsheet and
// the chart. Without a period it offers the month, the quarter and the year to date and the
// last complete ones; a period under way is reported to this instant. The periods are
// those of `npm run report` (--quarter, --year), read by the same domain function. A
// complete month asked for is recorded in the delivery ledger, so the scheduled delivery
// does not send it again.
import { Composer, InlineKeyboard, InputFile } from 'grammy';
import { z } from 'zod';
import { isDomainError } from '../../../domain/errors.js';
import { formatDueAt } from '../../../domain/opinions/notifications.js';
import { claimReportDelivery } from '../../../domain/reports/delivery.js';
import {
  lastCompleteMonth,
  monthOf,
  monthSpan,
  quarterOf,
  reportMonthSchema,
  requestedSpan,
  shiftMonth,
  spanRequestFromText,
  type ReportSpan,
  type SpanRequest,
} from '../../../domain/reports/period.js';
import { buildMonthlyReport } from '../../../domain/reports/report.js';
import { reportScopesOf } from '../../../domain/reports/scope.js';
import { renderAttachments } from '../../../reports/attachments.js';
import { scopeName, type LocaleT } from '../../../reports/labels.js';
import { renderSummary } from '../../../reports/summary.js';
import { defineCallbackData } from '../../callback-data.js';
import type { BotContext } from '../../context.js';

export const reportMonth = defineCallbackData('rp', { month: reportMonthSchema });
/** A quarter (2026Q4) or a year (2026), the other left empty, as --quarter and --year take them. */
export const reportPeriod = defineCallbackData('rq', { quarter: z.string().regex(/^(\d{4}Q[1-4])?$/), year: z.string().regex(/^(\d{4})?$/) });

export const reportFeature = new Composer<BotContext>();
const privateChats = reportFeature.chatType('private');

/** The month, the quarter and the year to date, each beside the last complete one. */
function periodMenu(ctx: BotContext, now: Date): InlineKeyboard {
  const current = monthOf(now, ctx.deps.config.TIME_ZONE);
  const previous = lastCompleteMonth(now, ctx.deps.config.TIME_ZONE);
  const [quarter, previousQuarter] = [quarterOf(current), quarterOf(shiftMonth(current, -3))];
  const [year, previousYear] = [current.slice(0, 4), String(Number(current.slice(0, 4)) - 1)];
  const ofQuarter = (q: string) => reportPeriod.pack({ quarter: q, year: '' });
  const ofYear = (y: string) => reportPeriod.pack({ quarter: '', year: y });
  return new InlineKeyboard()
    .text(ctx.t('report-choose-month-to-date', { month: current }), reportMonth.pack({ month: current }))
    .text(ctx.t('report-choose-last-month', { month: previous }), reportMonth.pack({ month: previous }))
    .row()
    .text(ctx.t('report-choose-quarter-to-date', { quarter }), ofQuarter(quarter))
    .text(ctx.t('report-choose-last-quarter', { quarter: previousQuarter }), ofQuarter(previousQuarter))
    .row()
    .text(ctx.t('report-choose-year-to-date', { year }), ofYear(year))
    .text(ctx.t('report-choose-last-year', { year: previousYear }), ofYear(previousYear));
}

const mayReport = (ctx: BotContext) => reportScopesOf(ctx.person?.roles ?? []).length > 0;

privateChats.command('report', async (ctx) => {
  if (!mayReport(ctx)) return void (await ctx.reply(ctx.t('report-refused')));
  const now = ctx.deps.clock.now();
  if (ctx.match.trim() === '') return void (await ctx.reply(ctx.t('report-choose'), { reply_markup: periodMenu(ctx, now) }));
  await sendRequested(ctx, () => requestedSpan(spanRequestFromText(ctx.match), now, ctx.deps.config.TIME_ZONE, { allowCurrent: true }));
});

privateChats.callbackQuery(reportMonth.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!mayReport(ctx)) return void (await ctx.reply(ctx.t('report-refused')));
  // The buttons name months that have begun: the one under way then, or complete ones.
  await sendReport(ctx, monthSpan(reportMonth.unpack(ctx.callbackQuery.data).month));
});

privateChats.callbackQuery(reportPeriod.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!mayReport(ctx)) return void (await ctx.reply(ctx.t('report-refused')));
  const request: SpanRequest = reportPeriod.unpack(ctx.callbackQuery.data);
  await sendRequested(ctx, () => requestedSpan(request, ctx.deps.clock.now(), ctx.deps.config.TIME_ZONE, { allowCurrent: true }));
});

/** The report of the period asked for, or the localized reason there is none. */
async function sendRequested(ctx: BotContext, period: () => ReportSpan): Promise<void> {
  let span: ReportSpan;
  try {
    span = period();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return void (await ctx.reply(ctx.t(error.key, error.vars)));
  }
  await sendReport(ctx, span);
}

async function sendReport(ctx: BotContext, span: ReportSpan): Promise<void> {
  const { deps } = ctx;
  const now = deps.clock.now();
  const toDate = span.to === monthOf(now, deps.config.TIME_ZONE);
  const period = span.label;
  const asOf = formatDueAt(now, deps.config.TIME_ZONE);
  const month = span.kind === 'month';
  await ctx.reply(
    toDate ? ctx.t(month ? 'report-preparing-to-date' : 'report-preparing-period-to-date', { month: period, period, asOf }) : ctx.t('report-preparing', { month: period }),
  );
  await ctx.replyWithChatAction('upload_document');
  const locale = await ctx.i18n.getLocale();
  const t: LocaleT = (key, vars) => ctx.t(key, vars);
  for (const streetId of reportScopesOf(ctx.person?.roles ?? [])) {
    const report = await buildMonthlyReport(deps, { span, streetId, ...(toDate ? { asOf: now } : {}) });
    const { xlsx, chart } = await renderAttachments(report, t, locale);
    const vars = { scope: scopeName(report, t, locale), month: period, period };
    await ctx.reply(renderSummary(report, t, locale));
    await ctx.replyWithDocument(new InputFile(xlsx.data, xlsx.filename), { caption: ctx.t(month ? 'report-xlsx-caption' : 'report-xlsx-caption-period', vars) });
    await ctx.replyWithPhoto(new InputFile(chart.data, chart.filename), { caption: ctx.t('report-chart-caption', vars) });
    // A complete month now reached this admin: the scheduled delivery leaves it out.
    if (month && !toDate) await claimReportDelivery(deps.prisma, { month: span.to, personId: ctx.person!.id, scope: streetId, via: 'on-demand', at: now });
  }
}
