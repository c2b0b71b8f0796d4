// Applies an opinion action for the person in this chat and shows what happened:
// a confirmation and the fresh case view, or the refusal in their language. After a
// conflict (someone acted first) or a wrong-state refusal the fresh view follows too.
import { applyOpinionAction } from '../../../domain/opinions/apply-action.js';
import type { OpinionAction } from '../../../domain/opinions/lifecycle.js';
import type { AppContext } from '../../context.js';
import { kebab, showCase } from './case-view.js';
import { attempt } from './respond.js';

export type ActionOutcome = 'done' | 'invalid-input' | 'refused';

export async function performAction(ctx: AppContext, opinionId: number, expectedVersion: number, action: OpinionAction): Promise<ActionOutcome> {
  if (!ctx.person) {
    await ctx.reply(ctx.t('error-forbidden'));
    return 'refused';
  }
  const actor = { kind: 'person' as const, personId: ctx.person.id };
  const result = await attempt(ctx, () => applyOpinionAction(ctx.deps, { opinionId, actor, action, expectedVersion }));
  if (result.ok) {
    await ctx.reply(ctx.t(`case-done-${kebab(action.type)}`, { trackingNo: result.value.opinion.trackingNo }));
    await showCase(ctx, opinionId, { afterOwnAction: true });
    return 'done';
  }
  if (result.code === 'validation') return 'invalid-input';
  if (result.code === 'conflict' || result.code === 'invalid-transition') await showCase(ctx, opinionId);
  return 'refused';
}
