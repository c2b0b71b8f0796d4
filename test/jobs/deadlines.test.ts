// Deadline jobs: the reminder rule, what the jobs ask applyOpinionAction to do (with a
// spy), and the whole path with the real workflow: reminder, escalation to the street
// admin and evaluation expiry, each once, delivered to Telegram through the outbox.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDeps } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/deps.js';
import { createDeliveryApi, startDelivery } from '../../src/delivery/index.js';
import type { NotificationMessage } from '../../src/delivery/message.js';
import { applyOpinionAction } from '../../src/domain/opinions/apply-action.js';
import { submitOpinion } from '../../src/domain/opinions/submit-opinion.js';
import { DEMO_PERSONAS, seedDemoDistrict } from '../../src/domain/seed/demo-district.js';
import type { DeadlineKind, OpinionStage } from '../../src/generated/prisma/client.js';
import { deadlineJobs, evaluationReminderDue, type ApplyAction } from '../../src/jobs/deadlines.js';
import { dueDeadlineSteps } from '../../src/domain/opinions/deadlines.js';
import { WorkingCalendar } from '../../src/domain/calendar/index.js';
import { createJobQueue } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/logger.js';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { FakeTelegram } from '../helpers/telegram.js';
import { waitFor } from './helpers.js';

const hour = 60 * 60_000;
const day = 24 * hour;
const now = new Date('2026-11-24T02:00:00Z');

describe('the evaluation reminder rule', () => {
  const deadline = (setAgoMs: number, dueInMs: number, remindedAt: Date | null = null) => ({
    setAt: new Date(now.getTime() - setAgoMs),
    dueAt: new Date(now.getTime() + dueInMs),
    remindedAt,
  });

  it.each([
    ['in the last quarter of the window', deadline(6 * day, 1 * day), true],
    ['before the last quarter', deadline(2 * day, 5 * day), false],
    ['2 hours before, even when the quarter is shorter', deadline(4 * hour, 2 * hour - 1), true],
    ['already reminded', deadline(6 * day, 1 * day, now), false],
    ['an elapsed window (expiry closes it instead)', deadline(8 * day, -1), false],
  ])('%s', (_name, input, expected) => {
    expect(evaluationReminderDue(input, now)).toBe(expected);
  });
});

describe('the overdue chain of a staff deadline', () => {
  const deps = { calendar: WorkingCalendar.fromFile(), config: loadConfig({}) };
  // Set Monday 2026-11-23 10:00, due Thursday 2026-11-26 23:59:59.999 (Shanghai).
  const deadline = { setAt: new Date('2026-11-23T02:00:00Z'), dueAt: new Date('2026-11-26T15:59:59.999Z') };
  it.each([
    ['before half the limit', '2026-11-24T12:00:00Z', []],
    ['half the limit elapsed', '2026-11-25T09:00:00Z', ['half']],
    ['past the deadline (midnight)', '2026-11-26T16:00:00Z', ['half', 'due']],
    ['Friday: a working day late', '2026-11-27T01:00:00Z', ['half', 'due', 'late-1']],
    ['Monday: two working days late (the weekend does not count)', '2026-11-30T01:00:00Z', ['half', 'due', 'late-1', 'late-2']],
    ['Friday before 09:00: not yet a late day', '2026-11-27T00:59:00Z', ['half', 'due']],
    ['Sunday: still one', '2026-11-29T01:00:00Z', ['half', 'due', 'late-1']],
  ])('%s', (_name, at, expected) => {
    expect(dueDeadlineSteps(deps, deadline, new Date(at))).toEqual(expected);
  });
});

