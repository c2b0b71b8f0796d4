// How the workflows run their one transaction per action.
import { DomainError } from '../errors.js';

/** PGlite runs one transaction at a time: a burst of actions queues rather than fails. */
export const WORKFLOW_TRANSACTION = { maxWait: 10_000, timeout: 20_000 };

/** Someone acted on the same record first (its version moved). */
export function conflictError(key = 'error-conflict'): DomainError {
  return new DomainError('conflict', key);
}
