// Applies an opinion action for the person in this chat and shows what happened:
// a confirmation and the fresh case view, or the refusal in their language. After a
// conflict (someone acted first) or a wrong-state refusal the fresh view follows too.
import { applyOpinionAction } from '../../../domain/opinions/apply-action.js';
import type { OpinionAction } from '../../../domain/opinions/lifecycle.js';
import type { AppContext } from '../../context.js';
import { kebab, showCase } from './case-view.js';
import { attempt } from './respond.js';

export type ActionOutcome = 'done' | 'invalid-input' | 'refused';

/**
 * The shape every workflow's button takes (opinions, proposals): run the action as this
 * person, confirm it and show the fresh view; after a conflict or a wrong-state refusal
 * show the fresh view too. Invalid input lets a dialogue ask again.
 */
export async function performAs<T>(
  ctx: AppContext,
  steps: { run(personId: number): Promise<T>; confirm(result: T): string; show(afterOwnAction: boolean): Promise<void> },
): Promise<ActionOutcome> {
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

export async function performAction(ctx: AppContext, opinionId: number, expectedVersion: number, action: OpinionAction): Promise<ActionOutcome> {
  return performAs(ctx, {
    run: (personId) => applyOpinionAction(ctx.deps, { opinionId, actor: { kind: 'person', personId }, action, expectedVersion }),
    confirm: (result) => ctx.t(`case-done-${kebab(action.type)}`, { trackingNo: result.opinion.trackingNo }),
    show: (afterOwnAction) => showCase(ctx, opinionId, { afterOwnAction }),
  });
}
