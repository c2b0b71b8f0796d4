import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { exportNetwork } from '../../src/domain/network/export.js';
import { importNetwork, type ImportResult } from '../../src/domain/network/import.js';
import { SHEETS } from '../../src/domain/network/sheets.js';
import { writeNetworkTemplate } from '../../src/domain/network/write-workbook.js';
import { seedDemoDistrict } from '../../src/domain/seed/demo-district.js';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/database.js';

function totals(result: ImportResult) {
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.issues.slice(0, 5))}`);
  return Object.fromEntries(Object.entries(result.changes).map(([sheet, c]) => [sheet, [c.added, c.changed, c.deactivated]]));
}

const unchanged = { regions: [0, 0, 0], stations: [0, 0, 0], staff: [0, 0, 0], receptionDays: [0, 0, 0], agencies: [0, 0, 0], categories: [0, 0, 0] };

describe.each(backends)('network spreadsheet on %s', (kind) => {
  let db: TestDatabase;
  let dir: string;
  const clock = new ManualClock(new Date('2026-11-23T01:00:00Z'));
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'minyi-network-'));
  });
  afterAll(async () => {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });
  const deps = () => ({ db, prisma: db.prisma, clock, config });

  it('imports the template as a one-station district, and the same file twice changes nothing', async () => {
    const template = join(dir, 'template.xlsx');
    await writeNetworkTemplate(template);
    const dry = await importNetwork(deps(), { file: template, dryRun: true });
    expect(totals(dry)).toEqual({ ...unchanged, regions: [1, 0, 0], stations: [1, 0, 0], staff: [1, 0, 0], receptionDays: [1, 0, 0], agencies: [1, 0, 0], categories: [1, 0, 0] });
    expect(await db.prisma.station.count()).toBe(0);

    const applied = await importNetwork(deps(), { file: template, dryRun: false });
    expect(totals(applied).stations).toEqual([1, 0, 0]);
    expect(applied.ok && applied.invitationsIssued).toBe(1);
    expect(await db.prisma.station.count()).toBe(1);
    const again = await importNetwork(deps(), { file: template, dryRun: false });
    expect(totals(again)).toEqual(unchanged);
    expect(again.ok && again.invitationsIssued).toBe(0);
  });

  it('round-trips: export, then import of the export, changes nothing', async () => {
    await seedDemoDistrict(db.prisma, { now: clock.now() });
    const exported = join(dir, 'export.xlsx');
    await exportNetwork(db.prisma, exported);
    const first = await importNetwork(deps(), { file: exported, dryRun: false });
    expect(totals(first)).toEqual(unchanged);
    await exportNetwork(db.prisma, exported);
    expect(totals(await importNetwork(deps(), { file: exported, dryRun: true }))).toEqual(unchanged);
  });

  it('keeps a future reception day that a reception is already linked to, when a file leaves it out', async () => {
    const future = await db.prisma.receptionDay.findMany({ where: { startsAt: { gt: clock.now() } }, include: { station: true }, orderBy: { startsAt: 'asc' }, take: 2 });
    const [held, left] = future;
    // Checked in early, before the day's start.
    await db.prisma.reception.create({ data: { stationId: held!.stationId, receptionDayId: held!.id, hostId: held!.representativeId, checkedInAt: clock.now() } });
    const file = join(dir, 'without-two-days.xlsx');
    await exportNetwork(db.prisma, file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet(SHEETS.receptionDays.name)!;
    for (const day of [held!, left!]) {
      const [date, time] = day.startsAt.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).split(' ');
      let row = 0;
      sheet.eachRow((r, n) => {
        if (r.getCell(1).text === day.station.code && r.getCell(3).text === date && r.getCell(4).text === time!.slice(0, 5)) row = n;
      });
      expect(row).toBeGreaterThan(1);
      sheet.spliceRows(row, 1);
    }
    await workbook.xlsx.writeFile(file);
    expect(totals(await importNetwork(deps(), { file, dryRun: false })).receptionDays).toEqual([0, 0, 1]);
    expect(await db.prisma.receptionDay.findUnique({ where: { id: held!.id } })).not.toBeNull();
    expect(await db.prisma.receptionDay.findUnique({ where: { id: left!.id } })).toBeNull();
  });
});
