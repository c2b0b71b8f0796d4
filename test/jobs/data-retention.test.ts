// The retention period of the privacy notice: the nightly job erases exactly the residents
// whose DATA_RETENTION_MONTHS have run out, keeps their anonymised opinions, and leaves
// alone anyone with an open case, a recent case, a recent change or a staff role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/deps.js';
import { retentionCutoff } from '../../src/domain/residents/retention.js';
import { seedDemoDistrict } from '../../src/domain/seed/demo-district.js';
import type { OpinionStage } from '../../src/generated/prisma/client.js';
import { dataRetentionJob } from '../../src/jobs/definitions/data-retention.js';
import { createJobQueue } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/logger.js';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/database.js';

const now = new Date('2026-11-24T02:00:00Z');
const monthsAgo = (months: number) => retentionCutoff(now, months);

describe('retentionCutoff', () => {
  it('goes back whole calendar months', () => {
    expect(retentionCutoff(new Date('2026-11-24T02:00:00Z'), 36).toISOString()).toBe('2023-11-24T02:00:00.000Z');
    expect(retentionCutoff(new Date('2026-03-15T00:00:00Z'), 1).toISOString()).toBe('2026-02-15T00:00:00.000Z');
  });
});

describe.each(backends)('the data-retention job on %s', (backend) => {
  let db: TestDatabase;
  let deps: AppDeps;

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    deps = await createDeps(loadConfig({ LOG_LEVEL: 'silent', DATA_RETENTION_MONTHS: '36' }), { db, clock: new ManualClock(now), logger: createLogger('silent') });
    await seedDemoDistrict(deps.prisma, { now: monthsAgo(48) });
  });
  afterAll(() => db.destroy());

  let n = 0;
  async function resident(options: { lastTouched: Date; opinion?: { stage: OpinionStage; closedAt: Date | null } }) {
    n += 1;
    const person = await deps.prisma.person.create({
      data: {
        telegramId: BigInt(900_000 + n),
        chatId: BigInt(900_000 + n),
        displayName: `居民${n}`,
        phone: `1380000${String(n).padStart(4, '0')}`,
        consentedAt: monthsAgo(40),
        createdAt: monthsAgo(40),
        updatedAt: options.lastTouched,
      },
    });
    if (options.opinion) {
      const station = await deps.prisma.station.findUniqueOrThrow({ where: { code: 'YP-STATION' } });
      const category = await deps.prisma.category.findFirstOrThrow();
      await deps.prisma.opinion.create({
        data: {
          trackingNo: `RET-${n}`,
          residentId: person.id,
          stationId: station.id,
          categoryId: category.id,
          text: '楼道灯坏了很久。',
          contactName: `居民${n}`,
          contactPhone: person.phone,
          ...options.opinion,
        },
      });
    }
    return person.id;
  }

  it('erases the residents past the period and no one else', async () => {
    const old = monthsAgo(40);
    const expired = {
      closedLongAgo: await resident({ lastTouched: old, opinion: { stage: 'CLOSED', closedAt: monthsAgo(37) } }),
      neverSubmitted: await resident({ lastTouched: old }),
    };
    const kept = {
      stillOpen: await resident({ lastTouched: old, opinion: { stage: 'HANDLING', closedAt: null } }),
      closedRecently: await resident({ lastTouched: old, opinion: { stage: 'CLOSED', closedAt: monthsAgo(35) } }),
      changedLanguageRecently: await resident({ lastTouched: monthsAgo(2) }),
      staff: await resident({ lastTouched: old }),
    };
    const station = await deps.prisma.station.findUniqueOrThrow({ where: { code: 'YP-STATION' } });
    await deps.prisma.staffRole.create({ data: { personId: kept.staff, kind: 'LIAISON_OFFICER', stationId: station.id } });

    const queue = createJobQueue(deps, [dataRetentionJob(deps.config)], { redisUrl: undefined });
    await queue.runDueNow();

    for (const id of Object.values(expired)) {
      const person = await deps.prisma.person.findUniqueOrThrow({ where: { id }, include: { opinions: true } });
      expect(person).toMatchObject({ telegramId: null, chatId: null, displayName: null, phone: null, erasedAt: now });
      for (const opinion of person.opinions) expect(opinion).toMatchObject({ contactName: null, contactPhone: null, text: '楼道灯坏了很久。' });
    }
    for (const id of Object.values(kept)) {
      const person = await deps.prisma.person.findUniqueOrThrow({ where: { id } });
      expect(person.erasedAt).toBeNull();
      expect(person.displayName).not.toBeNull();
    }
    // The seeded staff and anyone else stay as they were.
    expect(await deps.prisma.person.count({ where: { erasedAt: { not: null } } })).toBe(2);

    // Repeating finds nothing more.
    await queue.runDueNow();
    expect(await deps.prisma.person.count({ where: { erasedAt: { not: null } } })).toBe(2);
  });
});
