// Text dialogues of the case card: the bot asks for a text (an answer, a reason, a note,
// a tracking number), /cancel leaves, and any other command or button leaves the dialogue
// and is handled as usual. Invalid input is asked for again. What reaches the resident
// (an answer, a decline) and what cannot be undone (a merge) is previewed first; a
// referral asks for an optional note to the agency. The prompt (or the preview) turns
// into the confirmation, and the card above is edited in place.
import { createConversation, type Conversation } from '@grammyjs/conversations';
import { InlineKeyboard } from 'grammy';
import { parseActionInput } from '../../../domain/opinions/action-input.js';
import { isDomainError } from '../../../domain/errors.js';
import { findMergeTarget, getOpinionView, similarOpenCases, type MergeTarget } from '../../../domain/opinions/opinion-views.js';
import type { OpinionAction } from '../../../domain/opinions/lifecycle.js';
import { excerpt } from '../../../domain/opinions/submit-opinion.js';
import type { AppContext, BotContext } from '../../context.js';
import { clip, TELEGRAM_LIMITS } from '../../limits.js';
import { mergeSuggestion, previewChoice, type PREVIEW_CHOICES } from './callback-data.js';
import { formatTime, kebab } from './case-view.js';
import { performAction, type ActionOutcome } from './perform.js';
import { nameIn } from './respond.js';

const TEXT_ACTIONS = ['answer', 'decline', 'merge', 'refer', 'handBack', 'progress', 'progressForResident', 'requestClarification', 'clarify', 'submitFinal', 'submitForReview'] as const;
export type TextAction = (typeof TEXT_ACTIONS)[number];
/** What the resident will read: shown to the officer before it is sent. */
const PREVIEWED: readonly TextAction[] = ['answer', 'decline'];

export interface CaseTextArgs {
  opinionId: number;
  version: number;
  action: TextAction;
  /** A text chosen already (a saved reply template): straight to the preview. */
  text?: string;
  /** A referral: the agency and deadline chosen on the card. */
  referral?: { agencyId: number; dueAt?: string };
}

export type StaffConversation = Conversation<BotContext, AppContext>;
type PreviewChoice = (typeof PREVIEW_CHOICES)[number];

/** A dialogue left unanswered this long lets go: the next message is handled as usual. */
export const DIALOGUE_TIMEOUT_MS = 2 * 60 * 60 * 1000;

/** What the person did next: typed a text, pressed one of the dialogue's buttons, or /cancel (undefined). */
type Input = { text: string } | { data: string } | undefined;

/**
 * The next text or press of one of `buttons`; undefined after /cancel. Another command
 * or button ends the dialogue and lets the rest of the bot handle that update.
 */
async function waitForInput(conversation: StaffConversation, ctx: AppContext, buttons: RegExp[], acceptsText = true): Promise<Input> {
  for (;;) {
    const next = await conversation.wait();
    const text = next.message?.text;
    const data = next.callbackQuery?.data;
    if (text?.trim() === '/cancel') {
      await next.reply(ctx.t('case-dialogue-cancelled'));
      return undefined;
    }
    if (data !== undefined && buttons.some((filter) => filter.test(data))) {
      await next.answerCallbackQuery();
      return { data };
    }
    if (acceptsText && text !== undefined && !text.startsWith('/')) return { text };
    if (text?.startsWith('/') || data !== undefined) return conversation.halt({ next: true });
    await next.reply(ctx.t(acceptsText ? 'case-dialogue-text-expected' : 'case-dialogue-choose'));
  }
}

/** The next text message; undefined after /cancel (shared with the evaluation comment). */
export async function waitForText(conversation: StaffConversation, ctx: AppContext): Promise<string | undefined> {
  const input = await waitForInput(conversation, ctx, []);
  return input && 'text' in input ? input.text : undefined;
}

async function choose(conversation: StaffConversation, ctx: AppContext): Promise<PreviewChoice> {
  const input = await waitForInput(conversation, ctx, [previewChoice.filter], false);
  return input && 'data' in input ? previewChoice.unpack(input.data).op : 'cancel';
}

