// `npm run report -- [--month YYYY-MM | --from YYYY-MM [--to YYYY-MM] | --quarter YYYYQn | --year YYYY]
//   --format md|csv|xlsx|json [--out FILE] [--street CODE] [--locale zh-CN|en]`:
// writes the closure report of any period of the configured database (PGlite by default,
// DATABASE_URL otherwise) to a file and prints its summary.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDeps } from '../app.js';
import { loadConfig } from '../config.js';
import type { AppDeps } from '../deps.js';
import { isDomainError } from '../domain/errors.js';
import { requestedSpan } from '../domain/reports/period.js';
import { buildMonthlyReport } from '../domain/reports/report.js';
import { isLocale } from '../i18n/index.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../reports/index.js';
import { localeT, periodSlug } from '../reports/labels.js';
import { renderSummary } from '../reports/summary.js';
import { runCommand } from './run-command.js';

export const REPORT_USAGE = `Usage: npm run report -- [--month YYYY-MM | --from YYYY-MM [--to YYYY-MM] | --quarter YYYYQn | --year YYYY] --format ${REPORT_FORMATS.join('|')} [--out FILE] [--street CODE] [--locale zh-CN|en]`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ReportCommandResult {
  file: string;
  summary: string;
}

export async function runReportCommand(deps: AppDeps, argv: string[]): Promise<ReportCommandResult> {
  const { values } = parseArgs({
    args: argv,
    options: {
      month: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      quarter: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string', default: 'md' },
      out: { type: 'string' },
      street: { type: 'string' },
      locale: { type: 'string' },
    },
  });
  const format = values.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}".\n${REPORT_USAGE}`);
  const locale = values.locale ?? deps.config.DEFAULT_LOCALE;
  if (!isLocale(locale)) throw new UsageError(`Unknown locale "${locale}".\n${REPORT_USAGE}`);
  const span = requestedSpan(values, deps.clock.now(), deps.config.TIME_ZONE);
  let streetId: number | null = null;
  if (values.street) {
    const street = await deps.prisma.region.findUnique({ where: { code: values.street } });
    if (!street || (street.kind !== 'STREET' && street.kind !== 'TOWN')) throw new UsageError(`No street or town with code "${values.street}".`);
    streetId = street.id;
  }
  const report = await buildMonthlyReport(deps, { span, streetId });
  const file = resolve(values.out ?? `minyi-report-${periodSlug(span)}${streetId === null ? '' : `-${values.street}`}.${format}`);
  await writeFile(file, await renderReport(report, format, deps.translate, locale));
  return { file, summary: renderSummary(report, localeT(deps.translate, locale), locale) };
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const deps = await createDeps(config);
  try {
    const { file, summary } = await runReportCommand(deps, process.argv.slice(2));
    console.log(summary);
    console.log(`\n→ ${file}`);
  } catch (error) {
    if (error instanceof UsageError) console.error(error.message);
    else if (isDomainError(error)) console.error(deps.translate(config.DEFAULT_LOCALE, error.key, error.vars));
    else throw error;
    process.exitCode = 2;
  } finally {
    await deps.db.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runCommand(main);

