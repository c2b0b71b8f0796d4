// /report in chat, and the monthly delivery through the outbox: once per admin per month.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverMonthlyReports } from '../../src/domain/reports/delivery.js';
import type { NotificationMessage } from '../../src/delivery/message.js';
import { createJobQueue } from '../../src/jobs/queue.js';
import { monthlyReportJob } from '../../src/jobs/definitions/monthly-report.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedOctoberDataset, type OctoberDataset } from './dataset.js';
import { buildMonthlyReport } from '../../src/domain/reports/report.js';
import { renderAttachments } from '../../src/reports/attachments.js';
import { chartHeight } from '../../src/reports/chart.js';
import { localeT } from '../../src/reports/labels.js';
import { inflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('monthly report in chat and by delivery', () => {
  let app: TestApp;
  let data: OctoberDataset;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'minyi-delivery-'));
    app = await createTestApp({ now: new Date('2026-11-05T02:00:00Z'), env: { HOT_TOPIC_PROPOSAL_SIZE: '3', DATA_DIR: dataDir } });
    data = await seedOctoberDataset(app.deps);
  });
  afterAll(async () => {
    await app?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('/report offers the month, the quarter and the year to date and the last complete ones (zh)', async () => {
    const admin = app.user(data.places.admins.district.telegramId);
    await admin.send('/report');
    expect(admin.lastText()).toBe('要看哪个时期的报告？也可以直接发送，例如 /report 2026-10、/report 2026Q3 或 /report 2026。');
    expect(admin.inlineButtons()).toEqual(['本月至今（2026-11）', '上月（2026-10）', '本季度至今（2026Q4）', '上季度（2026Q3）', '本年至今（2026）', '上年（2025）']);
    const calls = await admin.press('本月至今（2026-11）');
    expect(calls.map((c) => c.method).filter((m) => m !== 'sendChatAction' && m !== 'answerCallbackQuery')).toEqual(['sendMessage', 'sendMessage', 'sendDocument', 'sendPhoto']);
    expect(admin.texts().at(-4)).toBe('正在生成 2026-11 本月至今（截至 2026-11-05 10:00）的报告，请稍候……');
    // To date, not to the end of the month: November's figures so far.
    expect(admin.texts().at(-1)).toBe('全区 2026-11 各街道（镇）办结率与首轮满意率');
    // A month to date is not the month's report: the delivery on 1 December still sends November.
    expect(await app.deps.prisma.reportDelivery.count({ where: { month: '2026-11' } })).toBe(0);
  });

  it('/report by quarter (zh): the last complete quarter, and the quarter to date', async () => {
    const admin = app.user(data.places.admins.district.telegramId);
    await admin.send('/report');
    const calls = await admin.press('上季度（2026Q3）');
    // August's E1, September's P1 and P2.
    expect(admin.texts().slice(-4)).toEqual([
      '正在生成 2026Q3 的报告，请稍候……',
      expect.stringMatching(/^📊 全区 2026Q3 办结情况\n\n受理 3 件，/),
      '全区 2026Q3 办结情况（表格）',
      '全区 2026Q3 各街道（镇）办结率与首轮满意率',
    ]);
    expect(admin.texts().at(-3)).toContain('与上期相比：');
    expect(calls.find((c) => c.method === 'sendDocument')!.payload).toMatchObject({ multipart: true, document: expect.stringMatching(/^attach:\/\//) });

    await admin.press('本季度至今（2026Q4）');
    expect(admin.texts().at(-4)).toBe('正在生成 2026Q4 至今（截至 2026-11-05 10:00）的报告，请稍候……');
    // October's seven, and MY-2611-0001 of 1 November.
    expect(admin.texts().at(-3)).toMatch(/^📊 全区 2026Q4 办结情况\n\n受理 8 件，/);
    // A quarter is not a month's report: the monthly delivery still sends September and November.
    expect(await app.deps.prisma.reportDelivery.count({ where: { month: { in: ['2026-09', '2026-11'] } } })).toBe(0);

    // Typed as well as pressed.
    await admin.send('/report 2026q3');
    expect(admin.texts().at(-4)).toBe('正在生成 2026Q3 的报告，请稍候……');
    expect(admin.texts().at(-3)).toMatch(/^📊 全区 2026Q3 办结情况\n\n受理 3 件，/);
    await admin.send('/report 2026');
    expect(admin.texts().at(-4)).toBe('正在生成 2026 至今（截至 2026-11-05 10:00）的报告，请稍候……');
  });

  it('/report by year (en): a street admin gets this year to date and last year, of their town', async () => {
    const { street } = data.places.admins;
    await app.deps.prisma.person.update({ where: { id: street.personId }, data: { locale: 'en' } });
    const admin = app.user(street.telegramId, 'en');
    await admin.send('/report');
    expect(admin.lastText()).toBe('Which period? You can also type it, e.g. /report 2026-10, /report 2026Q3 or /report 2026.');
    expect(admin.inlineButtons()).toEqual([
      'This month to date (2026-11)', 'Last month (2026-10)', 'This quarter to date (2026Q4)', 'Last quarter (2026Q3)', 'This year to date (2026)', 'Last year (2025)',
    ]);
    await admin.press('This year to date (2026)');
    // Zhutuo's P2 (September), MY-2610-0004 and MY-2610-0005.
    expect(admin.texts().slice(-4)).toEqual([
      'Preparing the report for 2026 to date (as of 2026-11-05 10:00)…',
      expect.stringMatching(/^📊 Zhutuo closure report, 2026\n\nReceived 3, closed /),
      'Zhutuo closure report, 2026 (spreadsheet)',
      'Zhutuo, 2026: closure and first-round satisfaction by street or town',
    ]);
    expect(admin.texts().at(-3)).toContain('Against the previous period:');
    await admin.press('Last year (2025)');
    expect(admin.texts().at(-4)).toBe('Preparing the report for 2025…');
    expect(admin.texts().at(-3)).toMatch(/^📊 Zhutuo closure report, 2025\n\nReceived 0, closed 0/);
    expect(admin.texts().at(-3)).toContain('No recurring issue in this period.');
    await app.deps.prisma.person.update({ where: { id: street.personId }, data: { locale: 'zh-CN' } });
  });

  it('/report YYYY-MM of the month under way gives it to date (en)', async () => {
    const admin = app.user(data.places.admins.street.telegramId, 'en');
    await app.deps.prisma.person.update({ where: { id: data.places.admins.street.personId }, data: { locale: 'en' } });
    await admin.send('/report 2026-11');
    expect(admin.texts().at(-4)).toBe('Preparing the report for 2026-11 to date (as of 2026-11-05 10:00)…');
    expect(admin.texts().at(-3)).toContain('Zhutuo closure report, 2026-11');
    await admin.send('/report 2026-12');
    expect(admin.lastText()).toBe('There is no report for 2026-12 yet: choose 2026-11 or an earlier month.');
    await app.deps.prisma.person.update({ where: { id: data.places.admins.street.personId }, data: { locale: 'zh-CN' } });
  });

  it('the chart is legible on a phone: at least 1280 px wide, one row per street', async () => {
    const report = await buildMonthlyReport(app.deps, { month: '2026-10' });
    const { chart } = await renderAttachments(report, localeT(app.deps.translate, 'zh-CN'), 'zh-CN');
    const png = decodePng(chart.data);
    expect(png.width).toBeGreaterThanOrEqual(1280);
    expect(report.breakdowns.street.length).toBeGreaterThan(1);
    expect(png.height).toBe(chartHeight(report.breakdowns.street.length));
    expect(chartHeight(report.breakdowns.street.length + 1) - png.height).toBeGreaterThanOrEqual(80);
  });

  it('/report gives a district admin the last complete month: summary, spreadsheet, chart', async () => {
    const admin = app.user(data.places.admins.district.telegramId);
    const calls = await admin.send('/report 2026-10');
    const methods = calls.map((c) => c.method).filter((m) => m !== 'sendChatAction');
    expect(methods).toEqual(['sendMessage', 'sendMessage', 'sendDocument', 'sendPhoto']);
    expect(admin.texts().at(-4)).toContain('2026-10');
    expect(admin.texts().at(-3)).toContain('办结率 42.86% (3/7)');
    // Uploaded as multipart files (the fake records the attachment reference).
    const document = calls.find((c) => c.method === 'sendDocument')!.payload;
    expect(document).toMatchObject({ multipart: true, document: expect.stringMatching(/^attach:\/\//), caption: '全区 2026-10 月度办结情况（表格）' });
    const photo = calls.find((c) => c.method === 'sendPhoto')!.payload;
    expect(photo).toMatchObject({ multipart: true, photo: expect.stringMatching(/^attach:\/\//), caption: '全区 2026-10 各街道（镇）办结率与首轮满意率' });
  });

  it('/report YYYY-MM gives a street admin their town only, in their language', async () => {
    const admin = app.user(data.places.admins.street.telegramId, 'en');
    await app.deps.prisma.person.update({ where: { id: data.places.admins.street.personId }, data: { locale: 'en' } });
    await admin.send('/report 2026-10');
    const summary = admin.texts().at(-3)!;
    expect(summary).toContain('Zhutuo closure report, 2026-10');
    expect(summary).toContain('Received 2, closed 0');
    expect(summary).toContain('MY-2610-0005: 8 days overdue');
    expect(summary).not.toContain('MY-2608-0001'); // street A's case
  });

  it('/report refuses others politely and explains a bad month', async () => {
    const resident = app.user(data.places.admins.resident.telegramId);
    await resident.send('/report');
    expect(resident.lastText()).toBe('抱歉，月度报告只提供给区人大常委会和街道（镇）的管理员。');
    const admin = app.user(data.places.admins.district.telegramId);
    await admin.send('/report 10/2026');
    expect(admin.lastText()).toBe('无法识别的时期：“10/2026”。请输入月份、季度或年份，例如 /report 2026-10、/report 2026Q3 或 /report 2026。');
    await admin.send('/report 2026-12');
    expect(admin.lastText()).toBe('还不能生成 2026-12 的报告：请选择 2026-11 或更早的月份。');
  });

  it('delivers once per admin per month, whether asked for or scheduled: the ledger', async () => {
    const { district, street } = data.places.admins;
    // Both admins asked for October with /report (the tests above): the scheduled run leaves them out.
    expect((await app.deps.prisma.reportDelivery.findMany({ where: { month: '2026-10' }, orderBy: { personId: 'asc' } })).map((r) => [r.personId, r.scope, r.via])).toEqual(
      [
        [district.personId, 'district', 'on-demand'],
        [street.personId, `street-${data.places.townB}`, 'on-demand'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    // A newly invited street admin of the same town, who reads English, has not had it.
    const newcomer = await app.deps.prisma.person.create({ data: { telegramId: 99_001n, chatId: 99_001n, locale: 'en', consentedAt: app.clock.now() } });
    await app.deps.prisma.staffRole.create({ data: { personId: newcomer.id, kind: 'STREET_ADMIN', regionId: data.places.townB } });
    const first = await deliverMonthlyReports(app.deps, { month: '2026-10' });
    expect(first).toEqual({ recipients: 3, enqueued: 3 });
    const second = await deliverMonthlyReports(app.deps, { month: '2026-10' });
    expect(second).toEqual({ recipients: 3, enqueued: 0 });
    // Given a second street later, they get that street's month, not the first one's again.
    const other = await app.deps.prisma.region.findFirstOrThrow({ where: { kind: { in: ['STREET', 'TOWN'] }, id: { not: data.places.townB } } });
    const extra = await app.deps.prisma.staffRole.create({ data: { personId: newcomer.id, kind: 'STREET_ADMIN', regionId: other.id } });
    const third = await deliverMonthlyReports(app.deps, { month: '2026-10' });
    expect(third).toEqual({ recipients: 3, enqueued: 3 });
    await app.deps.prisma.staffRole.deleteMany({ where: { personId: newcomer.id } });
    const rows = await app.deps.prisma.notification.findMany({ where: { dedupeKey: { startsWith: 'report:2026-10:' } }, orderBy: { id: 'asc' } });
    const townKey = `street-${data.places.townB}`;
    const fileKind = (payload: unknown) => (payload as NotificationMessage).file?.kind ?? 'text';
    expect(rows.map((r) => [r.dedupeKey, fileKind(r.payload)])).toEqual([
      [`report:2026-10:person:${newcomer.id}:${townKey}:summary`, 'text'],
      [`report:2026-10:person:${newcomer.id}:${townKey}:xlsx`, 'document'],
      [`report:2026-10:person:${newcomer.id}:${townKey}:chart`, 'photo'],
      [`report:2026-10:person:${newcomer.id}:street-${extra.regionId}:summary`, 'text'],
      [`report:2026-10:person:${newcomer.id}:street-${extra.regionId}:xlsx`, 'document'],
      [`report:2026-10:person:${newcomer.id}:street-${extra.regionId}:chart`, 'photo'],
    ]);
    const [summary, xlsx, chart] = rows.slice(0, 3).map((r) => r.payload as unknown as NotificationMessage);
    expect(String(summary!.vars!.text)).toContain('Received 2, closed 0'); // the street admin reads English
    expect(xlsx!.file).toEqual({ path: join(dataDir, 'reports', '2026-10', `minyi-2026-10-street-${data.places.townB}-en.xlsx`), filename: `minyi-2026-10-street-${data.places.townB}-en.xlsx`, kind: 'document' });
    expect((await readFile(xlsx!.file!.path)).subarray(0, 2).toString()).toBe('PK');
    expect((await readFile(chart!.file!.path)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(app.deps.translate('en', xlsx!.key, xlsx!.vars)).toBe('Zhutuo closure report, 2026-10 (spreadsheet)');
  });

  it.each(['in-process', 'bullmq'] as const)('runs as a repeatable job on the 1st at REPORT_HOUR (%s queue)', async (driver) => {
    const definition = monthlyReportJob(app.deps.config);
    expect(definition.repeat).toEqual({ cron: '0 8 1 * *', timeZone: 'Asia/Shanghai' });
    app.clock.set(new Date('2026-12-01T00:00:00Z')); // 08:00 on 1 December in Shanghai: November's report
    const queue = createJobQueue(app.deps, [definition], driver === 'bullmq' ? { redisUrl: 'redis://127.0.0.1:6379', prefix: `minyi-test-${randomBytes(4).toString('hex')}` } : { redisUrl: undefined });
    try {
      await queue.runDueNow();
      await queue.runDueNow(); // a restart runs it again: nothing new
    } finally {
      await queue.stop();
    }
    const november = await app.deps.prisma.notification.count({ where: { dedupeKey: { startsWith: 'report:2026-11:' } } });
    expect(november).toBe(6);
    await app.deps.prisma.notification.deleteMany({ where: { dedupeKey: { startsWith: 'report:2026-11:' } } });
    await app.deps.prisma.reportDelivery.deleteMany({ where: { month: '2026-11' } });
  });
});

/** Decodes a PNG far enough to trust its size: the IHDR header, and the inflated IDAT holding exactly height rows of width pixels. */
function decodePng(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let offset = 8; offset < data.length; ) {
    const length = data.readUInt32BE(offset);
    const type = data.subarray(offset + 4, offset + 8).toString('latin1');
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect(body[8]).toBe(8); // bit depth
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[body[9]!]!;
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (1 + width * channels));
  return { width, height };
}
