// Receptions in the domain, on both backends: check-in rules, residents received,
// opinions recorded on a resident's behalf (channel, recorder, reception), and who may
// answer them on the spot; on PostgreSQL, simultaneous check-ins with one winner.
import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../../src/db/database.js';
import { DomainError } from '../../../src/domain/errors.js';
import { applyOpinionAction } from '../../../src/domain/opinions/apply-action.js';
import { submitOpinion } from '../../../src/domain/opinions/submit-opinion.js';
import { checkIn, checkOut, countResidentsReceived, currentReception, leaderReceptionStations, listReceptionDays, recordOpinion } from '../../../src/domain/receptions/receptions.js';
import { backends } from '../../helpers/database.js';
import { useWorld, person, type World } from './fixtures.js';

/** Thursday 2026-11-26, 14:00 in Shanghai. */
const THURSDAY = new Date('2026-11-26T06:00:00Z');

describe.each(backends)('receptions on %s', (kind) => {
  let world: World;
  let p: World['people'];
  useWorld(kind, (ready) => {
    world = ready;
    p = ready.people;
  });

  async function expectRefused(promise: Promise<unknown>, code: DomainError['code'], key?: string) {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    if (key) expect((error as DomainError).key).toBe(key);
  }

  it('check in only on the day, on one’s own day, once; count never below zero; record, answer on the spot, check out', async () => {
    world.clock.set(new Date('2026-11-23T01:00:00Z'));
    const days = await listReceptionDays(world.deps, { personId: p.representative });
    const thursday = days.find((day) => day.stationId === world.stations.yuping)!;
    expect(thursday.startsAt.toISOString()).toBe('2026-11-26T06:30:00.000Z');
    await expectRefused(checkIn(world.deps, { personId: p.representative, receptionDayId: thursday.id }), 'validation', 'error-reception-not-today');
    world.clock.set(THURSDAY);
    await expectRefused(checkIn(world.deps, { personId: p.officer, receptionDayId: thursday.id }), 'not-found', 'error-reception-day-unknown');
    await expectRefused(checkIn(world.deps, { personId: p.officer, stationId: world.stations.yuping, kind: 'STATION' }), 'forbidden');
    await expectRefused(checkIn(world.deps, { personId: p.representative, stationId: world.stations.yuping, kind: 'LEADER' }), 'forbidden');
    const reception = await checkIn(world.deps, { personId: p.representative, receptionDayId: thursday.id });
    expect(reception).toMatchObject({ kind: 'STATION', stationId: world.stations.yuping, receptionDayId: thursday.id, checkedInAt: THURSDAY });
    await expectRefused(checkIn(world.deps, { personId: p.representative, stationId: world.stations.yuping, kind: 'STATION' }), 'validation', 'error-reception-already-open');

    await expectRefused(countResidentsReceived(world.deps, { personId: p.representative, receptionId: reception.id, delta: -1 }), 'validation', 'error-reception-count');
    expect(await countResidentsReceived(world.deps, { personId: p.representative, receptionId: reception.id, delta: 1 })).toBe(1);
    await expectRefused(countResidentsReceived(world.deps, { personId: p.officer, receptionId: reception.id, delta: 1 }), 'not-found');

    const { opinion } = await recordOpinion(world.deps, {
      personId: p.representative, where: { receptionId: reception.id }, categoryId: world.categories.roads, text: '路口红绿灯时间太短，老人过不去。', residentId: p.resident, locale: 'zh-CN',
    });
    const recorded = await world.db.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id } });
    expect(recorded).toMatchObject({ channel: 'RECEPTION', recordedById: p.representative, receptionId: reception.id, residentId: p.resident, stationId: world.stations.yuping });
    expect((await currentReception(world.deps, { personId: p.representative }))!.opinions).toBe(1);

    // Another representative may not answer it; the one who recorded it may.
    const other = (await world.db.prisma.person.findUniqueOrThrow({ where: { telegramId: 60003n } })).id;
    await expectRefused(applyOpinionAction(world.deps, { opinionId: opinion.id, actor: person(other), action: { type: 'answer', text: '好' } }), 'forbidden');
    const answered = await applyOpinionAction(world.deps, { opinionId: opinion.id, actor: person(p.representative), action: { type: 'answer', text: '已向交警反映，将延长绿灯时间。' } });
    expect(answered.opinion).toMatchObject({ stage: 'FEEDBACK', disposition: 'ON_THE_SPOT' });
    expect(answered.events.map((event) => event.actorRole)).toEqual(['REPRESENTATIVE', 'REPRESENTATIVE', 'REPRESENTATIVE']);
    // What they did not record stays the officers' to answer.
    // (Numbers from submitOpinion's counter only: the fixture's createOpinion numbers by count.)
    const chat = await submitOpinion(world.deps, { residentId: p.resident, stationId: world.stations.yuping, categoryId: world.categories.roads, text: '网上反映的路面坑洼问题。', shareContact: false, locale: 'zh-CN' });
    await expectRefused(applyOpinionAction(world.deps, { opinionId: chat.opinion.id, actor: person(p.representative), action: { type: 'answer', text: '好' } }), 'forbidden');

    const closed = await checkOut(world.deps, { personId: p.representative, receptionId: reception.id });
    expect(closed).toMatchObject({ checkedOutAt: THURSDAY, residentsReceived: 1 });
    await expectRefused(recordOpinion(world.deps, { personId: p.representative, where: { receptionId: reception.id }, categoryId: world.categories.roads, text: '再记录一条意见内容。', locale: 'zh-CN' }), 'validation', 'error-reception-closed');
    await expectRefused(checkIn(world.deps, { personId: p.representative, receptionDayId: thursday.id }), 'validation', 'error-reception-day-held');
  });

  it('visits need a station the representative serves; submitOpinion refuses a recorder without the role and an anonymous chat opinion', async () => {
    await expectRefused(
      recordOpinion(world.deps, { personId: p.representative, where: { visitStationId: world.stations.xinglonghu }, categoryId: world.categories.roads, text: '走访中群众反映的问题。', locale: 'zh-CN' }),
      'forbidden',
    );
    const visit = await recordOpinion(world.deps, { personId: p.representative, where: { visitStationId: world.stations.yuping }, categoryId: world.categories.roads, text: '走访中群众反映的问题。', locale: 'zh-CN' });
    expect(await world.db.prisma.opinion.findUniqueOrThrow({ where: { id: visit.opinion.id } })).toMatchObject({ channel: 'VISIT', residentId: null, receptionId: null });
    const base = { stationId: world.stations.yuping, categoryId: world.categories.roads, text: '代为记录的群众意见。', shareContact: false, locale: 'zh-CN' };
    await expectRefused(submitOpinion(world.deps, { ...base, residentId: null, recordedBy: { personId: p.officer, channel: 'RECEPTION' } }), 'forbidden');
    await expectRefused(submitOpinion(world.deps, { ...base, residentId: null }), 'validation');
    const leader = await submitOpinion(world.deps, { ...base, residentId: null, recordedBy: { personId: p.districtAdmin, channel: 'LEADER_RECEPTION' } });
    expect(await world.db.prisma.opinion.findUniqueOrThrow({ where: { id: leader.opinion.id } })).toMatchObject({ channel: 'LEADER_RECEPTION', recordedById: p.districtAdmin });
  });
  it('主任接待日 in the admin’s own district only: other districts’ homes are neither offered nor accepted', async () => {
    const prisma = world.db.prisma;
    const elsewhere = await prisma.station.findUniqueOrThrow({ where: { id: world.stations.elsewhere } });
    const otherHome = await prisma.station.create({
      data: {
        code: 'T-OTHER-HOME', tier: 'HOME', nameZh: '他区代表之家', nameEn: 'Other home', regionId: elsewhere.regionId, addressZh: '地址', addressEn: 'Address',
        latitude: 30, longitude: 106, openingHoursZh: '周一', openingHoursEn: 'Mon',
      },
    });
    const otherAdmin = (await prisma.person.create({ data: { telegramId: 70201n, displayName: '他区主任', roles: { create: { kind: 'DISTRICT_ADMIN', regionId: elsewhere.regionId } } } })).id;
    const homes = async (personId: number) => (await leaderReceptionStations(world.deps, { personId })).map((station) => station.id);
    expect(await homes(p.districtAdmin)).not.toContain(otherHome.id);
    expect(await homes(p.districtAdmin)).toContain((await prisma.station.findUniqueOrThrow({ where: { code: 'ZSL-HOME' } })).id);
    expect(await homes(otherAdmin)).toEqual([otherHome.id]);
    expect(await homes(p.representative)).toEqual([]);
    await expectRefused(checkIn(world.deps, { personId: p.districtAdmin, stationId: otherHome.id, kind: 'LEADER' }), 'forbidden');
    await expectRefused(checkIn(world.deps, { personId: otherAdmin, stationId: world.stations.yuping, kind: 'LEADER' }), 'forbidden');
    const held = await checkIn(world.deps, { personId: otherAdmin, stationId: otherHome.id, kind: 'LEADER' });
    expect(held).toMatchObject({ kind: 'LEADER', stationId: otherHome.id, hostId: otherAdmin });
    await checkOut(world.deps, { personId: otherAdmin, receptionId: held.id });
  });
});

