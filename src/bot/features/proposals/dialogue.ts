// The texts a proposal needs: a new proposal's title, text and the opinions it came
// from; an agency's answer; a progress note. /cancel leaves, another command or button
// ends the dialogue and is handled as usual; invalid input is asked for again.
import { createConversation } from '@grammyjs/conversations';
import { findOpinionByTrackingNo } from '../../../domain/opinions/opinion-views.js';
import { proposalTitle } from '../../../domain/proposals/action-input.js';
import type { ProposalAction } from '../../../domain/proposals/lifecycle.js';
import { submitProposal } from '../../../domain/proposals/submit-proposal.js';
import type { AppContext, BotContext } from '../../context.js';
import { DIALOGUE_TIMEOUT_MS, waitForText, type StaffConversation } from '../triage/dialogue.js';
import { attempt } from '../triage/respond.js';
import { performProposalAction, showProposal } from './view.js';

export type ProposalTextArgs =
  | { kind: 'submit' }
  | { kind: 'answer'; proposalId: number; version: number; answerClass: 'A' | 'B' | 'C' }
  | { kind: 'progress'; proposalId: number; version: number };

const PROPOSAL_TEXT = 'proposal-text';

async function proposalTextDialogue(conversation: StaffConversation, ctx: AppContext, args: ProposalTextArgs): Promise<void> {
  if (args.kind !== 'submit') {
    await ctx.reply(ctx.t(args.kind === 'answer' ? `proposals-prompt-answer-${args.answerClass.toLowerCase()}` : 'proposals-prompt-progress'));
    for (;;) {
      const text = await waitForText(conversation, ctx);
      if (text === undefined) return;
      const action: ProposalAction = args.kind === 'answer' ? { type: 'answer', answerClass: args.answerClass, text } : { type: 'progress', note: text };
      const outcome = await conversation.external((outer) => performProposalAction(outer, args.proposalId, args.version, action));
      if (outcome !== 'invalid-input') return;
    }
  }
  await ctx.reply(ctx.t('proposals-prompt-title'));
  let title: string | undefined;
  while (title === undefined) {
    const typed = await waitForText(conversation, ctx);
    if (typed === undefined) return;
    const checked = proposalTitle.safeParse(typed);
    if (checked.success) title = checked.data;
    else await ctx.reply(ctx.t(checked.error.issues[0]?.message ?? 'error-validation'));
  }
  await ctx.reply(ctx.t('proposals-prompt-text'));
  const text = await waitForText(conversation, ctx);
  if (text === undefined) return;
  await ctx.reply(ctx.t('proposals-prompt-opinions'));
  for (;;) {
    const numbers = await waitForText(conversation, ctx);
    if (numbers === undefined) return;
    const submitted = await conversation.external((outer) => submitFromChat(outer, { title, text, numbers }));
    if (submitted) return;
  }
}

/** True when done (submitted, or refused for a reason typing again cannot fix). */
async function submitFromChat(ctx: AppContext, input: { title: string; text: string; numbers: string }): Promise<boolean> {
  const opinionIds: number[] = [];
  for (const trackingNo of input.numbers.trim() === '-' ? [] : input.numbers.split(/[\s,，、]+/).filter(Boolean)) {
    const opinion = await findOpinionByTrackingNo(ctx.deps, trackingNo);
    if (!opinion) {
      await ctx.reply(ctx.t('triage-merge-unknown', { trackingNo }));
      return false;
    }
    opinionIds.push(opinion.id);
  }
  const result = await attempt(ctx, () => submitProposal(ctx.deps, { representativeId: ctx.person!.id, title: input.title, text: input.text, opinionIds }));
  if (!result.ok) return result.code !== 'validation';
  await ctx.reply(ctx.t('proposals-submitted', { number: result.value.number }));
  await showProposal(ctx, result.value.id);
  return true;
}

export const proposalTextConversation = createConversation(proposalTextDialogue, { id: PROPOSAL_TEXT, maxMillisecondsToWait: DIALOGUE_TIMEOUT_MS });

export async function askProposalText(ctx: BotContext, args: ProposalTextArgs): Promise<void> {
  await ctx.conversation.enter(PROPOSAL_TEXT, args);
}
