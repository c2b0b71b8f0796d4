// Callback data of the case view. Every button that changes a case carries the
// version the staff member saw (`v`), passed on as `expectedVersion`.
import { z } from 'zod';
import { defineCallbackData } from '../../callback-data.js';

const id = z.coerce.number().int().positive();
const version = z.coerce.number().int().min(0);

/** Posts the case card anew (with its evidence); used by notifications and lists. */
export const openCase = defineCallbackData('case', { id });
/** Refreshes the card in place (its 🔄 and « back buttons). */
export const refreshCase = defineCallbackData('cr', { id });
/** A page of the whole case; `fresh` = 1 posts the pager, 0 turns its page in place. */
export const caseFullText = defineCallbackData('cft', { id, page: z.coerce.number().int().min(0), fresh: z.coerce.number().int().min(0).max(1) });

/** The buttons under a preview or an optional-note prompt of the case dialogue. */
export const PREVIEW_CHOICES = ['send', 'edit', 'cancel', 'skip'] as const;
export const previewChoice = defineCallbackData('cpv', { op: z.enum(PREVIEW_CHOICES) });
/** A similar open case suggested as the merge target. */
export const mergeSuggestion = defineCallbackData('cmg', { id });

/** The case view's action buttons. */
export const CASE_ACTIONS = [
  'acknowledge',
  'classify',
  'answer',
  'refer',
  'escalate',
  'decline',
  'merge',
  'deliverResult',
  'clarify',
  'progress',
  'requestClarification',
  'handBack',
  'submitResult',
] as const;
export type CaseButtonAction = (typeof CASE_ACTIONS)[number];
export const caseAction = defineCallbackData('ca', { act: z.enum(CASE_ACTIONS), id, v: version });

/** Classify: a category, then a priority. */
export const classifyCategory = defineCallbackData('cc', { id, v: version, cat: id });
export const PRIORITY_CODES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export const classifyPriority = defineCallbackData('cp', { id, v: version, cat: id, pri: z.enum(PRIORITY_CODES) });

/** Answer: write one's own, or start from a saved template (previewed before it is sent). */
export const answerWrite = defineCallbackData('aw', { id, v: version });
export const answerTemplate = defineCallbackData('at', { id, v: version, tpl: id });

/** Refer: an agency, then the deadline in working days (0: the policy's default). */
export const referAgency = defineCallbackData('ra', { id, v: version, ag: id });
export const referDeadline = defineCallbackData('rd', { id, v: version, ag: id, days: z.coerce.number().int().min(0).max(90) });

export const escalateTo = defineCallbackData('et', { id, v: version, to: z.enum(['PROPOSAL', 'SUPERVISION']) });

/** Submit a result: final (delivered at once) or for the officer's review. */
export const submitKind = defineCallbackData('sk', { id, v: version, final: z.enum(['1', '0']) });
/** Progress: for the resident too ('1'), or an internal note ('0'). */
export const progressKind = defineCallbackData('pk', { id, v: version, r: z.enum(['1', '0']) });
