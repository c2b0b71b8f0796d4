// The case card staff (and the resident) open from notifications and lists: the case as
// getOpinionView lets this person see it, with only the buttons of the actions they may
// take now. Every button carries the version shown. The card keeps within Telegram's
// limits: long texts are shortened and a "full text" button pages through the whole case.
import { InlineKeyboard } from 'grammy';
import { getOpinionView, type OpinionView } from '../../../domain/opinions/opinion-views.js';
import type { OpinionActionType } from '../../../domain/opinions/lifecycle.js';
import type { AppContext } from '../../context.js';
import { clip, TELEGRAM_LIMITS } from '../../limits.js';
import { ratingKeyboard } from '../evaluation/keyboards.js';
import { caseAction, CASE_ACTIONS, caseFullText, refreshCase, type CaseButtonAction } from './callback-data.js';
import { attempt, nameIn } from './respond.js';

/** What the card shows of long content; the full text is a button away. */
const CARD_BUDGET = { text: 1000, result: 800, note: 150, history: 8 } as const;

export function kebab(value: string): string {
  return value.replace(/([a-z])([A-Z])/g, '$1-$2').replaceAll('_', '-').toLowerCase();
}

/** Local date and time in the district's zone, e.g. 2026-11-23 09:05. */
export function formatTime(ctx: AppContext, at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: ctx.deps.config.TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

export async function loadCaseView(ctx: AppContext, opinionId: number): Promise<OpinionView | undefined> {
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const view = await attempt(ctx, () => getOpinionView(ctx.deps, { opinionId, actor: { kind: 'person', personId: ctx.person!.id } }));
  return view.ok ? view.value : undefined;
}

/** A map pin that opens in Amap (高德), whose apps most residents and staff use; Telegram gives WGS-84. */
export function mapLink(location: { latitude: number; longitude: number }): string {
  return `https://uri.amap.com/marker?position=${location.longitude},${location.latitude}&coordinate=wgs84&callnative=0`;
}

export interface CaseCardContent {
  text: string;
  keyboard: InlineKeyboard | { inline_keyboard: [] };
}

/**
 * The card: an optional banner (what just happened), the case, and either the case's
 * buttons or, while a choice is made on the card, that choice's buttons.
 */
export async function caseCard(ctx: AppContext, view: OpinionView, options: { banner?: string; choices?: InlineKeyboard } = {}): Promise<CaseCardContent> {
  const body = await caseText(ctx, view, 'card');
  const banner = options.banner ? `${options.banner}\n\n` : '';
  const text = clip(banner + body.text, TELEGRAM_LIMITS.text);
  const shortened = body.shortened || text.length < banner.length + body.text.length;
  if (options.choices) return { text, keyboard: options.choices.row().text(ctx.t('case-button-back'), refreshCase.pack({ id: view.id })) };
  return { text, keyboard: caseKeyboard(ctx, view, shortened) };
}

/** The whole case, every history entry in full, for the pager. */
export async function fullCaseText(ctx: AppContext, view: OpinionView): Promise<string> {
  return (await caseText(ctx, view, 'full')).text;
}

async function caseText(ctx: AppContext, view: OpinionView, mode: 'card' | 'full'): Promise<{ text: string; shortened: boolean }> {
  let shortened = false;
  const fit = (text: string, max: number) => {
    if (mode === 'full' || text.length <= max) return text;
    shortened = true;
    return clip(text, max);
  };
  const now = ctx.deps.clock.now();
  const lines = [
    ctx.t('case-header', {
      trackingNo: view.trackingNo,
      stage: ctx.t(`case-stage-${kebab(view.stage)}`),
      station: await nameIn(ctx, view.station),
      category: await nameIn(ctx, view.category),
      priority: ctx.t(`case-priority-${kebab(view.priority)}`),
      createdAt: formatTime(ctx, view.createdAt),
      round: view.round,
    }),
    '',
    fit(view.text, CARD_BUDGET.text),
    '',
  ];
  if (view.attachments.length > 0) lines.push(ctx.t('case-attachments', { count: view.attachments.length }));
  if (view.location && view.viewerRole !== 'RESIDENT') {
    lines.push(ctx.t('case-location', { latitude: view.location.latitude.toFixed(5), longitude: view.location.longitude.toFixed(5), link: mapLink(view.location) }));
  }
  if (view.viewerRole !== 'RESIDENT') {
    lines.push(view.contact ? ctx.t('case-contact', { name: view.contact.name ?? '—', phone: view.contact.phone ?? '—' }) : ctx.t('case-contact-hidden'));
  }
  if (view.agency) lines.push(ctx.t('case-agency', { agency: await nameIn(ctx, view.agency) }));
  if (view.mergedInto) lines.push(ctx.t('case-merged-into', { trackingNo: view.mergedInto.trackingNo }));
  if (view.duplicates.length > 0) lines.push(ctx.t('case-duplicates', { list: fit(view.duplicates.map((d) => d.trackingNo).join(', '), CARD_BUDGET.note) }));
  for (const deadline of view.openDeadlines) {
    const vars = { kind: ctx.t(`case-deadline-${kebab(deadline.kind)}`), dueAt: formatTime(ctx, deadline.dueAt) };
    lines.push(ctx.t(deadline.dueAt < now ? 'case-deadline-overdue' : 'case-deadline', vars));
  }
  if (view.resultText) lines.push(ctx.t('case-result', { text: fit(view.resultText, CARD_BUDGET.result) }));
  const history = mode === 'full' ? view.timeline : view.timeline.slice(-CARD_BUDGET.history);
  if (history.length < view.timeline.length) shortened = true;
  if (history.length > 0) {
    lines.push('', ctx.t('case-history'));
    for (const event of history) {
      const vars = { at: formatTime(ctx, event.at), event: ctx.t(`case-event-${kebab(event.type)}`), note: fit(event.note ?? '', CARD_BUDGET.note) };
      lines.push(ctx.t(event.note ? 'case-history-line-note' : 'case-history-line', vars));
    }
  }
  return { text: lines.join('\n').trim(), shortened };
}

function caseKeyboard(ctx: AppContext, view: OpinionView, shortened: boolean): InlineKeyboard {
  const keyboard = view.availableActions.includes('evaluate') ? ratingKeyboard(ctx.t, view.id, view.round).row() : new InlineKeyboard();
  const buttons = view.availableActions.filter(isCaseButton);
  for (const [index, act] of buttons.entries()) {
    keyboard.text(ctx.t(`case-button-${kebab(act)}`), caseAction.pack({ act, id: view.id, v: view.version }));
    if (index % 2 === 1) keyboard.row();
  }
  keyboard.row();
  if (shortened) keyboard.text(ctx.t('case-button-full-text'), caseFullText.pack({ id: view.id, page: 0, fresh: 1 }));
  return keyboard.text(ctx.t('case-button-refresh'), refreshCase.pack({ id: view.id }));
}

function isCaseButton(action: OpinionActionType): action is CaseButtonAction {
  return (CASE_ACTIONS as readonly string[]).includes(action);
}
