// `npm run import -- --template FILE.xlsx` writes the district spreadsheet template.
// `npm run import -- FILE.xlsx [--dry-run] [--locale zh-CN|en] [--invitations OUT.xlsx] [--bot USERNAME]`
// checks the file and, if every row is right, applies it in one transaction; the invitations
// of staff not yet on Telegram go to OUT.xlsx (default: FILE-invitations.xlsx).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDeps } from '../app.js';
import { loadConfig } from '../config.js';
import { importNetwork } from '../domain/network/import.js';
import { writeInvitationsWorkbook } from '../domain/network/invitations-sheet.js';
import { describeImport } from '../domain/network/summary.js';
import { writeNetworkTemplate } from '../domain/network/write-workbook.js';
import { isLocale } from '../i18n/index.js';
import { botUsername } from './bot-username.js';

const usage = 'Usage: npm run import -- --template FILE.xlsx\n       npm run import -- FILE.xlsx [--dry-run] [--locale zh-CN|en] [--invitations OUT.xlsx] [--bot BOT_USERNAME]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { template: { type: 'string' }, 'dry-run': { type: 'boolean' }, locale: { type: 'string' }, invitations: { type: 'string' }, bot: { type: 'string' } },
});
const locale = values.locale ?? 'zh-CN';
if ((!values.template && positionals.length !== 1) || !isLocale(locale)) {
  console.error(usage);
  process.exit(2);
}

if (values.template) {
  await writeNetworkTemplate(values.template);
  console.log(`Template written to ${values.template}`);
} else {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const deps = await createDeps(config);
  const file = positionals[0]!;
  const t = (key: string, vars?: Record<string, string | number>) => deps.translate(locale, key, vars);
  try {
    const result = await importNetwork(deps, { file, dryRun: values['dry-run'] ?? false });
    for (const line of describeImport(t, result)) console.log(line);
    if (!result.ok) process.exitCode = 1;
    else if (!result.dryRun) {
      const target = values.invitations ?? file.replace(/(\.xlsx)?$/i, '-invitations.xlsx');
      const written = await writeInvitationsWorkbook(deps, target, { t, botUsername: values.bot ?? (await botUsername(config.BOT_TOKEN, config.TELEGRAM_API_ROOT)) });
      if (written > 0) console.log(`→ ${target}`);
    }
  } finally {
    await deps.db.close();
  }
}
