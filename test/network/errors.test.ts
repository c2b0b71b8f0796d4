// A hand-made file with one error of each kind: every error is named with its sheet, row and
// column, in the reader's language, and nothing is written.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { importNetwork } from '../../src/domain/network/import.js';
import { headerText, SHEETS, type SheetKind } from '../../src/domain/network/sheets.js';
import { describeImport } from '../../src/domain/network/summary.js';
import { DEMO_PERSONAS, seedDemoDistrict } from '../../src/domain/seed/demo-district.js';
import { createTranslate } from '../../src/i18n/index.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';

/** A file as an office would make it in Excel: headers in the template's words, rows by hand. */
async function handMadeFile(path: string, rows: Partial<Record<SheetKind, (string | number)[][]>>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [kind, spec] of Object.entries(SHEETS)) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.addRow(spec.columns.map(headerText));
    for (const row of rows[kind as SheetKind] ?? []) sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(path);
}

const station = (code: string, region: string, latitude: string | number = 29.36) =>
  [code, '代表活动站 STATION', `${code} 站`, `${code} station`, region, 'ZSL-HOME', '地址', 'Address', latitude, 105.92, '周一至周五', 'Mon–Fri'];

describe('a hand-made file with one error of each kind', () => {
  let db: TestDatabase;
  let dir: string;
  const clock = new ManualClock(new Date('2026-11-23T01:00:00Z'));
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    dir = await mkdtemp(join(tmpdir(), 'minyi-network-errors-'));
    await seedDemoDistrict(db.prisma, { now: clock.now() });
  });
  afterAll(async () => {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('names each error with sheet, row and column, in Chinese and English, and writes nothing', async () => {
    const file = join(dir, 'errors.xlsx');
    await handMadeFile(file, {
      regions: [['YC-ZSL-NEW', '社区 COMMUNITY', '新社区', 'New Community', 'YC-NOPE']],
      stations: [
        ['ZSL-HOME', '代表之家 HOME', '中山路街道代表之家', 'Zhongshanlu Home', 'YC-ZSL', '', '地址', 'Address', 29.35, 105.92, '周一至周五', 'Mon–Fri'],
        station('NEW-1', 'YC-ZSL-YP', '29,36'),
        station('NEW-2', 'YC-ZSL-YP'),
        station('NEW-2', 'YC-ZSL-XH'),
        station('NEW-3', 'YC-ZT-HD'),
      ],
      staff: [
        ['S-1', '钱七', 'MAYOR', 'NEW-2'],
        ['S-2', '孙八', '人大代表 REPRESENTATIVE', 'NEW-2'],
      ],
      receptionDays: [['NEW-2', 'S-2', '2027-02-30', '09:00', '11:00']],
    });
    const streetAdmin = await db.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.streetAdmin.telegramId) } });
    const stationsBefore = await db.prisma.station.findMany({ orderBy: { id: 'asc' } });

    const result = await importNetwork({ db, prisma: db.prisma, clock, config: loadConfig({ LOG_LEVEL: 'silent' }) }, { file, dryRun: false, actorId: streetAdmin.id });
    if (result.ok) throw new Error('the import should have been refused');
    expect(result.issues.map(({ sheet, row, columnLetter, key }) => [sheet, row, columnLetter, key])).toEqual([
      ['regions', 2, 'E', 'import-error-unknown-street'],
      ['stations', 3, 'I', 'import-error-bad-coordinate'],
      ['stations', 5, 'A', 'import-error-duplicate-code'],
      ['stations', 6, 'E', 'import-error-outside-scope'],
      ['staff', 2, 'C', 'import-error-unknown-role'],
      ['receptionDays', 2, 'C', 'import-error-bad-date'],
    ]);
    expect(result.issueCount).toBe(6);
    expect(await db.prisma.station.findMany({ orderBy: { id: 'asc' } })).toEqual(stationsBefore);

    const translate = createTranslate();
    const zh = describeImport((key, vars) => translate('zh-CN', key, vars), result);
    expect(zh[0]).toContain('6 处错误');
    expect(zh).toContain('区域 Regions，第 2 行，第 E 列（上级区域编号 Parent code）：未知的街道或镇“YC-NOPE”：区域表和数据库中都没有。');
    expect(zh.join('\n')).toContain('站点 Stations，第 5 行，第 A 列（站点编号 Station code）：“NEW-2”重复（首次出现在第 4 行）。');
    const en = describeImport((key, vars) => translate('en', key, vars), result).join('\n');
    expect(en).toContain('站点 Stations, row 3, column I (纬度 Latitude): “29,36” is not a valid coordinate');
    expect(en).toContain('人员 Staff, row 2, column C (角色 Role): unknown role “MAYOR”');
    expect(en).toContain('站点 Stations, row 6, column E (所在区域编号 Region code): “YC-ZT-HD” lies outside the part of the network you manage.');
    expect(en).toContain('接待日 Reception days, row 2, column C (日期 Date (YYYY-MM-DD)): “2027-02-30” is not a valid date (YYYY-MM-DD).');
  });
});
