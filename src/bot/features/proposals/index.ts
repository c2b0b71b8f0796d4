// Representatives' proposals in chat (提办督评): /proposals lists what a person works
// on; representatives submit, confirm or decline escalations, withdraw and evaluate;
// the district admin assigns (交办) and marks key proposals (重点督办); agency handlers
// answer with a class and report implementation.
import { Composer, InlineKeyboard } from 'grammy';
import { agenciesForProposal, listSupervisors } from '../../../domain/proposals/queries.js';
import type { BotContext } from '../../context.js';
import { nameIn } from '../triage/respond.js';
import {
  answerClass,
  assignCoDone,
  assignCoToggle,
  assignLead,
  keySupervisor,
  MAX_CO_AGENCIES_IN_CHAT,
  newProposal,
  openProposal,
  packSelection,
  proposalButton,
  proposalPage,
  proposalRating,
  type PROPOSAL_BUTTONS,
} from './callback-data.js';
import { askProposalText, proposalTextConversation } from './dialogue.js';
import { performProposalAction, proposalList, showProposal } from './view.js';

export const proposalsFeature = new Composer<BotContext>();
proposalsFeature.use(proposalTextConversation);
const privateChats = proposalsFeature.chatType('private');

const canWorkOnProposals = (ctx: BotContext) => !!ctx.person?.roles.some((role) => ['REPRESENTATIVE', 'DISTRICT_ADMIN', 'AGENCY_HANDLER'].includes(role.kind));

privateChats.command('proposals', async (ctx) => {
  if (!canWorkOnProposals(ctx)) return void (await ctx.reply(ctx.t('proposals-not-staff')));
  const list = await proposalList(ctx, 0);
  await ctx.reply(list.text, { reply_markup: list.keyboard });
});

privateChats.callbackQuery(proposalPage.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!canWorkOnProposals(ctx)) return;
  const list = await proposalList(ctx, proposalPage.unpack(ctx.callbackQuery.data).skip);
  await ctx.editMessageText(list.text, { reply_markup: list.keyboard });
});

privateChats.callbackQuery(openProposal.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showProposal(ctx, openProposal.unpack(ctx.callbackQuery.data).id);
});

privateChats.callbackQuery(newProposal.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.person?.roles.some((role) => role.kind === 'REPRESENTATIVE')) return void (await ctx.reply(ctx.t('error-forbidden')));
  await askProposalText(ctx, { kind: 'submit' });
});

const rating = (ctx: BotContext, id: number, v: number, kind: 'F' | 'S') =>
  new InlineKeyboard()
    .text(ctx.t('proposals-rating-satisfied'), proposalRating.pack({ id, v, kind, r: 'SATISFIED' }))
    .text(ctx.t('proposals-rating-basically-satisfied'), proposalRating.pack({ id, v, kind, r: 'BASICALLY_SATISFIED' }))
    .text(ctx.t('proposals-rating-dissatisfied'), proposalRating.pack({ id, v, kind, r: 'DISSATISFIED' }));

const buttons: Record<(typeof PROPOSAL_BUTTONS)[number], (ctx: BotContext, id: number, v: number) => Promise<unknown>> = {
  confirm: (ctx, id, v) => performProposalAction(ctx, id, v, { type: 'confirm' }),
  decline: (ctx, id, v) => performProposalAction(ctx, id, v, { type: 'decline' }),
  withdraw: (ctx, id, v) => performProposalAction(ctx, id, v, { type: 'withdraw' }),
  markImplemented: (ctx, id, v) => performProposalAction(ctx, id, v, { type: 'markImplemented' }),
  progress: (ctx, id, v) => askProposalText(ctx, { kind: 'progress', proposalId: id, version: v }),
  assign: async (ctx, id, v) => {
    const keyboard = new InlineKeyboard();
    for (const agency of await agenciesForProposal(ctx.deps, { proposalId: id })) keyboard.text(await nameIn(ctx, agency), assignLead.pack({ id, v, lead: agency.id })).row();
    await ctx.reply(ctx.t('proposals-choose-lead'), { reply_markup: keyboard });
  },
  markKey: async (ctx, id, v) => {
    const keyboard = new InlineKeyboard();
    for (const leader of await listSupervisors(ctx.deps, { proposalId: id })) keyboard.text(leader.name, keySupervisor.pack({ id, v, sup: leader.id })).row();
    await ctx.reply(ctx.t('proposals-choose-supervisor'), { reply_markup: keyboard });
  },
  answer: async (ctx, id, v) => {
    const keyboard = new InlineKeyboard();
    for (const cls of ['A', 'B', 'C'] as const) keyboard.text(ctx.t(`proposals-class-${cls.toLowerCase()}`), answerClass.pack({ id, v, cls })).row();
    await ctx.reply(ctx.t('proposals-choose-class'), { reply_markup: keyboard });
  },
  evaluateFirst: (ctx, id, v) => ctx.reply(ctx.t('proposals-rate-first'), { reply_markup: rating(ctx, id, v, 'F') }),
  evaluateSecond: (ctx, id, v) => ctx.reply(ctx.t('proposals-rate-second'), { reply_markup: rating(ctx, id, v, 'S') }),
};

