// From chat: an admin sends the spreadsheet, reads the dry-run summary and confirms; a street
// admin's rows outside their street are refused.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportNetwork } from '../../src/domain/network/export.js';
import { DEMO_PERSONAS, seedDemoDistrict } from '../../src/domain/seed/demo-district.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

describe('network import from chat', { timeout: 120_000 }, () => {
  let app: TestApp;
  let dir: string;
  /** What Telegram's file server hands out for the document the user sent. */
  let served: Buffer = Buffer.alloc(0);
  beforeAll(async () => {
    app = await createTestApp({ backend: 'postgres' });
    await seedDemoDistrict(app.deps.prisma, { now: app.clock.now() });
    dir = await mkdtemp(join(tmpdir(), 'minyi-bot-import-'));
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) =>
      String(input).includes('/file/bot') ? new Response(new Uint8Array(served)) : realFetch(input, init),
    );
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** The current network with rows added to some sheets, as the office edits the export. */
  async function editedExport(additions: Record<string, (string | number)[][]>): Promise<Buffer> {
    const path = join(dir, 'network.xlsx');
    await exportNetwork(app.deps.prisma, path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    for (const [prefix, rows] of Object.entries(additions)) {
      const sheet = workbook.worksheets.find((candidate) => candidate.name.startsWith(prefix))!;
      for (const row of rows) sheet.addRow(row);
    }
    await workbook.xlsx.writeFile(path);
    return readFile(path);
  }

  it('a district admin sees the dry run, confirms, and gets the invitations', async () => {
    served = await editedExport({
      站点: [['NEW-POINT', '民情联络点 POINT', '新联络点', 'New Point', 'YC-ZSL-YP', 'ZSL-HOME', '地址', 'Address', 29.36, 105.92, '每天', 'Daily']],
      人员: [['NEW-OFFICER', '钱七', '民情联络员 LIAISON_OFFICER', 'NEW-POINT']],
    });
    const admin = app.user(DEMO_PERSONAS.districtAdmin.telegramId);
    await admin.sendDocument('doc-1', 'network.xlsx');
    const summary = admin.texts().join('\n');
    expect(summary).toContain('试导入：未写入任何内容');
    expect(summary).toContain('站点 Stations：新增 1，修改 0，停用 0。');
    expect(summary).toContain('新增：NEW-POINT');
    expect(await app.deps.prisma.station.count({ where: { code: 'NEW-POINT' } })).toBe(0);

    const calls = await admin.press('确认导入');
    expect(admin.texts().join('\n')).toContain('已导入');
    expect(await app.deps.prisma.station.count({ where: { code: 'NEW-POINT', active: true } })).toBe(1);
    const invitation = await app.deps.prisma.staffInvitation.findFirstOrThrow({ where: { person: { displayName: '钱七' } } });
    expect(invitation.kind).toBe('LIAISON_OFFICER');
    expect(calls.some((call) => call.method === 'sendDocument')).toBe(true);

    // The pending import is used up: the button of the same summary applies nothing twice.
    await admin.press('确认导入').catch(() => undefined);
    expect(admin.lastText()).toContain('此导入已失效');

    // The invitation binds the imported person (and their role) to the Telegram account that accepts it.
    const newcomer = app.user(71234, 'zh-hans', 'Qian');
    await newcomer.send(`/join ${invitation.code}`);
    const person = await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: 71234n }, include: { roles: true } });
    expect(person.displayName).toBe('钱七');
    expect(person.roles.map((role) => role.code)).toEqual(['NEW-OFFICER']);
  });

  it('a street admin can import only within their street', async () => {
    served = await editedExport({});
    const streetAdmin = app.user(DEMO_PERSONAS.streetAdmin.telegramId);
    await streetAdmin.sendDocument('doc-2', 'network.xlsx');
    const reply = streetAdmin.texts().join('\n');
    expect(reply).toContain('未写入任何内容');
    expect(reply).toMatch(/站点 Stations，第 \d+ 行，第 E 列（所在区域编号 Region code）：“YC-ZT-HD”不在您管理的范围之内。/);
    expect(streetAdmin.inlineButtons()).not.toContain('确认导入');
  });
});