function previewKeyboard(ctx: AppContext, send: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t(send), previewChoice.pack({ op: 'send' }))
    .text(ctx.t('case-preview-edit'), previewChoice.pack({ op: 'edit' }))
    .row()
    .text(ctx.t('case-preview-cancel'), previewChoice.pack({ op: 'cancel' }));
}

const CASE_TEXT = 'case-text';

async function caseTextDialogue(conversation: StaffConversation, ctx: AppContext, args: CaseTextArgs): Promise<void> {
  if (args.action === 'merge') return mergeDialogue(conversation, ctx, args);
  if (args.action === 'refer') return referDialogue(conversation, ctx, args);
  let text = args.text;
  let prompt: number | undefined;
  for (;;) {
    if (text === undefined) {
      prompt ??= (await ctx.reply(ctx.t(`case-prompt-${kebab(args.action)}`))).message_id;
      text = await waitForText(conversation, ctx);
      if (text === undefined) return;
    }
    const action = textAction(args.action, text);
    if (!PREVIEWED.includes(args.action)) {
      const outcome = await conversation.external((outer) => performAction(outer, args.opinionId, args.version, action));
      if (outcome.outcome === 'invalid-input') {
        text = undefined;
        continue;
      }
      if (outcome.outcome === 'done' && prompt) await ctx.api.editMessageText(ctx.chatId!, prompt, outcome.message);
      return;
    }
    const preview = await conversation.external((outer) => residentPreview(outer, args, action));
    if (preview === undefined) {
      text = undefined;
      continue;
    }
    const shown = await ctx.reply(preview, { reply_markup: previewKeyboard(ctx, `case-preview-send-${kebab(args.action)}`) });
    const choice = await choose(conversation, ctx);
    const outcome = choice === 'send' ? await conversation.external((outer) => performAction(outer, args.opinionId, args.version, action)) : undefined;
    await ctx.api.editMessageText(ctx.chatId!, shown.message_id, closingLine(ctx, choice, outcome, preview));
    if (choice === 'edit' || outcome?.outcome === 'invalid-input') {
      text = undefined;
      prompt = undefined;
      continue;
    }
    return;
  }
}

/** What a preview turns into once answered: the confirmation, "cancelled", or the preview itself (kept, without buttons). */
function closingLine(ctx: AppContext, choice: PreviewChoice, outcome: ActionOutcome | undefined, preview: string): string {
  if (outcome?.outcome === 'done') return outcome.message;
  if (choice === 'cancel') return ctx.t('case-dialogue-cancelled');
  return preview;
}

function textAction(kind: Exclude<TextAction, 'merge' | 'refer'>, text: string): OpinionAction {
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
  }
}

/**
 * The message the resident will receive, in their language; undefined (after saying
 * why) when the text would be refused.
 */
async function residentPreview(ctx: AppContext, args: CaseTextArgs, action: OpinionAction): Promise<string | undefined> {
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const actor = { kind: 'person' as const, personId: ctx.person.id };
  try {
    parseActionInput({ opinionId: args.opinionId, actor, action });
    const view = await getOpinionView(ctx.deps, { opinionId: args.opinionId, actor });
    const message =
      action.type === 'answer'
        ? ctx.deps.translate(view.residentLocale, 'notify-resident-answered', { trackingNo: view.trackingNo, text: action.text })
        : ctx.deps.translate(view.residentLocale, 'notify-resident-declined', { trackingNo: view.trackingNo, reason: action.type === 'decline' ? action.reason : '' });
    return clip(ctx.t('case-preview', { message }), TELEGRAM_LIMITS.text);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await ctx.reply(ctx.t(error.key, error.vars));
    return undefined;
  }
}

