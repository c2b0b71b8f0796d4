// A small world for the workflow tests: the demo district, a few residents, and
// opinions created as submitOpinion leaves them (COLLECTED event, ACKNOWLEDGE deadline).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createOutboxSignal } from '../../../src/delivery/signal.js';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import type { DatabaseKind } from '../../../src/db/database.js';
import { WorkingCalendar } from '../../../src/domain/calendar/index.js';
import type { DomainDeps } from '../../../src/domain/deps.js';
import { openDeadline } from '../../../src/domain/opinions/deadlines.js';
import type { Actor } from '../../../src/domain/opinions/lifecycle.js';
import { DEMO_PERSONAS, seedDemoDistrict } from '../../../src/domain/seed/demo-district.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/database.js';

/** Monday 2026-11-23, 09:00 in Shanghai. */
export const START = new Date('2026-11-23T01:00:00Z');

export interface World {
  db: TestDatabase;
  deps: DomainDeps;
  clock: ManualClock;
  /** Person ids. */
  people: {
    resident: number;
    neighbour: number;
    blockedResident: number;
    officer: number;
    secondOfficer: number;
    otherOfficer: number;
    agencyHandler: number;
    otherAgencyHandler: number;
    streetAdmin: number;
    otherStreetAdmin: number;
    districtAdmin: number;
    representative: number;
  };
  stations: Record<'yuping' | 'xinglonghu' | 'elsewhere', number>;
  agencies: Record<'urban' | 'transport' | 'closed', number>;
  categories: Record<'roads' | 'environment', number>;
  createOpinion(options?: { station?: number; resident?: number; shareContact?: boolean; text?: string }): Promise<number>;
}

export const person = (personId: number): Actor => ({ kind: 'person', personId });
export const system: Actor = { kind: 'system' };

/**
 * One world per test file and backend: created before the tests, destroyed after them;
 * with `resetClock`, the clock is back at START before each test.
 */
export function useWorld(kind: DatabaseKind, ready: (world: World) => void, { resetClock = false } = {}): void {
  let world: World | undefined;
  beforeAll(async () => {
    world = await createWorld(kind);
    ready(world);
  });
  afterAll(async () => {
    await world?.db.destroy();
  });
  if (resetClock) beforeEach(() => world!.clock.set(START));
}

