// Triage and decisions of liaison officers (and admins in scope) on the case card:
// acknowledge, classify, answer (own text or a saved template), refer, escalate,
// decline, merge, clarify, progress, submit and deliver results. Choices (a category,
// an agency, a deadline) are made on the card itself; the card is edited in place.
import { Composer, InlineKeyboard } from 'grammy';
import { activeCategories, agenciesServing, listReplyTemplates, templateAnswerFor } from '../../../domain/staff/index.js';
import type { BotContext } from '../../context.js';
import {
  answerTemplate,
  answerWrite,
  caseAction,
  caseFullText,
  classifyCategory,
  classifyPriority,
  escalateTo,
  mergeSuggestion,
  openCase,
  previewChoice,
  PRIORITY_CODES,
  progressKind,
  referAgency,
  referDeadline,
  refreshCase,
  type CaseButtonAction,
} from './callback-data.js';
import { kebab, loadCaseView } from './case-view.js';
import { askCaseText, askFor, caseTextConversation } from './dialogue.js';
import { sendFullText } from './full-text.js';
import { NO_BUTTONS, openCard, refreshCard, refreshIfStale } from './live-card.js';
import { performAction } from './perform.js';
import { attempt, nameIn } from './respond.js';

/** Referral deadlines offered besides the policy's default (0), in working days. */
const REFERRAL_DAYS = [0, 5, 10, 20] as const;

export const triageFeature = new Composer<BotContext>();
triageFeature.use(caseTextConversation);
const privateChats = triageFeature.chatType('private');

privateChats.callbackQuery(openCase.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await openCard(ctx, openCase.unpack(ctx.callbackQuery.data).id);
});

privateChats.callbackQuery(refreshCase.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await refreshCard(ctx, refreshCase.unpack(ctx.callbackQuery.data).id);
});

privateChats.callbackQuery(caseFullText.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendFullText(ctx, caseFullText.unpack(ctx.callbackQuery.data));
});

// The buttons of a preview or a suggestion whose dialogue is over (finished, timed out).
privateChats.callbackQuery([previewChoice.filter, mergeSuggestion.filter], async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t('case-dialogue-expired') });
  await ctx.editMessageReplyMarkup({ reply_markup: NO_BUTTONS });
});

/** A button's handler; it returns PASS to leave the button to a later feature. */
type ButtonHandler = (ctx: BotContext, id: number, v: number) => Promise<unknown>;
const PASS = Symbol('pass');

/** Shows a choice on the card: a prompt on top, the choice's buttons (and « back) below. */
export async function offer(ctx: BotContext, id: number, prompt: string, choices: InlineKeyboard): Promise<void> {
  await refreshCard(ctx, id, { banner: prompt, choices });
}

/** The officer's buttons; the agency feature handles its own. */
const officerButtons: Partial<Record<CaseButtonAction, ButtonHandler>> = {
  acknowledge: (ctx, id, v) => performAction(ctx, id, v, { type: 'acknowledge' }),
  deliverResult: (ctx, id, v) => performAction(ctx, id, v, { type: 'deliverResult' }),
  classify: async (ctx, id, v) => {
    const categories = await activeCategories(ctx.deps);
    const keyboard = new InlineKeyboard();
    for (const [index, category] of categories.entries()) {
      keyboard.text(await nameIn(ctx, category), classifyCategory.pack({ id, v, cat: category.id }));
      if (index % 2 === 1) keyboard.row();
    }
    await offer(ctx, id, ctx.t('triage-choose-category'), keyboard);
  },
  answer: async (ctx, id, v) => {
    const view = await loadCaseView(ctx, id);
    if (!view) return;
    const templates = await listReplyTemplates(ctx.deps, { categoryId: view.category.id });
    const keyboard = new InlineKeyboard().text(ctx.t('triage-answer-write'), answerWrite.pack({ id, v })).row();
    for (const template of templates) keyboard.text(await nameIn(ctx, { nameZh: template.titleZh, nameEn: template.titleEn }), answerTemplate.pack({ id, v, tpl: template.id })).row();
    await offer(ctx, id, ctx.t('triage-answer-how'), keyboard);
  },
  refer: async (ctx, id, v) => {
    const view = await loadCaseView(ctx, id);
    if (!view) return;
    const agencies = await agenciesServing(ctx.deps, { stationId: view.station.id });
    const keyboard = new InlineKeyboard();
    for (const agency of agencies) keyboard.text(await nameIn(ctx, agency), referAgency.pack({ id, v, ag: agency.id })).row();
    await offer(ctx, id, ctx.t('triage-choose-agency'), keyboard);
  },
  escalate: async (ctx, id, v) => {
    const keyboard = new InlineKeyboard()
      .text(ctx.t('triage-escalate-proposal'), escalateTo.pack({ id, v, to: 'PROPOSAL' }))
      .text(ctx.t('triage-escalate-supervision'), escalateTo.pack({ id, v, to: 'SUPERVISION' }));
    await offer(ctx, id, ctx.t('triage-escalate-how'), keyboard);
  },
  decline: askFor('decline'),
  merge: askFor('merge'),
  clarify: askFor('clarify'),
  // Progress is forwarded to the resident, with its text, only when the staff member says so.
  progress: async (ctx, id, v) => {
    const keyboard = new InlineKeyboard()
      .text(ctx.t('triage-progress-for-resident'), progressKind.pack({ id, v, r: '1' }))
      .row()
      .text(ctx.t('triage-progress-internal'), progressKind.pack({ id, v, r: '0' }));
    await ctx.reply(ctx.t('triage-progress-how'), { reply_markup: keyboard });
  },
  submitResult: async (ctx, id, v) => {
    // Officers submit results of escalations, delivered at once; an agency chooses how (agency feature).
    const view = await loadCaseView(ctx, id);
    if (!view) return;
    if (view.viewerRole === 'AGENCY_HANDLER') return PASS;
    await askFor('submitFinal')(ctx, id, v);
  },
};

