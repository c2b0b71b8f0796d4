import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { exportNetwork } from '../../src/domain/network/export.js';
import { importNetwork, type ImportResult } from '../../src/domain/network/import.js';
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
});
