// Applies an opinion action for the person in this chat and shows what happened on the
// live card, edited in place with a line saying what was done. A stale version (someone,
// or this person elsewhere, acted since the card was drawn) refreshes the card and says so.
import { applyOpinionAction } from '../../../domain/opinions/apply-action.js';
import { isDomainError } from '../../../domain/errors.js';
import type { OpinionAction } from '../../../domain/opinions/lifecycle.js';
import type { AppContext } from '../../context.js';
import { kebab } from './case-view.js';
import { refreshCard, reportStale } from './live-card.js';
import { attempt } from './respond.js';

export type ActionOutcome = { outcome: 'done'; message: string } | { outcome: 'invalid-input' | 'refused' };

export async function performAction(ctx: AppContext, opinionId: number, expectedVersion: number, action: OpinionAction): Promise<ActionOutcome> {
  if (!ctx.person) {
    await ctx.reply(ctx.t('error-forbidden'));
    return { outcome: 'refused' };
  }
  const actor = { kind: 'person' as const, personId: ctx.person.id };
  let trackingNo: string;
  try {
    ({ trackingNo } = (await applyOpinionAction(ctx.deps, { opinionId, actor, action, expectedVersion })).opinion);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === 'conflict') {
      await reportStale(ctx, opinionId, expectedVersion);
      return { outcome: 'refused' };
    }
    await ctx.reply(ctx.t(error.key, error.vars));
    if (error.code === 'validation') return { outcome: 'invalid-input' };
    if (error.code === 'invalid-transition') await refreshCard(ctx, opinionId);
    return { outcome: 'refused' };
  }
  const message = `✅ ${ctx.t(`case-done-${kebab(action.type)}`, { trackingNo })}`;
  await refreshCard(ctx, opinionId, { banner: message, afterOwnAction: true });
  return { outcome: 'done', message };
}

export type WorkflowOutcome = 'done' | 'invalid-input' | 'refused';

/**
 * The shape other workflows' buttons take (proposals): run the action as this person,
 * confirm it and show the fresh view; after a conflict or a wrong-state refusal show the
 * fresh view too. Invalid input lets a dialogue ask again.
 */
export async function performAs<T>(
  ctx: AppContext,
  steps: { run(personId: number): Promise<T>; confirm(result: T): string; show(afterOwnAction: boolean): Promise<void> },
): Promise<WorkflowOutcome> {
  if (!ctx.person) {
    await ctx.reply(ctx.t('error-forbidden'));
    return 'refused';
  }
  const personId = ctx.person.id;
  const result = await attempt(ctx, () => steps.run(personId));
  if (result.ok) {
    await ctx.reply(steps.confirm(result.value));
    await steps.show(true);
    return 'done';
  }
  if (result.code === 'validation') return 'invalid-input';
  if (result.code === 'conflict' || result.code === 'invalid-transition') await steps.show(false);
  return 'refused';
}
