// The second evaluation (of the implementation) covers every proposal, once a year:
// each representative is asked about their proposals still being implemented.
import type { DomainDeps } from '../deps.js';
import { applyProposalAction } from './apply-action.js';
import { proposalsAwaitingSecondEvaluation } from './queries.js';

/** Asks for the second evaluations of `year`; returns how many proposals were asked about now. */
export async function askForSecondEvaluations(deps: DomainDeps, year: number): Promise<number> {
  let asked = 0;
  for (const proposalId of await proposalsAwaitingSecondEvaluation(deps)) {
    const result = await applyProposalAction(deps, { proposalId, actor: { kind: 'system' }, action: { type: 'askSecondEvaluation', year } });
    if (result.events.length > 0) asked += 1;
  }
  return asked;
}