/** Merge: suggestions of similar open cases at the station, or a typed tracking number; then the target's preview and a confirmation. */
async function mergeDialogue(conversation: StaffConversation, ctx: AppContext, args: CaseTextArgs): Promise<void> {
  const ask = await conversation.external((outer) => mergePrompt(outer, args.opinionId));
  await ctx.reply(ask.text, { reply_markup: ask.keyboard });
  for (;;) {
    const input = await waitForInput(conversation, ctx, [mergeSuggestion.filter]);
    if (input === undefined) return;
    const preview = await conversation.external((outer) => mergePreview(outer, args.opinionId, input));
    if (!preview) continue;
    const shown = await ctx.reply(preview.text, { reply_markup: previewKeyboard(ctx, 'case-preview-send-merge') });
    const choice = await choose(conversation, ctx);
    const outcome = choice === 'send' ? await conversation.external((outer) => performAction(outer, args.opinionId, args.version, { type: 'merge', intoOpinionId: preview.targetId })) : undefined;
    await ctx.api.editMessageText(ctx.chatId!, shown.message_id, closingLine(ctx, choice, outcome, preview.text));
    if (choice === 'edit' || outcome?.outcome === 'invalid-input') {
      await ctx.reply(ask.text, { reply_markup: ask.keyboard });
      continue;
    }
    return;
  }
}

async function mergePrompt(ctx: AppContext, opinionId: number): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const similar = await similarOpenCases(ctx.deps, { opinionId });
  const keyboard = new InlineKeyboard();
  const lines = [ctx.t('case-prompt-merge')];
  if (similar.length > 0) lines.push('', ctx.t('case-merge-similar'));
  for (const candidate of similar) {
    lines.push(ctx.t('case-merge-candidate', { trackingNo: candidate.trackingNo, excerpt: excerpt(candidate.text, 40), category: await nameIn(ctx, candidate.category) }));
    keyboard.text(candidate.trackingNo, mergeSuggestion.pack({ id: candidate.id })).row();
  }
  return { text: lines.join('\n'), keyboard };
}

/** The target's preview, or undefined after saying the tracking number names nothing. */
async function mergePreview(ctx: AppContext, opinionId: number, input: NonNullable<Input>): Promise<{ text: string; targetId: number } | undefined> {
  const target = 'data' in input ? await findMergeTarget(ctx.deps, { opinionId: mergeSuggestion.unpack(input.data).id }) : await findMergeTarget(ctx.deps, { trackingNo: input.text });
  if (!target || target.id === opinionId) {
    await ctx.reply(ctx.t('triage-merge-unknown', { trackingNo: 'text' in input ? clip(input.text.trim(), 40) : '—' }));
    return undefined;
  }
  return { text: clip(await describeTarget(ctx, target), TELEGRAM_LIMITS.text), targetId: target.id };
}

async function describeTarget(ctx: AppContext, target: MergeTarget): Promise<string> {
  return ctx.t('case-merge-preview', {
    trackingNo: target.trackingNo,
    stage: ctx.t(`case-stage-${kebab(target.stage)}`),
    station: await nameIn(ctx, target.station),
    category: await nameIn(ctx, target.category),
    createdAt: formatTime(ctx, target.createdAt),
    text: excerpt(target.text, 300),
  });
}

/** Referral: an optional note for the agency, then the referral itself. */
async function referDialogue(conversation: StaffConversation, ctx: AppContext, args: CaseTextArgs): Promise<void> {
  const skip = new InlineKeyboard().text(ctx.t('case-refer-no-note'), previewChoice.pack({ op: 'skip' }));
  const prompt = await ctx.reply(ctx.t('case-prompt-refer'), { reply_markup: skip });
  for (;;) {
    const input = await waitForInput(conversation, ctx, [previewChoice.filter]);
    if (input === undefined) return;
    const note = 'text' in input ? input.text : undefined;
    const { agencyId, dueAt } = args.referral!;
    const action: OpinionAction = { type: 'refer', agencyId, ...(note ? { note } : {}), ...(dueAt ? { dueAt: new Date(dueAt) } : {}) };
    const outcome = await conversation.external((outer) => performAction(outer, args.opinionId, args.version, action));
    if (outcome.outcome === 'invalid-input') continue;
    await ctx.api.editMessageText(ctx.chatId!, prompt.message_id, outcome.outcome === 'done' ? outcome.message : ctx.t('case-dialogue-cancelled'));
    return;
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
