// `startDemo`, what `npm run demo` runs, without a browser: the wiring (seeded personas,
// the real bot on the emulator, command menus, delivery, the time buttons) and the
// working-day arithmetic of "+1 工作日".
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { WorkingCalendar } from '../../src/domain/calendar/index.js';
import { submitOpinion } from '../../src/domain/opinions/submit-opinion.js';
import { giveConsent } from '../../src/domain/residents/consent.js';
import { DEMO_PERSONAS } from '../../src/domain/seed/demo-district.js';
import { sameTimeWorkingDaysLater, startDemo, type RunningDemo } from '../../src/demo/start-demo.js';
import { createLogger } from '../../src/logger.js';

describe('"+1 工作日": the same local time on the next working day', () => {
  const calendar = WorkingCalendar.fromFile();
  const later = (at: string, days = 1) => sameTimeWorkingDaysLater(calendar, 'Asia/Shanghai', new Date(at), days).toISOString();

  it.each([
    ['a Tuesday', '2026-11-24T10:00:00+08:00', '2026-11-25T02:00:00.000Z'],
    ['a Friday, over the weekend', '2026-11-27T16:30:00+08:00', '2026-11-30T08:30:00.000Z'],
    ['a Saturday, to Monday', '2026-11-28T09:00:00+08:00', '2026-11-30T01:00:00.000Z'],
    ['before National Day, over the holiday', '2026-09-30T10:00:00+08:00', '2026-10-08T02:00:00.000Z'],
    ['before a make-up working Saturday', '2026-02-13T15:00:00+08:00', '2026-02-14T07:00:00.000Z'],
    ['late evening, by local date', '2026-11-24T23:30:00+08:00', '2026-11-25T15:30:00.000Z'],
  ])('from %s', (_label, from, expected) => {
    expect(later(from)).toBe(expected);
  });

  it('counts several working days', () => {
    expect(later('2026-11-27T10:00:00+08:00', 3)).toBe('2026-12-02T02:00:00.000Z');
  });
});

describe('startDemo', () => {
  let demo: RunningDemo;
  let dataDir: string;
  const unknownMethods: string[] = [];

  beforeAll(async () => {
    // The database is in memory; report files still go under DATA_DIR.
    dataDir = await mkdtemp(join(tmpdir(), 'minyi-demo-'));
    demo = await startDemo({
      config: loadConfig({ DATA_DIR: dataDir }),
      dataDir: 'memory://',
      port: 0,
      logger: createLogger('error'),
      onUnknownMethod: (method) => unknownMethods.push(method),
      // The jobs are what this file checks: months of history would flood the chats first.
      history: false,
    });
  }, 60_000);

  afterAll(async () => {
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the console with the seeded personas', async () => {
    const state = (await (await fetch(`${demo.url}/api/state`)).json()) as { personas: { persona: { userId: number; firstName: string } }[] };
    expect(state.personas.map(({ persona }) => [persona.userId, persona.firstName])).toEqual(
      Object.values(DEMO_PERSONAS).map((person) => [person.telegramId, person.nameZh]),
    );
  });

  it('runs the real bot against the emulator, with its command menu', async () => {
    const { emulator } = demo.transport;
    emulator.sendText('resident', '/start');
    await emulator.waitForMessage('resident', (entry) => entry.sender === 'bot' && (entry.message.text ?? '').includes('民意直通车'), 10_000);
    expect(emulator.commandsFor('resident').map((command) => command.command)).toContain('new');
  });

  it('moves the clock by the console time buttons', async () => {
    const before = demo.clock.now();
    const requested = Date.now();
    const response = await fetch(`${demo.url}/api/time/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"workingDays":1}' });
    const { result } = (await response.json()) as { result: { now: string } };
    const tookMs = Date.now() - requested;
    // The clock kept ticking while the request and the jobs it ran took their time.
    const drift = new Date(result.now).getTime() - sameTimeWorkingDaysLater(demo.deps.calendar, demo.deps.config.TIME_ZONE, before, 1).getTime();
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThanOrEqual(tookMs + 50);

    const hourLater = await demo.advanceTime({ workingDays: 0, hours: 1 });
    expect(hourLater.getTime() - new Date(result.now).getTime()).toBeGreaterThanOrEqual(3_600_000);
    expect(unknownMethods).toEqual([]);
  });

  it('runs the due jobs after a jump: an unacknowledged opinion is escalated to the street admin', async () => {
    const { deps, transport } = demo;
    const { resident } = DEMO_PERSONAS;
    const person = await giveConsent(deps, { telegramId: BigInt(resident.telegramId), chatId: BigInt(resident.telegramId), displayName: resident.nameZh, locale: 'zh-CN' });
    const station = await deps.prisma.station.findUniqueOrThrow({ where: { code: 'YP-STATION' } });
    const category = await deps.prisma.category.findFirstOrThrow({ where: { active: true } });
    const { opinion } = await submitOpinion(deps, {
      residentId: person.id,
      stationId: station.id,
      categoryId: category.id,
      text: '萱花路菜市场门口的井盖松动，踩上去会响，担心有人摔倒。',
      shareContact: false,
      locale: 'zh-CN',
    });
    // The acknowledgement is due by the end of the next working day: two days later it is overdue.
    await demo.advanceTime({ workingDays: 2, hours: 0 });
    const escalation = await transport.emulator.waitForMessage('street-admin', (entry) => (entry.message.text ?? '').includes(opinion.trackingNo), 10_000);
    expect(escalation.message.text).toContain('超期督办');
  });
});
