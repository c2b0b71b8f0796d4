// Callback data of the case view. Every button that changes a case carries the
// version the staff member saw (`v`), passed on as `expectedVersion`.
import { z } from 'zod';
import { defineCallbackData } from '../../callback-data.js';

const id = z.coerce.number().int().positive();
const version = z.coerce.number().int().min(0);

/** Opens (or refreshes) the case view; used by notifications and lists too. */
export const openCase = defineCallbackData('case', { id });

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

/** Answer: write one's own, or preview a saved template and send it. */
export const answerWrite = defineCallbackData('aw', { id, v: version });
export const answerTemplate = defineCallbackData('at', { id, v: version, tpl: id });
export const answerTemplateSend = defineCallbackData('as', { id, v: version, tpl: id });

/** Refer: an agency, then the deadline in working days (0: the policy's default). */
export const referAgency = defineCallbackData('ra', { id, v: version, ag: id });
export const referDeadline = defineCallbackData('rd', { id, v: version, ag: id, days: z.coerce.number().int().min(0).max(90) });

export const escalateTo = defineCallbackData('et', { id, v: version, to: z.enum(['PROPOSAL', 'SUPERVISION']) });

/** Submit a result: final (delivered at once) or for the officer's review. */
export const submitKind = defineCallbackData('sk', { id, v: version, final: z.enum(['1', '0']) });
/** Progress: for the resident too ('1'), or an internal note ('0'). */
export const progressKind = defineCallbackData('pk', { id, v: version, r: z.enum(['1', '0']) });