describe('simultaneous check-ins on PostgreSQL', () => {
  let world: World;
  useWorld('postgres', (ready) => {
    world = ready;
  });

  /**
   * Domain deps whose reception inserts wait until `parties` of them are under way: every
   * caller has passed its checks (nobody's reception is committed yet) before any writes,
   * the worst interleaving of two taps or two instances, every time.
   */
  function depsMeetingAtInsert(parties: number) {
    let waiting = 0;
    let release!: () => void;
    const everyoneThere = new Promise<void>((resolve) => (release = resolve));
    const prisma = world.deps.prisma.$extends({
      query: {
        reception: {
          async create({ args, query }) {
            if (++waiting === parties) release();
            await everyoneThere;
            return query(args);
          },
        },
      },
    });
    return { ...world.deps, prisma: prisma as unknown as PrismaClient };
  }

  async function race(checkInInput: Parameters<typeof checkIn>[1]) {
    const deps = depsMeetingAtInsert(2);
    const outcomes = await Promise.allSettled([checkIn(deps, checkInInput), checkIn(deps, checkInInput)]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    return { won, lost };
  }

  it('two check-ins of the same reception day at once: one reception, the other told it is open already', async () => {
    world.clock.set(THURSDAY);
    const days = await listReceptionDays(world.deps, { personId: world.people.representative });
    const thursday = days.find((day) => day.stationId === world.stations.yuping)!;
    const { won, lost } = await race({ personId: world.people.representative, receptionDayId: thursday.id });
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(DomainError);
    expect(lost[0]).toMatchObject({ code: 'validation', key: 'error-reception-already-open' });
    expect(await world.db.prisma.reception.count({ where: { receptionDayId: thursday.id } })).toBe(1);
  });

  it('two check-ins without a reception day at once: one open reception', async () => {
    const prisma = world.db.prisma;
    await prisma.reception.updateMany({ where: { checkedOutAt: null }, data: { checkedOutAt: THURSDAY } });
    const { won, lost } = await race({ personId: world.people.representative, stationId: world.stations.yuping, kind: 'STATION' });
    expect(won).toHaveLength(1);
    expect(lost[0]).toMatchObject({ code: 'validation', key: 'error-reception-already-open' });
    expect(await prisma.reception.count({ where: { hostId: world.people.representative, checkedOutAt: null } })).toBe(1);
  });
});