describe.each(backends)('deadline jobs on %s', (backend) => {
  let db: TestDatabase;
  let deps: AppDeps;
  const clock = new ManualClock(now);

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    deps = await createDeps(loadConfig({ LOG_LEVEL: 'silent' }), { db, clock, logger: createLogger('silent') });
    await seedDemoDistrict(deps.prisma, { now: new Date(now.getTime() - 30 * day) });
  });
  afterAll(() => db.destroy());

  async function refs() {
    const station = await deps.prisma.station.findUniqueOrThrow({ where: { code: 'YP-STATION' } });
    const category = await deps.prisma.category.findFirstOrThrow({ orderBy: { sortOrder: 'asc' } });
    return { stationId: station.id, categoryId: category.id };
  }

  it('asks applyOpinionAction to remind, escalate and expire exactly the due cases', async () => {
    const { stationId, categoryId } = await refs();
    let n = 0;
    const opinion = (stage: OpinionStage) =>
      deps.prisma.opinion.create({ data: { trackingNo: `SPY-${++n}`, stationId, categoryId, text: 'spy case', stage } });
    const deadline = async (stage: OpinionStage, kind: DeadlineKind, setAgoMs: number, dueInMs: number, extra: object = {}) => {
      const o = await opinion(stage);
      const d = await deps.prisma.opinionDeadline.create({
        data: { opinionId: o.id, kind, setAt: new Date(now.getTime() - setAgoMs), dueAt: new Date(now.getTime() + dueInMs), ...extra },
      });
      return { opinionId: o.id, deadlineId: d.id };
    };
    const remind = await deadline('COLLECTED', 'ACKNOWLEDGE', 20 * hour, 3 * hour);
    await deadline('HANDLING', 'HANDLE', 1 * day, 10 * day); // not yet
    const escalate = await deadline('ANALYZING', 'ANALYZE', 3 * day, -1 * hour);
    const done = await deadline('ANALYZING', 'ANALYZE', 3 * day, -1 * hour); // its steps were taken before
    await deps.prisma.opinionDeadlineStep.createMany({ data: ['half', 'due'].map((step) => ({ deadlineId: done.deadlineId, step, at: now })) });
    await deadline('ANALYZING', 'ACKNOWLEDGE', 2 * day, -1 * day, { metAt: now }); // met
    await deadline('HANDLING', 'HANDLE', 2 * day, -1 * day, { cancelledAt: now }); // superseded
    await deadline('CLOSED', 'HANDLE', 2 * day, -1 * day); // case closed
    const expire = await deadline('FEEDBACK', 'EVALUATE', 8 * day, -1 * hour);
    const remindEvaluation = await deadline('FEEDBACK', 'EVALUATE', 6 * day, 1 * day);
    await deadline('FEEDBACK', 'EVALUATE', 1 * day, 6 * day); // not yet

    // One failing case does not hold up the others.
    const applyAction = vi.fn<ApplyAction>(async (_deps, input) => {
      if (input.opinionId === remind.opinionId) throw new Error('refused');
      return { opinion: {} as never, events: [], notified: 0 };
    });
    const queue = createJobQueue(deps, deadlineJobs({ applyAction }), { redisUrl: undefined });
    await queue.runDueNow();
    const calls = applyAction.mock.calls.map(([, input]) => input);
    expect(calls).toHaveLength(5);
    expect(calls).toEqual(
      expect.arrayContaining([
        { opinionId: remind.opinionId, actor: { kind: 'system' }, action: { type: 'deadlineStep', deadlineId: remind.deadlineId, step: 'half' } },
        // Both steps the job has not taken yet, in order.
        { opinionId: escalate.opinionId, actor: { kind: 'system' }, action: { type: 'deadlineStep', deadlineId: escalate.deadlineId, step: 'half' } },
        { opinionId: escalate.opinionId, actor: { kind: 'system' }, action: { type: 'deadlineStep', deadlineId: escalate.deadlineId, step: 'due' } },
        { opinionId: remindEvaluation.opinionId, actor: { kind: 'system' }, action: { type: 'remindDeadline', deadlineId: remindEvaluation.deadlineId } },
        { opinionId: expire.opinionId, actor: { kind: 'system' }, action: { type: 'expireEvaluation' } },
      ]),
    );
    await deps.prisma.opinionDeadlineStep.deleteMany({ where: { deadline: { opinion: { trackingNo: { startsWith: 'SPY-' } } } } });
    await deps.prisma.opinionDeadline.deleteMany({ where: { opinion: { trackingNo: { startsWith: 'SPY-' } } } });
    await deps.prisma.opinion.deleteMany({ where: { trackingNo: { startsWith: 'SPY-' } } });
  });

  it('reminds the officer, escalates to the street admin and expires the evaluation, each once, through the real workflow', async () => {
    const { stationId, categoryId } = await refs();
    clock.set(now);
    const resident = await deps.prisma.person.create({
      data: { telegramId: BigInt(DEMO_PERSONAS.resident.telegramId), chatId: BigInt(DEMO_PERSONAS.resident.telegramId), consentedAt: now, locale: 'en' },
    });
    const officer = await deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) } });
    const { opinion } = await submitOpinion(deps, {
      residentId: resident.id,
      stationId,
      categoryId,
      text: '小区门口的路灯坏了两个星期，晚上很不安全。',
      shareContact: false,
      locale: 'en',
    });
    const telegram = new FakeTelegram();
    const delivery = await startDelivery(deps, {
      api: createDeliveryApi('test-token', { fetch: telegram.fetch }),
      render: (notification, recipient) => {
        const message = notification.payload as unknown as NotificationMessage;
        return { method: 'sendMessage', params: { chat_id: Number(notification.chatId), text: deps.translate(recipient.locale, message.key, message.vars) } };
      },
      redisUrl: undefined,
      limits: { perChatIntervalMs: 10 },
    });
    const queue = createJobQueue(deps, deadlineJobs(), { redisUrl: undefined });
    await queue.start();
    try {
      const events = async () => (await deps.prisma.opinionEvent.findMany({ where: { opinionId: opinion.id }, orderBy: { id: 'asc' } })).map((e) => e.type);
      const ack = await deps.prisma.opinionDeadline.findFirstOrThrow({ where: { opinionId: opinion.id, kind: 'ACKNOWLEDGE' } });
      const officerTexts = () => telegram.callsTo(Number(officer.chatId)).map((c) => c.payload.text as string);
      const streetAdminTexts = () => telegram.callsTo(DEMO_PERSONAS.streetAdmin.telegramId).map((c) => c.payload.text as string);
      const districtAdminTexts = () => telegram.callsTo(DEMO_PERSONAS.districtAdmin.telegramId).map((c) => c.payload.text as string);
      const residentTexts = () => telegram.callsTo(DEMO_PERSONAS.resident.telegramId).map((c) => c.payload.text as string);

      clock.set(new Date(ack.dueAt.getTime() - 1 * hour));
      await queue.runDueNow();
      await queue.runDueNow();
      expect(await events()).toEqual(['COLLECTED', 'REMINDED']);
      // Delivery goes on after runDueNow: the officer's second message waits its turn in the chat.
      await waitFor(() => officerTexts().length === 2);
      expect(officerTexts()).toEqual([expect.stringMatching(/新意见/), expect.stringMatching(/提醒.*受理期限已过半/)]);

      // The clock jumps four working days past the deadline at once: every step it skipped runs, once each.
      clock.set(deps.calendar.addWorkingDays(ack.dueAt, 4, 'Asia/Shanghai'));
      await queue.runDueNow();
      await queue.runDueNow();
      const steps = await deps.prisma.opinionDeadlineStep.findMany({ where: { deadlineId: ack.id }, orderBy: { id: 'asc' } });
      expect(steps.map((s) => s.step)).toEqual(['half', 'due', 'late-1', 'late-2', 'late-3', 'late-4']);
      expect(await events()).toEqual(['COLLECTED', 'REMINDED', ...Array.from({ length: 5 }, () => ['REMINDED', 'OVERDUE_ESCALATED']).flat()]);
      expect(await deps.prisma.opinionDeadline.findUniqueOrThrow({ where: { id: ack.id } })).toMatchObject({ remindedAt: expect.any(Date), escalatedAt: expect.any(Date) });
      await waitFor(() => officerTexts().length === 7 && streetAdminTexts().length === 5 && districtAdminTexts().length === 2 && residentTexts().length === 1);
      expect(officerTexts().slice(2)).toEqual([
        expect.stringMatching(/受理已到期/),
        expect.stringMatching(/受理已超期 1 个工作日/),
        expect.stringMatching(/受理已超期 2 个工作日/),
        expect.stringMatching(/受理已超期 3 个工作日/),
        expect.stringMatching(/受理已超期 4 个工作日/),
      ]);
      expect(streetAdminTexts()).toEqual([0, 1, 2, 3, 4].map((n) => expect.stringMatching(n === 0 ? /^超期督办：.*已到期/ : new RegExp(`^超期督办：.*已超期 ${n} 个工作日`))));
      // From OVERDUE_DISTRICT_AFTER_WORKING_DAYS (3) the district admin is told too.
      expect(districtAdminTexts()).toEqual([expect.stringMatching(/已超期 3 个工作日/), expect.stringMatching(/已超期 4 个工作日/)]);
      // The resident hears once that the case is late, with the new expected date (in English, their language).
      expect(residentTexts()).toEqual([expect.stringMatching(/has passed its deadline.*expect an answer by 20\d\d-\d\d-\d\d 23:59/)]);
      const sentBefore = telegram.calls.length;
      await queue.runDueNow();
      await waitFor(async () => (await deps.prisma.notification.count({ where: { status: 'PENDING' } })) === 0);
      expect(telegram.calls.length).toBe(sentBefore);

      // The officer answers; the resident lets the evaluation window pass.
      await applyOpinionAction(deps, { opinionId: opinion.id, actor: { kind: 'person', personId: officer.id }, action: { type: 'answer', text: '路灯已于今日修复。' } });
      const evaluate = await deps.prisma.opinionDeadline.findFirstOrThrow({ where: { opinionId: opinion.id, kind: 'EVALUATE' } });
      clock.set(new Date(evaluate.dueAt.getTime() + 1 * hour));
      await queue.runDueNow();
      await queue.runDueNow();
      expect(await deps.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id } })).toMatchObject({ stage: 'CLOSED', closeReason: 'NOT_EVALUATED' });
      expect((await events()).filter((type) => type === 'CLOSED')).toHaveLength(1);
      await waitFor(async () => (await deps.prisma.notification.count({ where: { status: 'PENDING' } })) === 0);
      expect(officerTexts()).toHaveLength(7);
      expect(await deps.prisma.notification.count({ where: { status: { not: 'SENT' } } })).toBe(0);
    } finally {
      await queue.stop();
      await delivery.stop();
    }
  });
});
