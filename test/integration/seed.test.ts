import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS, seedDemoDistrict } from '../../src/domain/seed/demo-district.js';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/database.js';

describe.each(backends)('demo district seed on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.destroy());

  it('loads a realistic district, and a second run changes nothing', async () => {
    const now = new Date('2026-11-23T01:00:00Z');
    await seedDemoDistrict(db.prisma, { now });
    const count = async () => ({
      regions: await db.prisma.region.count(),
      streetsAndTowns: await db.prisma.region.count({ where: { kind: { in: ['STREET', 'TOWN'] } } }),
      homes: await db.prisma.station.count({ where: { tier: 'HOME' } }),
      stations: await db.prisma.station.count({ where: { tier: 'STATION' } }),
      points: await db.prisma.station.count({ where: { tier: 'POINT' } }),
      categories: await db.prisma.category.count(),
      agencies: await db.prisma.agency.count(),
      roles: await db.prisma.staffRole.count(),
      receptionDays: await db.prisma.receptionDay.count(),
      templates: await db.prisma.replyTemplate.count(),
    });
    const first = await count();
    expect(first).toMatchObject({ streetsAndTowns: 3, homes: 1, stations: 4, points: 3, categories: 10, agencies: 5 });
    await seedDemoDistrict(db.prisma, { now });
    expect(await count()).toEqual(first);

    const officer = await db.prisma.person.findUnique({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) }, include: { roles: true } });
    expect(officer?.roles.map((r) => r.kind)).toContain('LIAISON_OFFICER');
    // Reception days are in the coming weeks, in office hours (Shanghai = UTC+8).
    const next = await db.prisma.receptionDay.findFirst({ orderBy: { startsAt: 'asc' } });
    expect(next!.startsAt.getTime()).toBeGreaterThan(now.getTime() - 86_400_000);
    expect([1, 6]).toContain(next!.startsAt.getUTCHours());
  });
});
