// Agency handlers: /cases (their agency's open referred cases) and the agency's
// buttons on the case view: ask the officer for clarification, hand a case back as
// "not ours", submit a result (final, delivered at once, or for the officer's review).
// Progress notes are shared with officers (triage feature).
import { Composer, InlineKeyboard } from 'grammy';
import { listAgencyCases } from '../../../domain/staff/index.js';
import type { BotContext } from '../../context.js';
import { submitKind } from '../triage/callback-data.js';
import { askFor } from '../triage/dialogue.js';
import { refreshCard } from '../triage/live-card.js';
import { caseButtons, offer } from '../triage/index.js';
import { caseListPage, showCaseList } from '../inbox/case-list.js';

export const agencyFeature = new Composer<BotContext>();
const privateChats = agencyFeature.chatType('private');

async function showCases(ctx: BotContext, page: number): Promise<void> {
  if (!ctx.person?.roles.some((role) => role.kind === 'AGENCY_HANDLER')) return void (await ctx.reply(ctx.t('agency-not-handler')));
  const cases = await listAgencyCases(ctx.deps, { personId: ctx.person.id });
  await showCaseList(ctx, cases, { list: 'cases', header: 'agency-cases-header', empty: 'agency-cases-empty' }, page);
}

privateChats.command('cases', (ctx) => showCases(ctx, 0));

privateChats.callbackQuery(caseListPage.filter, async (ctx, next) => {
  const { list, page } = caseListPage.unpack(ctx.callbackQuery.data);
  if (list !== 'cases') return next();
  await ctx.answerCallbackQuery();
  await showCases(ctx, page);
});

privateChats.callbackQuery(submitKind.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, final } = submitKind.unpack(ctx.callbackQuery.data);
  await refreshCard(ctx, id);
  await askFor(final === '1' ? 'submitFinal' : 'submitForReview')(ctx, id, v);
});

agencyFeature.use(
  caseButtons({
    handBack: askFor('handBack'),
    requestClarification: askFor('requestClarification'),
    // Officers' submissions are the triage feature's; it passes an agency's on.
    submitResult: async (ctx, id, v) => {
      const keyboard = new InlineKeyboard()
        .text(ctx.t('agency-submit-final'), submitKind.pack({ id, v, final: '1' }))
        .row()
        .text(ctx.t('agency-submit-for-review'), submitKind.pack({ id, v, final: '0' }));
      await offer(ctx, id, ctx.t('agency-submit-how'), keyboard);
    },
  }),
);
