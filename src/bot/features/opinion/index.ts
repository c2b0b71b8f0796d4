// The opinion dialogue (/new, the station card's "向此站点提意见", text typed outside any
// dialogue): a durable draft row per resident, advanced by each update on its own.
// An update reads the draft (with the person, in one statement), decides, saves with a
// version check, and only then talks to Telegram. A failure before the save changes
// nothing; a failure after it loses nothing; either way the resident is told which, and
// asked the current question again. A restart or another instance simply reads the row.
// Registered before the other resident features: while a draft is open it sees every
// update first and passes commands and other features' buttons on.
import { Composer } from 'grammy';
import { isDomainError } from '../../../domain/errors.js';
import { discardDraft, draftSubmissionKey, findDraft, saveDraft, startDraft } from '../../../domain/opinions/drafts.js';
import { checkOpinionRateLimit, findSubmission } from '../../../domain/opinions/submit-opinion.js';
import { hasConsented } from '../../../domain/residents/consent.js';
import type { OpinionDraft } from '../../../generated/prisma/client.js';
import type { AppContext, BotContext } from '../../context.js';
import { opinionForStation } from '../stations/views.js';
import { activeStationOrNull, answerButton, ask, choiceOf, decide, dialogueChoice, emptyDraft, explain, firstStep, offerText, sendReceipt, type Decision, type DraftData, type DraftState, type Step } from './steps.js';

export { dialogueChoice };

const asState = (row: OpinionDraft): DraftState => ({ id: row.id, version: row.version, step: row.step as Step, data: row.data as unknown as DraftData });
const json = (data: DraftData) => data as never;

/** Another instance (or a redelivery) saved the draft meanwhile: decide again on what it saved, a few times. */
const SAVE_ATTEMPTS = 3;

/**
 * One update of the dialogue. `decision` is asked again on the freshly read draft when a
 * save loses a race. Returns false when the update was not an answer to the current step.
 */
async function advanceDraft(ctx: AppContext, current: DraftState | null, decision: (draft: DraftState | null) => Promise<Decision | undefined>): Promise<boolean> {
  const residentId = ctx.person!.id;
  let draft = current;
  let decided: Decision | undefined;
  let saved: DraftState | null = draft;
  try {
    for (let attempt = 1; ; attempt++) {
      decided = await decision(draft);
      if (!decided) return false;
      if (decided.close) {
        if (decided.close === 'abandoned') await discardDraft(ctx.deps, residentId, draft?.id);
        break;
      }
      if (!decided.save) break;
      const { step, data } = decided.save;
      if (!draft) {
        saved = asState(await startDraft(ctx.deps, residentId, step, json(data)));
        break;
      }
      if (await saveDraft(ctx.deps, draft, step, json(data))) {
        saved = { id: draft.id, version: draft.version + 1, step, data };
        break;
      }
      const fresh = await findDraft(ctx.deps, residentId);
      draft = fresh && asState(fresh);
      if (attempt >= SAVE_ATTEMPTS || !draft) throw new Error('the draft kept changing under this update');
    }
  } catch (error) {
    ctx.deps.logger.error('opinion dialogue: nothing saved', { updateId: ctx.update.update_id, error });
    await tell(ctx, current ? 'opinion-not-saved' : 'opinion-not-started', current);
    return true;
  }
  try {
    await decided.send(saved ?? draft!);
  } catch (error) {
    ctx.deps.logger.error('opinion dialogue: saved, but a message failed', { updateId: ctx.update.update_id, error });
    if (decided.close === 'submitted') await tell(ctx, 'opinion-submitted-not-shown', null);
    else await tell(ctx, 'opinion-saved-not-shown', decided.close ? null : saved);
  }
  return true;
}

/** Says honestly what happened, and asks the current question again. */
async function tell(ctx: AppContext, key: string, draft: DraftState | null): Promise<void> {
  try {
    await answerButton(ctx);
    await ctx.reply(ctx.t(key));
    if (draft) await ask(ctx, draft);
  } catch (error) {
    // Telegram refuses even this (a long 429): the draft is safe, and the next message gets the question.
    ctx.deps.logger.error('opinion dialogue: could not tell the resident', { error });
  }
}

const isCommand = (ctx: AppContext) => ctx.message?.entities?.some((entity) => entity.type === 'bot_command' && entity.offset === 0) ?? false;

export const opinionFeature = new Composer<BotContext>();
const privateChats = opinionFeature.chatType('private');

