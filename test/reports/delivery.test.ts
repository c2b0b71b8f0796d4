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

  it('/report gives a district admin the last complete month: summary, spreadsheet, chart', async () => {
    const admin = app.user(data.places.admins.district.telegramId);
    const calls = await admin.send('/report');
    const methods = calls.map((c) => c.method).filter((m) => m !== 'sendChatAction');
    expect(methods).toEqual(['sendMessage', 'sendMessage', 'sendDocument', 'sendPhoto']);
    expect(admin.texts()[0]).toContain('2026-10');
    expect(admin.texts()[1]).toContain('办结率 42.86% (3/7)');
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
    const summary = admin.texts()[1]!;
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
    expect(admin.lastText()).toBe('月份格式不对：“10/2026”。请按“年-月”输入，例如 /report 2026-10。');
    await admin.send('/report 2026-11');
    expect(admin.lastText()).toBe('2026-11 还没有结束，暂时不能出报告：请选择 2026-10 或更早的月份。');
  });

  it('delivers once per admin per month: summary, spreadsheet and chart files, even when run twice', async () => {
    const first = await deliverMonthlyReports(app.deps, { month: '2026-10' });
    expect(first).toEqual({ recipients: 2, enqueued: 6 });
    const second = await deliverMonthlyReports(app.deps, { month: '2026-10' });
    expect(second).toEqual({ recipients: 2, enqueued: 0 });
    const rows = await app.deps.prisma.notification.findMany({ where: { dedupeKey: { startsWith: 'report:2026-10:' } }, orderBy: { id: 'asc' } });
    const { district, street } = data.places.admins;
    const fileKind = (payload: unknown) => (payload as NotificationMessage).file?.kind ?? 'text';
    expect(rows.map((r) => [r.dedupeKey, fileKind(r.payload)])).toEqual([
      [`report:2026-10:person:${district.personId}:summary`, 'text'],
      [`report:2026-10:person:${district.personId}:xlsx`, 'document'],
      [`report:2026-10:person:${district.personId}:chart`, 'photo'],
      [`report:2026-10:person:${street.personId}:summary`, 'text'],
      [`report:2026-10:person:${street.personId}:xlsx`, 'document'],
      [`report:2026-10:person:${street.personId}:chart`, 'photo'],
    ]);
    const [summary, xlsx, chart] = rows.slice(3).map((r) => r.payload as unknown as NotificationMessage);
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
  });
});
