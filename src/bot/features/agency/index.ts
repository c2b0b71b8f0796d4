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
import { caseListCommand } from '../inbox/case-list.js';

export const agencyFeature = new Composer<BotContext>();
const privateChats = agencyFeature.chatType('private');

agencyFeature.use(
  caseListCommand({
    list: 'cases',
    role: 'AGENCY_HANDLER',
    notHolder: 'agency-not-handler',
    header: 'agency-cases-header',
    empty: 'agency-cases-empty',
    load: (ctx, personId) => listAgencyCases(ctx.deps, { personId }),
  }),
);

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
