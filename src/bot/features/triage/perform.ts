// Applies an opinion action for the person in this chat and shows what happened on the
// live card, edited in place with a line saying what was done. A stale version (someone,
// or this person elsewhere, acted since the card was drawn) refreshes the card and says so.
import { applyOpinionAction } from '../../../domain/opinions/apply-action.js';
import { isDomainError } from '../../../domain/errors.js';
import type { OpinionAction } from '../../../domain/opinions/lifecycle.js';
import type { AppContext } from '../../context.js';
import { kebab } from './case-view.js';
import { refreshCard, reportStale } from './live-card.js';

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
