// The demo's history: made through the domain functions, the same every time, and with
// cases in every stage and disposition so that the reports have something to show.
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { generateDemoHistory } from '../../src/domain/seed/demo-history.js';
import { seedDemoDistrict } from '../../src/domain/seed/demo-district.js';
import { deadlineJobs } from '../../src/jobs/deadlines.js';
import { createJobQueue } from '../../src/jobs/queue.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const until = new Date('2026-11-20T02:00:00Z');
const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((app) => app.close())));

async function history() {
  const app = await createTestApp({ backend: 'postgres' });
  apps.push(app);
  await seedDemoDistrict(app.deps.prisma, { now: until });
  const made = await generateDemoHistory({ ...app.deps, clock: new ManualClock(until) }, { until, months: 2, opinionsPerMonth: 12 });
  const opinions = await app.deps.prisma.opinion.findMany({
    orderBy: { id: 'asc' },
    select: { text: true, stage: true, disposition: true, closeReason: true, round: true, createdAt: true },
  });
  // The deadline jobs at the demo's start: the overdue chain's past steps count as taken.
  app.clock.set(until);
  const queue = createJobQueue(app.deps, deadlineJobs(), { redisUrl: undefined });
  await queue.runDueNow();
  await queue.stop();
  const pending = await app.deps.prisma.notification.count({ where: { status: 'PENDING' } });
  return { made, opinions, pending };
}

describe('demo history', () => {
  it('is deterministic, spans the stages and dispositions, and leaves nothing to deliver', async () => {
    const [first, second] = [await history(), await history()];
    expect(second.opinions).toEqual(first.opinions);
    expect(first.made.opinions).toBe(first.opinions.length);
    expect(first.opinions.length).toBeGreaterThan(15);
    expect(first.opinions.every((opinion) => opinion.createdAt < until)).toBe(true);
    const stages = new Set(first.opinions.map((opinion) => opinion.stage));
    expect([...stages]).toEqual(expect.arrayContaining(['COLLECTED', 'CLOSED']));
    const dispositions = new Set(first.opinions.map((opinion) => opinion.disposition));
    expect([...dispositions]).toEqual(expect.arrayContaining(['ON_THE_SPOT', 'REFERRED', 'DECLINED']));
    expect(new Set(first.opinions.map((opinion) => opinion.closeReason))).toContain('EVALUATED');
    expect(first.pending).toBe(0);
  }, 180_000);
});
