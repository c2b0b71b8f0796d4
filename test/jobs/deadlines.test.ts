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
import { deadlineAlert, deadlineJobs, type ApplyAction } from '../../src/jobs/deadlines.js';
import { createJobQueue } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/logger.js';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { FakeTelegram } from '../helpers/telegram.js';
import { waitFor } from './helpers.js';

const hour = 60 * 60_000;
const day = 24 * hour;
const now = new Date('2026-11-24T02:00:00Z');

describe('the reminder rule', () => {
  const deadline = (setAgoMs: number, dueInMs: number, extra: { kind?: DeadlineKind; remindedAt?: Date; escalatedAt?: Date } = {}) => ({
    kind: extra.kind ?? ('HANDLE' as DeadlineKind),
    setAt: new Date(now.getTime() - setAgoMs),
    dueAt: new Date(now.getTime() + dueInMs),
    remindedAt: extra.remindedAt ?? null,
    escalatedAt: extra.escalatedAt ?? null,
  });

  it.each([
    ['in the last quarter of a long span', deadline(9 * day, 2 * day), 'remind'],
    ['before the last quarter', deadline(5 * day, 3 * day), undefined],
    ['2 hours before, even when the quarter is shorter', deadline(4 * hour, 2 * hour - 1), 'remind'],
    ['earlier than 2 hours before a short deadline', deadline(1 * hour, 3 * hour), undefined],
    ['already reminded', deadline(9 * day, 1 * day, { remindedAt: now }), undefined],
    ['past due', deadline(2 * day, -1), 'escalate'],
    ['past due, never reminded', deadline(10 * day, -5 * day), 'escalate'],
    ['past due, already escalated', deadline(2 * day, -1, { escalatedAt: now }), undefined],
    ['an evaluation window near its end', deadline(6 * day, 1 * day, { kind: 'EVALUATE' }), 'remind'],
    ['an elapsed evaluation window (expiry closes it instead)', deadline(8 * day, -1, { kind: 'EVALUATE' }), undefined],
  ])('%s', (_name, input, expected) => {
    expect(deadlineAlert(input, now)).toBe(expected);
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
    await deadline('ANALYZING', 'ANALYZE', 3 * day, -1 * hour, { escalatedAt: now }); // done before
    await deadline('HANDLING', 'HANDLE', 9 * day, 1 * day, { remindedAt: now }); // done before
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
    expect(calls).toHaveLength(4);
    expect(calls).toEqual(
      expect.arrayContaining([
        { opinionId: remind.opinionId, actor: { kind: 'system' }, action: { type: 'remindDeadline', deadlineId: remind.deadlineId } },
        { opinionId: escalate.opinionId, actor: { kind: 'system' }, action: { type: 'escalateOverdue', deadlineId: escalate.deadlineId } },
        { opinionId: remindEvaluation.opinionId, actor: { kind: 'system' }, action: { type: 'remindDeadline', deadlineId: remindEvaluation.deadlineId } },
        { opinionId: expire.opinionId, actor: { kind: 'system' }, action: { type: 'expireEvaluation' } },
      ]),
    );
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

      clock.set(new Date(ack.dueAt.getTime() - 1 * hour));
      await queue.runDueNow();
      await queue.runDueNow();
      expect(await events()).toEqual(['COLLECTED', 'REMINDED']);
      // Delivery goes on after runDueNow: the officer's second message waits its turn in the chat.
      const officerTexts = () => telegram.callsTo(Number(officer.chatId)).map((c) => c.payload.text as string);
      await waitFor(() => officerTexts().length === 2);
      expect(officerTexts()).toEqual([expect.stringMatching(/新意见/), expect.stringMatching(/提醒/)]);

      clock.set(new Date(ack.dueAt.getTime() + 1 * hour));
      await queue.runDueNow();
      await queue.runDueNow();
      expect(await events()).toEqual(['COLLECTED', 'REMINDED', 'OVERDUE_ESCALATED']);
      expect(await deps.prisma.opinionDeadline.findUniqueOrThrow({ where: { id: ack.id } })).toMatchObject({ remindedAt: expect.any(Date), escalatedAt: expect.any(Date) });
      const streetAdminTexts = () => telegram.callsTo(DEMO_PERSONAS.streetAdmin.telegramId).map((c) => c.payload.text as string);
      await waitFor(() => streetAdminTexts().length > 0);
      expect(streetAdminTexts()).toEqual([expect.stringMatching(/超期/)]);

      // The officer answers; the resident lets the evaluation window pass.
      await applyOpinionAction(deps, { opinionId: opinion.id, actor: { kind: 'person', personId: officer.id }, action: { type: 'answer', text: '路灯已于今日修复。' } });
      const evaluate = await deps.prisma.opinionDeadline.findFirstOrThrow({ where: { opinionId: opinion.id, kind: 'EVALUATE' } });
      clock.set(new Date(evaluate.dueAt.getTime() + 1 * hour));
      await queue.runDueNow();
      await queue.runDueNow();
      expect(await deps.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id } })).toMatchObject({ stage: 'CLOSED', closeReason: 'NOT_EVALUATED' });
      expect((await events()).filter((type) => type === 'CLOSED')).toHaveLength(1);
      await waitFor(async () => (await deps.prisma.notification.count({ where: { status: 'PENDING' } })) === 0);
      expect(officerTexts()).toHaveLength(2);
      expect(await deps.prisma.notification.count({ where: { status: { not: 'SENT' } } })).toBe(0);
    } finally {
      await queue.stop();
      await delivery.stop();
    }
  });
});
