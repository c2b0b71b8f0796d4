// The data layer of collection, on both backends: one transaction for everything an
// opinion's arrival writes, and tracking numbers that never collide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/deps.js';
import { DomainError } from '../../src/domain/errors.js';
import { submitOpinion, type SubmitOpinionInput } from '../../src/domain/opinions/submit-opinion.js';
import { giveConsent } from '../../src/domain/residents/consent.js';
import { DEMO_PERSONAS, seedDemoDistrict } from '../../src/domain/seed/demo-district.js';
import { createLogger } from '../../src/logger.js';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/database.js';

describe.each(backends)('submitOpinion on %s', (backend) => {
  let db: TestDatabase;
  let deps: AppDeps;
  let clock: ManualClock;
  let base: Omit<SubmitOpinionInput, 'residentId'>;
  let nextTelegramId = 80_000;

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    clock = new ManualClock(new Date('2026-11-23T01:00:00Z'));
    deps = await createDeps(loadConfig({ LOG_LEVEL: 'silent', OPINIONS_PER_HOUR: '3' }), { db, clock, logger: createLogger('silent') });
    await seedDemoDistrict(db.prisma, { now: clock.now() });
    const station = await db.prisma.station.findUniqueOrThrow({ where: { code: 'YP-STATION' } });
    const category = await db.prisma.category.findUniqueOrThrow({ where: { code: 'roads-traffic' } });
    base = { stationId: station.id, categoryId: category.id, text: '路口红绿灯时间太短，老人过不去马路。', shareContact: false, locale: 'zh-CN' };
  });
  afterAll(() => db.destroy());

  async function newResident(): Promise<number> {
    const telegramId = BigInt(nextTelegramId++);
    return (await giveConsent(deps, { telegramId, chatId: telegramId, displayName: '居民', locale: 'zh-CN' })).id;
  }

  it('writes the opinion, its COLLECTED event, attachments, ACKNOWLEDGE deadline and the officers’ notifications', async () => {
    const residentId = await newResident();
    const { opinion, notified } = await submitOpinion(deps, {
      ...base,
      residentId,
      attachments: [{ kind: 'PHOTO', telegramFileId: 'f1', fileUniqueId: 'u1' }],
      location: { latitude: 29.36, longitude: 105.92 },
      contactPhone: '+8613800000000',
      contactName: '居民',
      shareContact: true,
    });
    expect(opinion.trackingNo).toMatch(/^MY-2611-\d{4}$/);
    expect(notified).toBe(1);
    const stored = await db.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id }, include: { events: true, attachments: true, deadlines: true, notifications: true } });
    expect(stored).toMatchObject({ stage: 'COLLECTED', contactPhone: '+8613800000000', shareContact: true, latitude: 29.36 });
    expect(stored.events).toMatchObject([{ type: 'COLLECTED', actorId: residentId, actorRole: 'RESIDENT', fromStage: null, toStage: 'COLLECTED', round: 1 }]);
    expect(stored.attachments).toMatchObject([{ kind: 'PHOTO', telegramFileId: 'f1', fileUniqueId: 'u1' }]);
    // One working day from Monday 09:00 Shanghai.
    expect(stored.deadlines).toMatchObject([{ kind: 'ACKNOWLEDGE', round: 1, metAt: null }]);
    expect(stored.deadlines[0]!.dueAt.getTime()).toBeGreaterThan(clock.now().getTime());
    const officer = await db.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) } });
    expect(stored.notifications).toMatchObject([
      {
        dedupeKey: `opinion:${opinion.id}:collected:person:${officer.id}`,
        personId: officer.id,
        chatId: BigInt(DEMO_PERSONAS.officer.telegramId),
        status: 'PENDING',
        payload: { key: 'notify-officer-new-opinion', action: { type: 'triage', opinionId: opinion.id }, vars: { trackingNo: opinion.trackingNo } },
      },
    ]);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: residentId } })).lastStationId).toBe(base.stationId);
  });

  it('leaves nothing behind when a write fails midway, and the number is not used up', async () => {
    const residentId = await newResident();
    const counts = () =>
      Promise.all([db.prisma.opinion.count(), db.prisma.opinionEvent.count(), db.prisma.opinionDeadline.count(), db.prisma.notification.count(), db.prisma.trackingCounter.findMany()]);
    const before = await counts();
    await db.sql.exec(`
      CREATE FUNCTION test_fail_attachment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
      CREATE TRIGGER test_fail_attachment BEFORE INSERT ON "Attachment" FOR EACH ROW EXECUTE FUNCTION test_fail_attachment();`);
    try {
      await expect(submitOpinion(deps, { ...base, residentId, attachments: [{ kind: 'PHOTO', telegramFileId: 'x' }] })).rejects.toThrow(/disk full/);
    } finally {
      await db.sql.exec('DROP TRIGGER test_fail_attachment ON "Attachment"; DROP FUNCTION test_fail_attachment();');
    }
    expect(await counts()).toEqual(before);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: residentId } })).lastStationId).toBeNull();

    const last = before[4].find((row) => row.month === '2611')!.last;
    const { opinion } = await submitOpinion(deps, { ...base, residentId, attachments: [{ kind: 'PHOTO', telegramFileId: 'x' }] });
    expect(opinion.trackingNo).toBe(`MY-2611-${String(last + 1).padStart(4, '0')}`);
  });

  it('gives unique, consecutive tracking numbers to concurrent submissions', async () => {
    clock.set(new Date('2026-12-10T02:00:00Z'));
    const residents = await Promise.all(Array.from({ length: 12 }, () => newResident()));
    const results = await Promise.all(residents.map((residentId) => submitOpinion(deps, { ...base, residentId })));
    const numbers = results.map((r) => r.opinion.trackingNo).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `MY-2612-${String(i + 1).padStart(4, '0')}`));
  });

  it('files one confirmation once: the same submission key returns the opinion already written', async () => {
    const residentId = await newResident();
    const first = await submitOpinion(deps, { ...base, residentId, submissionKey: 'telegram:press-1' });
    const again = await submitOpinion(deps, { ...base, residentId, submissionKey: 'telegram:press-1' });
    expect(again.opinion).toEqual(first.opinion);
    expect(again.notified).toBe(0);
    expect(await db.prisma.opinion.count({ where: { residentId } })).toBe(1);
    const other = await submitOpinion(deps, { ...base, residentId, submissionKey: 'telegram:press-2' });
    expect(other.opinion.id).not.toBe(first.opinion.id);
  });

  it('gives numbers a person can read aloud: four digits at least, more when the month needs them', async () => {
    clock.set(new Date('2027-02-10T02:00:00Z'));
    const first = await submitOpinion(deps, { ...base, residentId: await newResident() });
    expect(first.opinion.trackingNo).toBe('MY-2702-0001');
    await db.prisma.trackingCounter.update({ where: { month: '2702' }, data: { last: 12_344 } });
    const later = await submitOpinion(deps, { ...base, residentId: await newResident() });
    expect(later.opinion.trackingNo).toBe('MY-2702-12345');
    expect(await db.prisma.opinion.findUniqueOrThrow({ where: { id: later.opinion.id } })).toMatchObject({ trackingNo: 'MY-2702-12345' });
  });

  it('removes the draft it files in the opinion’s transaction, and keeps it when the submission is refused', async () => {
    const residentId = await newResident();
    const draft = await db.prisma.opinionDraft.create({ data: { residentId, step: 'summary', data: {} } });
    const submission = { ...base, residentId, submissionKey: `draft:${draft.id}`, draftId: draft.id };
    expect(await submitOpinion(deps, { ...submission, categoryId: 999_999 }).catch((error: unknown) => error)).toMatchObject({ key: 'opinion-category-not-found' });
    expect(await db.prisma.opinionDraft.count({ where: { id: draft.id } })).toBe(1);
    const { opinion } = await submitOpinion(deps, submission);
    expect(await db.prisma.opinionDraft.count({ where: { id: draft.id } })).toBe(0);
    // A draft left behind (by an earlier version) goes when confirmed again, with the same number.
    await db.prisma.opinionDraft.create({ data: { id: draft.id, residentId, step: 'summary', data: {} } });
    expect((await submitOpinion(deps, submission)).opinion).toEqual(opinion);
    expect(await db.prisma.opinionDraft.count({ where: { id: draft.id } })).toBe(0);
  });

  it('numbers by the month in the district’s time zone', async () => {
    // 31 December 16:30 UTC is already 1 January in Shanghai.
    clock.set(new Date('2026-12-31T16:30:00Z'));
    const { opinion } = await submitOpinion(deps, { ...base, residentId: await newResident() });
    expect(opinion.trackingNo).toBe('MY-2701-0001');
  });

  it('refuses text outside the limits, unknown stations, missing consent and more than the hourly limit', async () => {
    const residentId = await newResident();
    const refusal = (input: Partial<SubmitOpinionInput>) => submitOpinion(deps, { ...base, residentId, ...input }).catch((error: unknown) => error);
    expect(await refusal({ text: '太短' })).toMatchObject({ code: 'validation', key: 'opinion-text-too-short', vars: { min: 10, length: 2 } });
    expect(await refusal({ text: 'x'.repeat(2001) })).toMatchObject({ key: 'opinion-text-too-long', vars: { max: 2000 } });
    expect(await refusal({ stationId: 999_999 })).toMatchObject({ code: 'not-found', key: 'stations-not-found' });
    const stranger = await db.prisma.person.create({ data: { telegramId: 89_999n } });
    expect(await refusal({ residentId: stranger.id })).toMatchObject({ code: 'forbidden' });

    for (let i = 0; i < 3; i++) await submitOpinion(deps, { ...base, residentId });
    const refused = await refusal({});
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'rate-limited', key: 'opinion-rate-limited', vars: { limit: 3 } });
    clock.advance(3_600_001);
    await expect(submitOpinion(deps, { ...base, residentId })).resolves.toBeDefined();
  });
});