privateChats.use(async (ctx, next) => {
  const row = ctx.person?.opinionDraft;
  if (!row || isCommand(ctx) || !(ctx.message || ctx.callbackQuery)) return next();
  const draft = asState(row);
  const choice = choiceOf(ctx);
  if (choice?.action === 'resume') {
    await answerButton(ctx);
    await advanceDraft(ctx, draft, async () => ({ send: () => ask(ctx, draft) }));
    return;
  }
  if (choice?.action === 'restart') return startOpinionDialogue(ctx, Number(choice.value) || undefined, { restart: true });
  const handled = await advanceDraft(ctx, draft, (current) => decide(ctx, current!));
  if (handled) return;
  // Other features' buttons (the station finder, the language) work during the dialogue,
  // and an unanswered offer of typed text holds nothing up.
  if ((ctx.callbackQuery && !choice) || draft.step === 'offer') return next();
  try {
    await explain(ctx, draft.step);
  } catch (error) {
    ctx.deps.logger.warn('opinion dialogue: could not explain the step', { error });
  }
});

/** Consent and the hourly limit are checked before a draft opens (and again on submission). */
async function startOpinionDialogue(ctx: BotContext, stationId?: number, { restart = false } = {}): Promise<void> {
  const person = ctx.person;
  if (!person || !hasConsented(person)) {
    await ctx.reply(ctx.t('opinion-consent-first'));
    return;
  }
  try {
    await checkOpinionRateLimit(ctx.deps, person.id);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await ctx.reply(ctx.t(error.key, error.vars));
    return;
  }
  // One dialogue at a time: a half-finished comment or case dialogue ends here.
  await ctx.conversation.exitAll();
  const open = person.opinionDraft;
  if (open && open.step !== 'offer' && !restart) {
    await ctx.reply(ctx.t('opinion-draft-exists'), {
      reply_markup: {
        inline_keyboard: [
          [{ text: ctx.t('opinion-draft-continue'), callback_data: dialogueChoice.pack({ action: 'resume', value: '' }) }],
          [{ text: ctx.t('opinion-draft-restart'), callback_data: dialogueChoice.pack({ action: 'restart', value: String(stationId ?? '') }) }],
        ],
      },
    });
    return;
  }
  await answerButton(ctx);
  await advanceDraft(ctx, null, async () => {
    const candidate = await activeStationOrNull(ctx, stationId ?? person.lastStationId);
    const data = emptyDraft(candidate && { id: candidate.id, nameZh: candidate.nameZh, nameEn: candidate.nameEn });
    return { save: { step: firstStep(data), data }, send: (draft) => ask(ctx, draft) };
  });
}

privateChats.command('new', (ctx) => startOpinionDialogue(ctx));

privateChats.callbackQuery(opinionForStation.filter, (ctx) => startOpinionDialogue(ctx, opinionForStation.unpack(ctx.callbackQuery.data).stationId));

privateChats.command('cancel', async (ctx) => {
  const active = Object.keys(ctx.conversation.active()).length > 0;
  await ctx.conversation.exitAll();
  const discarded = ctx.person ? await discardDraft(ctx.deps, ctx.person.id) : false;
  await ctx.reply(ctx.t(active || discarded ? 'opinion-cancelled' : 'opinion-nothing-to-cancel'), { reply_markup: { remove_keyboard: true } });
});

// A second press of "确认提交" after the draft was filed (a double tap, a redelivery): the same receipt.
privateChats.callbackQuery(dialogueChoice.filter, async (ctx, next) => {
  const { action, value } = dialogueChoice.unpack(ctx.callbackQuery.data);
  const filed = action === 'confirm' && ctx.person && Number(value) > 0 ? await findSubmission(ctx.deps, { residentId: ctx.person.id }, draftSubmissionKey(Number(value))) : null;
  if (!filed) return next();
  await answerButton(ctx);
  await sendReceipt(ctx, filed);
});

/**
 * Last before `unhandled`: text typed outside any dialogue is offered as a new opinion
 * ("把这段话作为新意见提交？"), kept in a draft until the resident answers.
 */
export const opinionOfferFeature = new Composer<BotContext>();
opinionOfferFeature.chatType('private').on('message:text', async (ctx, next) => {
  if (isCommand(ctx) || !hasConsented(ctx.person)) return next();
  const handled = await advanceDraft(ctx, null, async () => offerText(ctx, ctx.message.text));
  if (!handled) await next();
});
