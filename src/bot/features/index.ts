// Feature order matters: commands and dialogues first, `unhandled` last.
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { agencyFeature } from './agency/index.js';
import { evaluationFeature } from './evaluation/index.js';
import { inboxFeature } from './inbox/index.js';
import { invitationsFeature } from './invitations/index.js';
import { helpFeature } from './help/index.js';
import { languageFeature } from './language.js';
import { myOpinionsFeature } from './my-opinions/index.js';
import { networkImportFeature } from './network-import/index.js';
import { opinionFeature, opinionOfferFeature } from './opinion/index.js';
import { privacyFeature } from './privacy/index.js';
import { proposalsFeature } from './proposals/index.js';
import { receptionsFeature } from './receptions/index.js';
import { staffAdminFeature } from './staff-admin/index.js';
import { triageFeature } from './triage/index.js';
import { startFeature } from './start/index.js';
import { stationsFeature } from './stations/index.js';
import { supervisionFeature } from './supervision/index.js';
import { reportFeature } from './report/index.js';
import { unhandledFeature } from './unhandled.js';

export const features = new Composer<BotContext>();
features.use(languageFeature);
// Before the residents' /start: it takes /start inv_<code> and passes the rest on.
features.use(invitationsFeature);
features.use(staffAdminFeature);
features.use(networkImportFeature);
features.use(inboxFeature);
// Triage before the agency: it holds the case dialogues and passes the agency's buttons on.
features.use(triageFeature);
features.use(agencyFeature);
// Representatives' work: proposals (提办督评) and receptions at stations (进家进站).
features.use(proposalsFeature);
features.use(receptionsFeature);
features.use(supervisionFeature);
features.use(evaluationFeature);
// Residents: the opinion dialogue first, so that while it runs it sees answers (locations, buttons) before the finder does.
features.use(opinionFeature);
features.use(startFeature);
features.use(stationsFeature);
features.use(myOpinionsFeature);
features.use(privacyFeature);
features.use(helpFeature);
features.use(reportFeature);
// Text no feature took is offered as a new opinion before `unhandled` explains the rest.
features.use(opinionOfferFeature);
features.use(unhandledFeature);
