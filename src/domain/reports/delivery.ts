// Monthly delivery: every district and street admin gets, through the outbox, the
// summary of their scope (district, or their street / town) in their language, the
// spreadsheet and the chart. Files are written under DATA_DIR/reports/<month>/. Each
// notification's dedupeKey `report:<month>:person:<id>:<part>` makes a repeated run
// (a restart, a retried job, a second process) send nothing twice.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { enqueueNotifications, type EnqueueNotification } from '../../delivery/message.js';
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

export const REPORT_PARTS = ['summary', 'xlsx', 'chart'] as const;

export function reportDedupeKey(month: ReportMonth, personId: number, part: string): string {
  return `report:${month}:person:${personId}:${part}`;
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

export async function deliverMonthlyReports(deps: ReportDeps, input: DeliverMonthlyReportsInput): Promise<DeliveryResult> {
  const month = parseReportMonth(input.month);
  const recipients = await findRecipients(deps);
  const sent = new Set(
    (await deps.prisma.notification.findMany({ where: { dedupeKey: { startsWith: `report:${month}:` } }, select: { dedupeKey: true } })).map((n) => n.dedupeKey),
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
    const notifications: EnqueueNotification[] = [];
    for (const streetId of recipient.scopes) {
      // A person admin of several streets gets one set per street, told apart in the key.
      const partName = (part: string) => (recipient.scopes.length > 1 ? `street-${streetId}-${part}` : part);
      const keys = REPORT_PARTS.map((part) => reportDedupeKey(month, recipient.personId, partName(part)));
      if (keys.every((key) => sent.has(key))) continue;
      const report = await reportFor(streetId);
      const t = localeT(deps.translate, recipient.locale);
      const { xlsx, chart, attachments } = await filesFor(report, recipient.locale);
      const vars = { scope: scopeName(report, t, recipient.locale), month };
      const base = { personId: recipient.personId, chatId: recipient.chatId };
      // Rendered now in the admin's language: a list-shaped summary cannot be re-rendered from variables.
      notifications.push(
        { ...base, dedupeKey: keys[0]!, message: { key: 'report-delivery-text', vars: { text: renderSummary(report, t, recipient.locale) } } },
        { ...base, dedupeKey: keys[1]!, message: { key: 'report-xlsx-caption', vars, file: { path: xlsx, filename: attachments.xlsx.filename, kind: 'document' } } },
        { ...base, dedupeKey: keys[2]!, message: { key: 'report-chart-caption', vars, file: { path: chart, filename: attachments.chart.filename, kind: 'photo' } } },
      );
    }
    if (notifications.length) enqueued += await deps.prisma.$transaction((tx) => enqueueNotifications(tx, notifications));
  }
  return { recipients: recipients.length, enqueued };
}
