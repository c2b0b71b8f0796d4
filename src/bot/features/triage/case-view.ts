// The case view staff (and the resident) open from notifications and lists: the case
// as getOpinionView lets this person see it, with only the buttons of the actions
// they may take now. Every button carries the version shown.
import { InlineKeyboard } from 'grammy';
import { getOpinionView, type OpinionView } from '../../../domain/opinions/opinion-views.js';
import type { OpinionActionType } from '../../../domain/opinions/lifecycle.js';
import { isDomainError } from '../../../domain/errors.js';
import type { AppContext } from '../../context.js';
import { ratingKeyboard } from '../evaluation/keyboards.js';
import { caseAction, CASE_ACTIONS, openCase, type CaseButtonAction } from './callback-data.js';
import { attempt, nameIn } from './respond.js';

/** How many of the latest history entries the view lists. */
const HISTORY_SHOWN = 8;

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

/**
 * Sends the case view as a new message (the freshest state, with fresh buttons).
 * After the person's own action the case may have left their sight (an agency that
 * handed it back): then there is nothing more to show, and no refusal either.
 */
export async function showCase(ctx: AppContext, opinionId: number, options: { afterOwnAction?: boolean } = {}): Promise<void> {
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  let view: OpinionView;
  try {
    view = await getOpinionView(ctx.deps, { opinionId, actor: { kind: 'person', personId: ctx.person.id } });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (!(options.afterOwnAction && error.code === 'forbidden')) await ctx.reply(ctx.t(error.key, error.vars));
    return;
  }
  await ctx.reply(await caseText(ctx, view), { reply_markup: caseKeyboard(ctx, view) });
}

async function caseText(ctx: AppContext, view: OpinionView): Promise<string> {
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
    view.text,
    '',
  ];
  if (view.attachments.length > 0) lines.push(ctx.t('case-attachments', { count: view.attachments.length }));
  if (view.viewerRole !== 'RESIDENT') {
    lines.push(view.contact ? ctx.t('case-contact', { name: view.contact.name ?? '—', phone: view.contact.phone ?? '—' }) : ctx.t('case-contact-hidden'));
  }
  if (view.agency) lines.push(ctx.t('case-agency', { agency: await nameIn(ctx, view.agency) }));
  if (view.mergedInto) lines.push(ctx.t('case-merged-into', { trackingNo: view.mergedInto.trackingNo }));
  if (view.duplicates.length > 0) lines.push(ctx.t('case-duplicates', { list: view.duplicates.map((d) => d.trackingNo).join(', ') }));
  for (const deadline of view.openDeadlines) {
    const vars = { kind: ctx.t(`case-deadline-${kebab(deadline.kind)}`), dueAt: formatTime(ctx, deadline.dueAt) };
    lines.push(ctx.t(deadline.dueAt < now ? 'case-deadline-overdue' : 'case-deadline', vars));
  }
  if (view.resultText) lines.push(ctx.t('case-result', { text: view.resultText }));
  const history = view.timeline.slice(-HISTORY_SHOWN);
  if (history.length > 0) {
    lines.push('', ctx.t('case-history'));
    for (const event of history) {
      const vars = { at: formatTime(ctx, event.at), event: ctx.t(`case-event-${kebab(event.type)}`), note: event.note ?? '' };
      lines.push(ctx.t(event.note ? 'case-history-line-note' : 'case-history-line', vars));
    }
  }
  return lines.join('\n').trim();
}

function caseKeyboard(ctx: AppContext, view: OpinionView): InlineKeyboard {
  if (view.availableActions.includes('evaluate')) return ratingKeyboard(ctx.t, view.id, view.round);
  const keyboard = new InlineKeyboard();
  const buttons = view.availableActions.filter(isCaseButton);
  for (const [index, act] of buttons.entries()) {
    keyboard.text(ctx.t(`case-button-${kebab(act)}`), caseAction.pack({ act, id: view.id, v: view.version }));
    if (index % 2 === 1) keyboard.row();
  }
  return keyboard.row().text(ctx.t('case-button-refresh'), openCase.pack({ id: view.id }));
}

function isCaseButton(action: OpinionActionType): action is CaseButtonAction {
  return (CASE_ACTIONS as readonly string[]).includes(action);
}