export async function createWorld(kind: DatabaseKind): Promise<World> {
  const db = await openTestDatabase(kind);
  const clock = new ManualClock(START);
  const deps: DomainDeps = {
    prisma: db.prisma,
    clock,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    calendar: WorkingCalendar.fromFile(),
    stagePolicies: [],
    outbox: createOutboxSignal({ logger: createLogger('silent') }),
  };
  const prisma = db.prisma;
  await seedDemoDistrict(prisma, { now: START });
  const byTelegram = async (telegramId: number) => (await prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(telegramId) } })).id;
  const station = async (code: string) => (await prisma.station.findUniqueOrThrow({ where: { code } })).id;
  const agency = async (code: string) => (await prisma.agency.findUniqueOrThrow({ where: { code } })).id;
  const category = async (code: string) => (await prisma.category.findUniqueOrThrow({ where: { code } })).id;
  const resident = async (telegramId: number, extra: { blockedAt?: Date; locale?: string } = {}) =>
    (await prisma.person.create({ data: { telegramId: BigInt(telegramId), chatId: BigInt(telegramId), consentedAt: START, displayName: `R${telegramId}`, ...extra } })).id;

  const yuping = await station('YP-STATION');
  const secondOfficer = await resident(20101);
  await prisma.staffRole.create({ data: { personId: secondOfficer, kind: 'LIAISON_OFFICER', stationId: yuping } });
  // Another district, for merges that must stay within one.
  const otherDistrict = await prisma.region.create({ data: { code: 'T-OTHER', kind: 'DISTRICT', nameZh: '他区', nameEn: 'Other district' } });
  const elsewhere = await prisma.station.create({
    data: {
      code: 'T-OTHER-ST', tier: 'STATION', nameZh: '他区站', nameEn: 'Other station', regionId: otherDistrict.id, addressZh: '地址', addressEn: 'Address',
      latitude: 30, longitude: 106, openingHoursZh: '周一', openingHoursEn: 'Mon',
    },
  });
  const closedAgency = await prisma.agency.create({ data: { code: 'T-CLOSED', nameZh: '撤销单位', nameEn: 'Dissolved agency', active: false } });

  const world: World = {
    db,
    deps,
    clock,
    people: {
      resident: await resident(DEMO_PERSONAS.resident.telegramId),
      neighbour: await resident(10002, { locale: 'en' }),
      blockedResident: await resident(10003, { blockedAt: START }),
      officer: await byTelegram(DEMO_PERSONAS.officer.telegramId),
      secondOfficer,
      otherOfficer: await byTelegram(20002),
      agencyHandler: await byTelegram(DEMO_PERSONAS.agencyHandler.telegramId),
      otherAgencyHandler: await byTelegram(30002),
      streetAdmin: await byTelegram(DEMO_PERSONAS.streetAdmin.telegramId),
      otherStreetAdmin: await byTelegram(40002),
      districtAdmin: await byTelegram(DEMO_PERSONAS.districtAdmin.telegramId),
      representative: await byTelegram(60001),
    },
    stations: { yuping, xinglonghu: await station('XLH-STATION'), elsewhere: elsewhere.id },
    agencies: { urban: await agency('URBAN-MGMT'), transport: await agency('TRANSPORT'), closed: closedAgency.id },
    categories: { roads: await category('roads-traffic'), environment: await category('environment') },
    createOpinion: async (options = {}) => {
      const now = clock.now();
      const sequence = (await prisma.opinion.count()) + 1;
      const opinion = await prisma.opinion.create({
        data: {
          trackingNo: `MY-2611-${String(sequence).padStart(4, '0')}`,
          residentId: options.resident ?? world.people.resident,
          stationId: options.station ?? yuping,
          categoryId: world.categories.roads,
          text: options.text ?? '小区门口的路灯坏了两个星期，晚上很黑。',
          contactName: '王大爷',
          contactPhone: '13800000000',
          shareContact: options.shareContact ?? false,
          createdAt: now,
          events: { create: { type: 'COLLECTED', toStage: 'COLLECTED', actorRole: 'RESIDENT', at: now } },
        },
      });
      await openDeadline(prisma, deps, { opinionId: opinion.id, kind: 'ACKNOWLEDGE', round: 1, from: now, categoryCode: 'roads-traffic' });
      return opinion.id;
    },
  };
  return world;
}

/** Everything an action could have written about an opinion, to compare before and after a refusal. */
export async function footprint(world: World, opinionId: number) {
  const prisma = world.db.prisma;
  const [opinion, events, notifications, deadlines, evaluations] = await Promise.all([
    prisma.opinion.findUniqueOrThrow({ where: { id: opinionId } }),
    prisma.opinionEvent.count({ where: { opinionId } }),
    prisma.notification.count({ where: { opinionId } }),
    prisma.opinionDeadline.findMany({ where: { opinionId }, orderBy: { id: 'asc' } }),
    prisma.evaluation.count({ where: { opinionId } }),
  ]);
  return { opinion, events, notifications, deadlines, evaluations };
}

/** The outbox rows of an opinion, oldest first, as { personId, key, vars, action }. */
export async function outbox(world: World, opinionId?: number) {
  const rows = await world.db.prisma.notification.findMany({ where: opinionId === undefined ? {} : { opinionId }, orderBy: { id: 'asc' } });
  return rows.map((row) => {
    const payload = row.payload as { key: string; vars?: Record<string, unknown>; action?: unknown };
    return { personId: row.personId, dedupeKey: row.dedupeKey, key: payload.key, vars: payload.vars ?? {}, action: payload.action };
  });
}
