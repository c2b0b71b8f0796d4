// The proposal view: what getProposalView lets this person see, with the buttons of
// the actions they may take now, and the list behind /proposals. Texts page at
// Telegram's limit whatever the representative wrote.
import { InlineKeyboard } from 'grammy';
import { applyProposalAction } from '../../../domain/proposals/apply-action.js';
import type { ProposalAction } from '../../../domain/proposals/lifecycle.js';
import { getProposalView, listProposalsFor, PROPOSAL_LIST_SIZE, type ProposalView } from '../../../domain/proposals/queries.js';
import type { AppContext } from '../../context.js';
import { clip } from '../../limits.js';
import { kebab, formatTime } from '../triage/case-view.js';
import { performAs, type WorkflowOutcome } from '../triage/perform.js';
import { attempt, nameIn } from '../triage/respond.js';
import { newProposal, openProposal, PROPOSAL_BUTTONS, proposalButton, proposalPage } from './callback-data.js';

/** Telegram's limit, less room for the header lines. */
const TEXT_SHOWN = 3000;
const HISTORY_SHOWN = 6;

export const stageName = (ctx: AppContext, stage: string) => ctx.t(`proposals-stage-${kebab(stage)}`);

export async function proposalText(ctx: AppContext, view: ProposalView): Promise<string> {
  const agencies = await Promise.all(view.agencies.map(async (agency) => `${await nameIn(ctx, agency)}${agency.role === 'CO' ? ctx.t('proposals-co-suffix') : ''}`));
  const lines = [
    ctx.t('proposals-header', { number: view.number, title: view.title }),
    ctx.t('proposals-stage', { stage: stageName(ctx, view.stage), round: view.round }),
    ctx.t('proposals-representative', { name: view.representativeName ?? '—' }),
    ...(view.isKey ? [ctx.t('proposals-key', { name: view.supervisorName ?? '—' })] : []),
    ...(agencies.length ? [ctx.t('proposals-agencies', { agencies: agencies.join('、') })] : []),
    ...(view.answerDueAt ? [ctx.t('proposals-due', { dueAt: formatTime(ctx, view.answerDueAt) })] : []),
    ...(view.opinions.length ? [ctx.t('proposals-opinions', { numbers: view.opinions.join(' ') })] : []),
    '',
    clip(view.text, TEXT_SHOWN - (view.answerText?.length ? 800 : 0)),
    ...(view.answerClass ? ['', ctx.t('proposals-answer', { answerClass: view.answerClass, text: clip(view.answerText ?? '', 700) })] : []),
    ...(view.implementedAt ? [ctx.t('proposals-implemented-at', { at: formatTime(ctx, view.implementedAt) })] : []),
    ...view.evaluations.map((evaluation) => ctx.t('proposals-evaluation', { kind: evaluation.kind, round: evaluation.round, rating: ctx.t(`proposals-rating-${kebab(evaluation.rating)}`) })),
    '',
    ...view.events.slice(-HISTORY_SHOWN).map((event) => `• ${formatTime(ctx, event.at)} ${ctx.t(`proposals-event-${kebab(event.type)}`)}`),
  ];
  return lines.join('\n');
}

export function proposalKeyboard(ctx: AppContext, view: ProposalView): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const act of PROPOSAL_BUTTONS) {
    if (view.actions.includes(act)) keyboard.text(ctx.t(`proposals-button-${kebab(act)}`), proposalButton.pack({ act, id: view.id, v: view.version })).row();
  }
  return keyboard;
}

export async function showProposal(ctx: AppContext, proposalId: number): Promise<void> {
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const view = await attempt(ctx, () => getProposalView(ctx.deps, { proposalId, actor: { kind: 'person', personId: ctx.person!.id } }));
  if (view.ok) await ctx.reply(await proposalText(ctx, view.value), { reply_markup: proposalKeyboard(ctx, view.value) });
}

/** Applies the action for this person; shows the fresh view, or the refusal in their language. */
export async function performProposalAction(ctx: AppContext, proposalId: number, expectedVersion: number, action: ProposalAction): Promise<WorkflowOutcome> {
  return performAs(ctx, {
    run: (personId) => applyProposalAction(ctx.deps, { proposalId, actor: { kind: 'person', personId }, action, expectedVersion }),
    confirm: (result) => ctx.t(`proposals-done-${kebab(action.type)}`, { number: result.proposal.number }),
    show: () => showProposal(ctx, proposalId),
  });
}

/** /proposals: the person's list, newest activity first, and "new proposal" for representatives. */
export async function proposalList(ctx: AppContext, skip: number): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const personId = ctx.person!.id;
  const { items, total } = await listProposalsFor(ctx.deps, { personId, skip });
  const keyboard = new InlineKeyboard();
  for (const item of items) {
    keyboard.text(`${item.isKey ? '⭐ ' : ''}${item.number} · ${stageName(ctx, item.stage)}`, openProposal.pack({ id: item.id })).row();
  }
  if (skip > 0) keyboard.text(ctx.t('my-opinions-newer'), proposalPage.pack({ skip: Math.max(0, skip - PROPOSAL_LIST_SIZE) }));
  if (skip + items.length < total) keyboard.text(ctx.t('my-opinions-older'), proposalPage.pack({ skip: skip + PROPOSAL_LIST_SIZE }));
  keyboard.row();
  if (ctx.person!.roles.some((role) => role.kind === 'REPRESENTATIVE')) keyboard.text(ctx.t('proposals-button-new'), newProposal.pack({}));
  const lines = items.map((item) => ctx.t('proposals-list-item', { number: item.number, title: clip(item.title, 60), stage: stageName(ctx, item.stage) }));
  return { text: [ctx.t(total ? 'proposals-list-title' : 'proposals-list-empty', { total }), ...lines].join('\n'), keyboard };
}
