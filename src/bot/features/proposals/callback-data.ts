// Callback data of the proposals feature. Buttons that change a proposal carry the
// version shown (`v`), passed on as `expectedVersion`.
import { z } from 'zod';
import { defineCallbackData } from '../../callback-data.js';

const id = z.coerce.number().int().positive();
const version = z.coerce.number().int().min(0);

/** Opens a proposal; from lists and notifications. */
export const openProposal = defineCallbackData('pr', { id });
/** A page of /proposals (how many to skip). */
export const proposalPage = defineCallbackData('pp', { skip: z.coerce.number().int().min(0) });
/** Starts a new proposal. */
export const newProposal = defineCallbackData('pn', {});

/** The view's buttons; the ones that need a choice or a text lead on. */
export const PROPOSAL_BUTTONS = ['confirm', 'decline', 'withdraw', 'assign', 'markKey', 'answer', 'evaluateFirst', 'progress', 'markImplemented', 'evaluateSecond'] as const;
export const proposalButton = defineCallbackData('pa', { act: z.enum(PROPOSAL_BUTTONS), id, v: version });

/** Assign: the lead agency, then co-handling agencies, toggled one by one (`sel`: those chosen so far), then done. */
export const assignLead = defineCallbackData('pl', { id, v: version, lead: id });
/** Co-handling agencies chosen in chat at most: their ids travel in 64 bytes of callback data. */
export const MAX_CO_AGENCIES_IN_CHAT = 4;
const agencySelection = z
  .string()
  .regex(/^(\d+(\.\d+)*)?$/)
  .transform((value) => (value ? value.split('.').map(Number) : []))
  .pipe(z.array(z.number().int().positive()).max(MAX_CO_AGENCIES_IN_CHAT));
export const packSelection = (ids: readonly number[]) => ids.join('.');
export const assignCoToggle = defineCallbackData('pc', { id, v: version, lead: id, sel: agencySelection, t: id });
export const assignCoDone = defineCallbackData('pd', { id, v: version, lead: id, sel: agencySelection });
/** Mark key: the supervising leader. */
export const keySupervisor = defineCallbackData('psv', { id, v: version, sup: id });
/** Answer: the class, then the text. */
export const answerClass = defineCallbackData('pq', { id, v: version, cls: z.enum(['A', 'B', 'C']) });
/** Evaluations: F = first, S = second; the rating. */
export const proposalRating = defineCallbackData('pe', { id, v: version, kind: z.enum(['F', 'S']), r: z.enum(['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']) });
