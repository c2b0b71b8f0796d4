// Small text dialogues of the case view: the bot asks for a text (an answer, a reason,
// a note, a tracking number), /cancel leaves, and any other command or button leaves
// the dialogue and is handled as usual. Invalid input is asked for again.
import { createConversation, type Conversation } from '@grammyjs/conversations';
import { findOpinionByTrackingNo } from '../../../domain/opinions/opinion-views.js';
import type { OpinionAction } from '../../../domain/opinions/lifecycle.js';
import type { AppContext, BotContext } from '../../context.js';
import { kebab } from './case-view.js';
import { performAction } from './perform.js';

const TEXT_ACTIONS = ['answer', 'decline', 'merge', 'handBack', 'progress', 'progressForResident', 'requestClarification', 'clarify', 'submitFinal', 'submitForReview'] as const;
export type TextAction = (typeof TEXT_ACTIONS)[number];

export interface CaseTextArgs {
  opinionId: number;
  version: number;
  action: TextAction;
}

export type StaffConversation = Conversation<BotContext, AppContext>;

/** A dialogue left unanswered this long lets go: the next message is handled as usual. */
export const DIALOGUE_TIMEOUT_MS = 2 * 60 * 60 * 1000;

/**
 * The next text message; undefined after /cancel. Another command or a button ends
 * the dialogue and lets the rest of the bot handle that update.
 */
export async function waitForText(conversation: StaffConversation, ctx: AppContext): Promise<string | undefined> {
  for (;;) {
    const next = await conversation.wait();
    const text = next.message?.text;
    if (text?.trim() === '/cancel') {
      await next.reply(ctx.t('case-dialogue-cancelled'));
      return undefined;
    }
    if (text !== undefined && !text.startsWith('/')) return text;
    if (text !== undefined || next.callbackQuery) return conversation.halt({ next: true });
    await next.reply(ctx.t('case-dialogue-text-expected'));
  }
}

const CASE_TEXT = 'case-text';

async function caseTextDialogue(conversation: StaffConversation, ctx: AppContext, args: CaseTextArgs): Promise<void> {
  await ctx.reply(ctx.t(`case-prompt-${kebab(args.action)}`));
  for (;;) {
    const text = await waitForText(conversation, ctx);
    if (text === undefined) return;
    const outcome = await conversation.external((outer) => applyTextAction(outer, args, text));
    if (outcome !== 'invalid-input') return;
  }
}

async function applyTextAction(ctx: AppContext, args: CaseTextArgs, text: string) {
  const action = await textAction(ctx, args.action, text);
  if (!action) return 'invalid-input' as const;
  return performAction(ctx, args.opinionId, args.version, action);
}

/** The action a typed text stands for; undefined (after saying why) when it names nothing. */
async function textAction(ctx: AppContext, kind: TextAction, text: string): Promise<OpinionAction | undefined> {
  switch (kind) {
    case 'answer':
      return { type: 'answer', text };
    case 'decline':
      return { type: 'decline', reason: text };
    case 'handBack':
      return { type: 'handBack', reason: text };
    case 'progress':
      return { type: 'progress', note: text };
    case 'progressForResident':
      return { type: 'progress', note: text, forResident: true };
    case 'requestClarification':
      return { type: 'requestClarification', question: text };
    case 'clarify':
      return { type: 'clarify', answer: text };
    case 'submitFinal':
      return { type: 'submitResult', text, final: true };
    case 'submitForReview':
      return { type: 'submitResult', text, final: false };
    case 'merge': {
      const main = await findOpinionByTrackingNo(ctx.deps, text);
      if (main) return { type: 'merge', intoOpinionId: main.id };
      await ctx.reply(ctx.t('triage-merge-unknown', { trackingNo: text.trim() }));
      return undefined;
    }
  }
}

export const caseTextConversation = createConversation(caseTextDialogue, { id: CASE_TEXT, maxMillisecondsToWait: DIALOGUE_TIMEOUT_MS });

export async function askCaseText(ctx: BotContext, args: CaseTextArgs): Promise<void> {
  await ctx.conversation.enter(CASE_TEXT, args);
}

/** A case button that asks for the text of this action. */
export function askFor(action: TextAction) {
  return (ctx: BotContext, opinionId: number, version: number) => askCaseText(ctx, { opinionId, version, action });
}
