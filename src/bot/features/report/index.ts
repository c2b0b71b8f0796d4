// /report [YYYY-MM]: the monthly closure report on demand, for district admins (the
// district) and street admins (their street / town): the summary, then the spreadsheet
// and the chart.
import { Composer, InputFile } from 'grammy';
import { isDomainError } from '../../../domain/errors.js';
import { requestedMonth } from '../../../domain/reports/period.js';
import { buildMonthlyReport } from '../../../domain/reports/report.js';
import { reportScopesOf } from '../../../domain/reports/scope.js';
import { renderAttachments } from '../../../reports/attachments.js';
import { scopeName, type LocaleT } from '../../../reports/labels.js';
import { renderSummary } from '../../../reports/summary.js';
import type { BotContext } from '../../context.js';

export const reportFeature = new Composer<BotContext>();

reportFeature.chatType('private').command('report', async (ctx) => {
  const scopes = reportScopesOf(ctx.person?.roles ?? []);
  if (scopes.length === 0) {
    await ctx.reply(ctx.t('report-refused'));
    return;
  }
  const { deps } = ctx;
  let month: string;
  try {
    month = requestedMonth(ctx.match, deps.clock.now(), deps.config.TIME_ZONE);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await ctx.reply(ctx.t(error.key, error.vars));
    return;
  }
  await ctx.reply(ctx.t('report-preparing', { month }));
  await ctx.replyWithChatAction('upload_document');
  const locale = await ctx.i18n.getLocale();
  const t: LocaleT = (key, vars) => ctx.t(key, vars);
  for (const streetId of scopes) {
    const report = await buildMonthlyReport(deps, { month, streetId });
    const { xlsx, chart } = await renderAttachments(report, t, locale);
    const vars = { scope: scopeName(report, t, locale), month };
    await ctx.reply(renderSummary(report, t, locale));
    await ctx.replyWithDocument(new InputFile(xlsx.data, xlsx.filename), { caption: ctx.t('report-xlsx-caption', vars) });
    await ctx.replyWithPhoto(new InputFile(chart.data, chart.filename), { caption: ctx.t('report-chart-caption', vars) });
  }
});
