// `npm run invite -- --role DISTRICT_ADMIN [--region CODE] [--bot USERNAME]`: the
// bootstrap. Prints a one-time invitation for the first district admin, who then
// invites everyone else in chat (/invite). No other role can be created here.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDeps } from '../app.js';
import { loadConfig } from '../config.js';
import { isDomainError } from '../domain/errors.js';
import { botUsername } from './bot-username.js';
import { createBootstrapInvitation, invitationDeepLink, INVITATION_START_PREFIX } from '../domain/staff/index.js';
import { runCommand } from './run-command.js';

const { values } = parseArgs({ options: { role: { type: 'string' }, region: { type: 'string' }, bot: { type: 'string' } } });
if (values.role !== 'DISTRICT_ADMIN') {
  console.error('Usage: npm run invite -- --role DISTRICT_ADMIN [--region CODE] [--bot BOT_USERNAME]\nOnly the first district admin is created here; everyone else is invited in chat with /invite.');
  process.exit(2);
}

await runCommand(async () => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const deps = await createDeps(config);
  try {
    const invitation = await createBootstrapInvitation(deps, { regionCode: values.region });
    const username = values.bot ?? (await botUsername(config.BOT_TOKEN, config.TELEGRAM_API_ROOT));
    console.log(`District admin invitation, valid until ${invitation.expiresAt.toISOString()}, usable once:`);
    if (username) console.log(`  link: ${invitationDeepLink(username, invitation.code)}`);
    console.log(`  or send the bot: /join ${invitation.code}   (same as /start ${INVITATION_START_PREFIX}${invitation.code})`);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    console.error(deps.translate('en', error.key, error.vars));
    process.exitCode = 1;
  } finally {
    await deps.db.close();
  }
});