/**
 * Shared with the agency feature: dispatches the `ca` buttons it owns, passes the rest
 * on. A press on a card older than the case refreshes the card instead.
 */
export function caseButtons(handlers: Partial<Record<CaseButtonAction, ButtonHandler>>) {
  const composer = new Composer<BotContext>();
  composer.chatType('private').callbackQuery(caseAction.filter, async (ctx, next) => {
    const { act, id, v } = caseAction.unpack(ctx.callbackQuery.data);
    const handler = handlers[act];
    if (!handler) return next();
    if (await refreshIfStale(ctx, id, v)) return void (await ctx.answerCallbackQuery());
    if ((await handler(ctx, id, v)) === PASS) return next();
    await ctx.answerCallbackQuery();
  });
  return composer;
}

privateChats.callbackQuery(progressKind.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, r } = progressKind.unpack(ctx.callbackQuery.data);
  await askFor(r === '1' ? 'progressForResident' : 'progress')(ctx, id, v);
});

privateChats.callbackQuery(classifyCategory.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, cat } = classifyCategory.unpack(ctx.callbackQuery.data);
  const keyboard = new InlineKeyboard();
  for (const pri of PRIORITY_CODES) keyboard.text(ctx.t(`case-priority-${kebab(pri)}`), classifyPriority.pack({ id, v, cat, pri }));
  await offer(ctx, id, ctx.t('triage-choose-priority'), keyboard);
});

privateChats.callbackQuery(classifyPriority.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, cat, pri } = classifyPriority.unpack(ctx.callbackQuery.data);
  await performAction(ctx, id, v, { type: 'classify', categoryId: cat, priority: pri });
});

privateChats.callbackQuery(answerWrite.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v } = answerWrite.unpack(ctx.callbackQuery.data);
  await askCaseText(ctx, { opinionId: id, version: v, action: 'answer' });
});

privateChats.callbackQuery(answerTemplate.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, tpl } = answerTemplate.unpack(ctx.callbackQuery.data);
  // The answer goes to the resident in the language they wrote in; the officer previews it first.
  const answer = await attempt(ctx, () => templateAnswerFor(ctx.deps, { opinionId: id, templateId: tpl }));
  if (answer.ok) await askCaseText(ctx, { opinionId: id, version: v, action: 'answer', text: answer.value });
});

privateChats.callbackQuery(referAgency.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, ag } = referAgency.unpack(ctx.callbackQuery.data);
  const keyboard = new InlineKeyboard();
  for (const days of REFERRAL_DAYS) {
    keyboard.text(days === 0 ? ctx.t('triage-refer-default-deadline') : ctx.t('triage-refer-days', { days }), referDeadline.pack({ id, v, ag, days }));
  }
  await offer(ctx, id, ctx.t('triage-choose-deadline'), keyboard);
});

privateChats.callbackQuery(referDeadline.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, ag, days } = referDeadline.unpack(ctx.callbackQuery.data);
  const { calendar, clock, config } = ctx.deps;
  const dueAt = days > 0 ? calendar.addWorkingDays(clock.now(), days, config.TIME_ZONE).toISOString() : undefined;
  await refreshCard(ctx, id);
  await askCaseText(ctx, { opinionId: id, version: v, action: 'refer', referral: { agencyId: ag, ...(dueAt ? { dueAt } : {}) } });
});

privateChats.callbackQuery(escalateTo.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id, v, to } = escalateTo.unpack(ctx.callbackQuery.data);
  await performAction(ctx, id, v, { type: 'escalate', to });
});

triageFeature.use(caseButtons(officerButtons));
