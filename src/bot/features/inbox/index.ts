// /inbox: what waits for a liaison officer at their stations, oldest first, paged.
import { Composer } from 'grammy';
import { listOfficerInbox } from '../../../domain/staff/index.js';
import type { BotContext } from '../../context.js';
import { caseListCommand } from './case-list.js';

export const inboxFeature = new Composer<BotContext>();

inboxFeature.use(
  caseListCommand({
    list: 'inbox',
    role: 'LIAISON_OFFICER',
    notHolder: 'inbox-not-officer',
    header: 'inbox-header',
    empty: 'inbox-empty',
    load: (ctx, personId) => listOfficerInbox(ctx.deps, { personId }),
  }),
);