privateChats.callbackQuery(proposalButton.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { act, id, v } = proposalButton.unpack(ctx.callbackQuery.data);
  await buttons[act](ctx, id, v);
});

/** The co-handling choice: every other agency, ✅ on those chosen, each press toggles one; then done. */
async function showCoAgencyChoice(ctx: BotContext, id: number, v: number, lead: number, chosen: readonly number[]): Promise<void> {
  const keyboard = new InlineKeyboard();
  for (const agency of await agenciesForProposal(ctx.deps, { proposalId: id })) {
    if (agency.id === lead) continue;
    const name = await nameIn(ctx, agency);
    keyboard.text(chosen.includes(agency.id) ? `✅ ${name}` : name, assignCoToggle.pack({ id, v, lead, sel: packSelection(chosen), t: agency.id })).row();
  }
  const done = chosen.length === 0 ? ctx.t('proposals-no-co') : ctx.t('proposals-co-done', { count: chosen.length });
  keyboard.text(done, assignCoDone.pack({ id, v, lead, sel: packSelection(chosen) }));
  await ctx.editMessageText(ctx.t('proposals-choose-co', { max: MAX_CO_AGENCIES_IN_CHAT }), { reply_markup: keyboard });
}

privateChats.callbackQuery(assignLead.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, lead } = assignLead.unpack(ctx.callbackQuery.data);
  await showCoAgencyChoice(ctx, id, v, lead, []);
});

privateChats.callbackQuery(assignCoToggle.filter, async (ctx) => {
  const { id, v, lead, sel, t } = assignCoToggle.unpack(ctx.callbackQuery.data);
  const chosen = sel.includes(t) ? sel.filter((agencyId) => agencyId !== t) : [...sel, t];
  if (chosen.length > MAX_CO_AGENCIES_IN_CHAT) {
    await ctx.answerCallbackQuery({ text: ctx.t('proposals-co-max', { max: MAX_CO_AGENCIES_IN_CHAT }), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await showCoAgencyChoice(ctx, id, v, lead, chosen);
});

privateChats.callbackQuery(assignCoDone.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, lead, sel } = assignCoDone.unpack(ctx.callbackQuery.data);
  await performProposalAction(ctx, id, v, { type: 'assign', leadAgencyId: lead, coAgencyIds: sel });
});

privateChats.callbackQuery(keySupervisor.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, sup } = keySupervisor.unpack(ctx.callbackQuery.data);
  await performProposalAction(ctx, id, v, { type: 'markKey', supervisorId: sup });
});

privateChats.callbackQuery(answerClass.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, cls } = answerClass.unpack(ctx.callbackQuery.data);
  await askProposalText(ctx, { kind: 'answer', proposalId: id, version: v, answerClass: cls });
});

privateChats.callbackQuery(proposalRating.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, kind, r } = proposalRating.unpack(ctx.callbackQuery.data);
  await performProposalAction(ctx, id, v, { type: kind === 'F' ? 'evaluateFirst' : 'evaluateSecond', rating: r });
});
