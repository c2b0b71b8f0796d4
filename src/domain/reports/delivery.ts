// Monthly delivery: every district and street admin gets, through the outbox, the
// summary of their scope (district, or their street / town) in their language, the
// spreadsheet and the chart. Files are written under DATA_DIR/reports/<month>/.
//
// A month's report reaches each admin once per scope, whether scheduled or asked for
// with /report: the ReportDelivery ledger (month, person, scope) in PostgreSQL is claimed
// in the same transaction as the outbox rows, so a repeated run, a retried job, a second
// instance or an earlier /report sends nothing again. (November 2026 went out twice: the
// outbox keys changed with the number of streets an admin held, and a /report on the 1st,
// which defaulted to the month just ended, was recorded nowhere.)
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { enqueueNotifications, type EnqueueNotification } from '../../delivery/message.js';
import type { DomainDeps, Tx } from '../deps.js';
import { renderAttachments, type ReportAttachments } from '../../reports/attachments.js';
import { localeT, scopeName } from '../../reports/labels.js';
import { renderSummary } from '../../reports/summary.js';
import type { ReportDeps } from './figures.js';
import { parseReportMonth, type ReportMonth } from './period.js';
import { buildMonthlyReport, type MonthlyReport } from './report.js';
import { reportScopesOf, type ReportScope } from './scope.js';

export interface DeliverMonthlyReportsInput {
  month: ReportMonth;
}

export interface DeliveryResult {
  recipients: number;
  /** Notifications written now (0 when everything was already delivered). */
  enqueued: number;
}

/** `district` or `street-<regionId>`: a scope as the ledger and the outbox keys name it. */
export function reportScopeKey(scope: ReportScope): string {
  return scope === null ? 'district' : `street-${scope}`;
}

export function reportDedupeKey(month: ReportMonth, personId: number, scope: ReportScope, part: string): string {
  return `report:${month}:person:${personId}:${reportScopeKey(scope)}:${part}`;
}

export type ReportDeliveryVia = 'scheduled' | 'on-demand';

/** Records that this admin got this month's report of this scope; false when they had it already. */
export async function claimReportDelivery(
  db: Pick<Tx, 'reportDelivery'>,
  input: { month: ReportMonth; personId: number; scope: ReportScope; via: ReportDeliveryVia; at: Date },
): Promise<boolean> {
  const { count } = await db.reportDelivery.createMany({
    data: [{ month: input.month, personId: input.personId, scope: reportScopeKey(input.scope), via: input.via, at: input.at }],
    skipDuplicates: true,
  });
  return count === 1;
}

interface Recipient {
  personId: number;
  chatId: bigint;
  locale: string;
  scopes: ReportScope[];
}

async function findRecipients(deps: Pick<ReportDeps, 'prisma'>): Promise<Recipient[]> {
  const people = await deps.prisma.person.findMany({
    where: { chatId: { not: null }, blockedAt: null, erasedAt: null, roles: { some: { revokedAt: null, kind: { in: ['DISTRICT_ADMIN', 'STREET_ADMIN'] } } } },
    select: { id: true, chatId: true, locale: true, roles: { select: { kind: true, regionId: true, revokedAt: true }, orderBy: { id: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  return people
    .map((person) => ({ personId: person.id, chatId: person.chatId!, locale: person.locale, scopes: reportScopesOf(person.roles) }))
    .filter((recipient) => recipient.scopes.length > 0);
}

export async function deliverMonthlyReports(deps: ReportDeps & Pick<DomainDeps, 'clock'>, input: DeliverMonthlyReportsInput): Promise<DeliveryResult> {
  const month = parseReportMonth(input.month);
  const recipients = await findRecipients(deps);
  const delivered = new Set(
    (await deps.prisma.reportDelivery.findMany({ where: { month }, select: { personId: true, scope: true } })).map((row) => `${row.personId}:${row.scope}`),
  );
  const reports = new Map<number | null, Promise<MonthlyReport>>();
  const files = new Map<string, Promise<{ xlsx: string; chart: string; attachments: ReportAttachments }>>();
  const directory = resolve(deps.config.DATA_DIR, 'reports', month);

  const reportFor = (streetId: number | null) => {
    let report = reports.get(streetId);
    if (!report) reports.set(streetId, (report = buildMonthlyReport(deps, { month, streetId })));
    return report;
  };
  const filesFor = (report: MonthlyReport, locale: string) => {
    const key = `${report.street?.id ?? 'district'}:${locale}`;
    let written = files.get(key);
    if (!written) {
      written = (async () => {
        const attachments = await renderAttachments(report, localeT(deps.translate, locale), locale);
        await mkdir(directory, { recursive: true });
        const xlsx = join(directory, attachments.xlsx.filename);
        const chart = join(directory, attachments.chart.filename);
        await writeFile(xlsx, attachments.xlsx.data);
        await writeFile(chart, attachments.chart.data);
        return { xlsx, chart, attachments };
      })();
      files.set(key, written);
    }
    return written;
  };

  let enqueued = 0;
  for (const recipient of recipients) {
    for (const streetId of recipient.scopes) {
      if (delivered.has(`${recipient.personId}:${reportScopeKey(streetId)}`)) continue;
      const report = await reportFor(streetId);
      const t = localeT(deps.translate, recipient.locale);
      const { xlsx, chart, attachments } = await filesFor(report, recipient.locale);
      const vars = { scope: scopeName(report, t, recipient.locale), month };
      const row = (part: string, message: EnqueueNotification['message']): EnqueueNotification => ({
        personId: recipient.personId,
        chatId: recipient.chatId,
        dedupeKey: reportDedupeKey(month, recipient.personId, streetId, part),
        message,
      });
      // Rendered now in the admin's language: a list-shaped summary cannot be re-rendered from variables.
      const notifications = [
        row('summary', { key: 'report-delivery-text', vars: { text: renderSummary(report, t, recipient.locale) } }),
        row('xlsx', { key: 'report-xlsx-caption', vars, file: { path: xlsx, filename: attachments.xlsx.filename, kind: 'document' } }),
        row('chart', { key: 'report-chart-caption', vars, file: { path: chart, filename: attachments.chart.filename, kind: 'photo' } }),
      ];
      enqueued += await deps.prisma.$transaction(async (tx) => {
        const claimed = await claimReportDelivery(tx, { month, personId: recipient.personId, scope: streetId, via: 'scheduled', at: deps.clock.now() });
        return claimed ? enqueueNotifications(tx, notifications) : 0;
      });
    }
  }
  return { recipients: recipients.length, enqueued };
}
