// Every figure of the hand-checked dataset (dataset.ts), figure by figure, on both backends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMonthlyReport, type MonthlyReport } from '../../src/domain/reports/report.js';
import type { Figures } from '../../src/domain/reports/figures.js';
import { backends } from '../helpers/database.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedOctoberDataset, type OctoberDataset } from './dataset.js';
import { createPlaces, recordCase } from './fixtures.js';

const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const spread = (median: number | null, p90: number | null) => ({ median, p90 });

function expectFigures(actual: Figures, expected: Figures): void {
  const { timeToFirstResponseHours, timeToCloseHours, ...counts } = actual;
  const { timeToFirstResponseHours: expectedResponse, timeToCloseHours: expectedClose, ...expectedCounts } = expected;
  expect(counts).toEqual(expectedCounts);
  for (const [got, want] of [
    [timeToFirstResponseHours, expectedResponse],
    [timeToCloseHours, expectedClose],
  ] as const) {
    for (const key of ['median', 'p90'] as const) {
      if (want[key] === null) expect(got[key]).toBeNull();
      else expect(got[key]).toBeCloseTo(want[key]!, 6);
    }
  }
}

describe.each(backends)('monthly report figures (%s)', (backend) => {
  let app: TestApp;
  let data: OctoberDataset;
  let report: MonthlyReport;

  beforeAll(async () => {
    app = await createTestApp({ backend, now: new Date('2026-11-05T02:00:00Z'), env: { HOT_TOPIC_PROPOSAL_SIZE: '3' } });
    data = await seedOctoberDataset(app.deps);
    report = await buildMonthlyReport(app.deps, { month: '2026-10' });
  });
  afterAll(() => app?.close());

  it('cuts the month at local midnight in Asia/Shanghai', () => {
    expect(report.periods.month.start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(report.periods.month.cutoff.toISOString()).toBe('2026-10-31T15:59:59.999Z');
    expect(report.periods.yearToDate.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(report.periods.previousMonth.cutoff.toISOString()).toBe('2026-09-30T15:59:59.999Z');
  });

  it('computes the month (October) for the district', () => {
    expectFigures(report.totals.month, {
      received: 7, // Q1–Q7 (Q8 is 1 November local time)
      answeredOnTheSpot: 2, // replies given in October: P1 (a September case) and Q1
      answeredOnTheSpotShare: r(2, 7),
      answerRate: r(2, 7), // Q1 answered, Q4's result delivered
      solved: 1, // Q1 satisfied (Q2 merged and Q3 declined are closed, not solved)
      solvedRate: r(1, 7),
      referred: 1, // Q4
      escalated: 1, // Q6
      closed: 3, // Q1, Q2 merged, Q3 declined (Q4 closes on 2 Nov)
      closureRate: r(3, 7),
      onTimeRate: r(2, 3), // Q3 acknowledged late
      open: 5, // Q4, Q5, Q6, Q7 and E1 from August
      overdue: 2, // Q5 (acknowledgement), E1 (handling)
      overdueShare: r(2, 5),
      responseRate: r(4, 7), // Q1, Q2, Q4, Q6 acknowledged in time
      satisfactionFirstRound: r(2, 3), // P1 ✓, Q1 ✓, P2 ✗ (Q4's evaluation is after the cut-off)
      satisfactionSecondRound: r(1, 1), // P2 basically satisfied
      timeToFirstResponseHours: spread(1, 29.8), // 0.5, 1, 1, 1, 49
      timeToCloseHours: spread(27, 45.4), // 1, 27, 50
    });
  });

  it('computes the previous month (September) as it stood at its own cut-off', () => {
    expectFigures(report.totals.previousMonth, {
      received: 2, // P1, P2
      answeredOnTheSpot: 0, // P1 is answered in October
      answeredOnTheSpotShare: r(0, 2),
      answerRate: r(0, 2), // nothing replied by 30 September
      solved: 0,
      solvedRate: r(0, 2),
      referred: 1, // P2
      escalated: 0,
      closed: 0,
      closureRate: r(0, 2),
      onTimeRate: r(0, 0),
      open: 3, // P1, P2, E1
      overdue: 1, // E1 (P1's acknowledgement is due 8 Oct after the holidays)
      overdueShare: r(1, 3),
      responseRate: r(1, 2), // P2; P1 acknowledged after the cut-off
      satisfactionFirstRound: r(0, 0),
      satisfactionSecondRound: r(0, 0),
      timeToFirstResponseHours: spread(2, 2),
      timeToCloseHours: spread(null, null),
    });
  });

  it('computes the year to date', () => {
    expectFigures(report.totals.yearToDate, {
      received: 10, // E1, P1, P2, Q1–Q7
      answeredOnTheSpot: 2, // P1, Q1
      answeredOnTheSpotShare: r(2, 10),
      answerRate: r(4, 10), // P1, Q1 answered; P2, Q4 results delivered
      solved: 3, // P1, Q1 satisfied; P2 basically satisfied in round 2
      solvedRate: r(3, 10),
      referred: 3, // E1, P2, Q4
      escalated: 1,
      closed: 5, // P1, P2, Q1, Q2, Q3
      closureRate: r(5, 10),
      onTimeRate: r(3, 5), // P2's first-round result and Q3's acknowledgement were late
      open: 5,
      overdue: 2,
      overdueShare: r(2, 5),
      responseRate: r(7, 10), // all but Q3, Q5, Q7
      satisfactionFirstRound: r(2, 3),
      satisfactionSecondRound: r(1, 1),
      timeToFirstResponseHours: spread(1, 91.6), // 0.5, 1, 1, 1, 1, 2, 49, 191
      timeToCloseHours: spread(50, 754.2), // 1, 27, 50, 264, 1081
    });
  });

  it('breaks the month down by street / town', () => {
    const streets = Object.fromEntries(report.breakdowns.street.map((row) => [row.nameZh, row.month]));
    expect(Object.keys(streets).sort()).toEqual(['中山路街道', '朱沱镇'].sort());
    const a = streets['中山路街道']!;
    expect([a.received, a.closed, a.open, a.overdue]).toEqual([5, 3, 3, 1]); // Q1 Q2 Q3 Q6 Q7; open Q6 Q7 E1
    expect(a.satisfactionFirstRound).toEqual(r(2, 2)); // P1, Q1
    expect(a.satisfactionSecondRound).toEqual(r(0, 0));
    const b = streets['朱沱镇']!;
    expect([b.received, b.closed, b.open, b.overdue]).toEqual([2, 0, 2, 1]); // Q4 Q5
    expect(b.satisfactionFirstRound).toEqual(r(0, 1)); // P2
    expect(b.satisfactionSecondRound).toEqual(r(1, 1));
    expect(b.responseRate).toEqual(r(1, 2));
  });

  it('breaks the month down by station, category (as at the cut-off), agency and officer', () => {
    const month = (dimension: keyof MonthlyReport['breakdowns']) => Object.fromEntries(report.breakdowns[dimension].map((row) => [row.id, row.month]));
    const { s1, s2, s3 } = data.places.stations;
    const stations = month('station');
    expect([stations[s1]!.received, stations[s2]!.received, stations[s3]!.received]).toEqual([3, 2, 2]);
    expect(stations[s2]!.overdue).toBe(1); // E1
    const categories = month('category');
    // Q6 was reclassified after the cut-off: still roads in October.
    expect(categories[data.places.categories.roads]!.received).toBe(4); // Q1 Q2 Q5 Q6
    expect(categories[data.places.categories.environment]!.received).toBe(3); // Q3 Q4 Q7
    const agencies = month('agency');
    expect(agencies[data.places.agencies.g2]!.referred).toBe(1); // Q4
    expect([agencies[data.places.agencies.g1]!.received, agencies[data.places.agencies.g1]!.overdue]).toEqual([0, 1]); // E1 in the backlog
    expect(agencies[data.places.agencies.g1]!.satisfactionFirstRound).toEqual(r(0, 1)); // P2
    const officers = month('officer');
    expect(officers[data.places.officers.o1]!.received).toBe(4); // Q1 Q2 Q3 Q6
    expect(officers[data.places.officers.o1]!.closed).toBe(3);
    expect(officers[data.places.officers.o2]!.received).toBe(1); // Q4; Q5 has no officer yet
  });

  it('lists the most overdue cases with whole days overdue', () => {
    expect(report.mostOverdue.map((c) => [c.trackingNo, c.daysOverdue])).toEqual([
      ['MY-2608-0001', 68],
      ['MY-2610-0005', 8],
    ]);
  });

  it('finds the street lamp complaints as one hot topic, a proposal candidate', () => {
    const [top] = report.hotTopics;
    expect(top?.size).toBe(3); // Q1, Q2, Q6 (Q8 is November's)
    expect(top?.category.id).toBe(data.places.categories.roads);
    expect(top?.street?.nameZh).toBe('中山路街道');
    expect(top?.stations.map((s) => s.id)).toEqual([data.places.stations.s1]);
    expect(top?.proposalCandidate).toBe(true);
    expect(top?.keywords).toContain('路灯');
    expect(report.hotTopics.every((t) => t.size >= 2)).toBe(true);
  });

  it('gives the same report for a past month whatever happens later', async () => {
    await app.deps.prisma.opinionEvent.create({
      data: { opinionId: data.ids.Q5, type: 'ACKNOWLEDGED', toStage: 'ANALYZING', fromStage: 'COLLECTED', at: new Date('2026-11-10T02:00:00Z') },
    });
    await app.deps.prisma.opinionDeadline.updateMany({ where: { opinionId: data.ids.Q5, kind: 'ACKNOWLEDGE' }, data: { metAt: new Date('2026-11-10T02:00:00Z') } });
    const again = await buildMonthlyReport(app.deps, { month: '2026-10' });
    expect(again.totals).toEqual(report.totals);
    expect(again.breakdowns).toEqual(report.breakdowns);
    expect(again.mostOverdue).toEqual(report.mostOverdue);
  });

  it('limits a street admin’s report to their street', async () => {
    const town = await buildMonthlyReport(app.deps, { month: '2026-10', streetId: data.places.townB });
    expect(town.street?.nameZh).toBe('朱沱镇');
    expect([town.totals.month.received, town.totals.month.open, town.totals.month.overdue]).toEqual([2, 2, 1]);
    expect(town.breakdowns.street.map((row) => row.id)).toEqual([data.places.townB]);
    expect(town.mostOverdue.map((c) => c.trackingNo)).toEqual(['MY-2610-0005']);
  });

  it('shows "—" material: a month without anything has null rates', async () => {
    const empty = await buildMonthlyReport(app.deps, { month: '2026-03' });
    expect(empty.totals.month.received).toBe(0);
    expect(empty.totals.month.closureRate).toEqual(r(0, 0));
    expect(empty.totals.month.timeToCloseHours).toEqual(spread(null, null));
  });
});

describe('answered on the spot (domain.md: "answered in the period by an officer\'s or representative\'s own reply, whether or not rated yet")', () => {
  let app: TestApp;
  afterAll(() => app?.close());

  it('counts the replies given in the month, rated by the cut-off or not', async () => {
    app = await createTestApp({ now: new Date('2026-11-05T02:00:00Z') });
    const places = await createPlaces(app.deps);
    const spec = { stationId: places.stations.s1, categoryId: places.categories.roads, residentId: places.admins.resident.personId };
    const { o1 } = places.officers;
    // Answered and rated in October: closed by the cut-off.
    await recordCase(app.deps, {
      ...spec, trackingNo: 'MY-2610-0101', text: '小区门口人行道地砖松动', collectedAt: '2026-10-20T09:00:00+08:00',
      steps: [
        { type: 'answer', at: '2026-10-20T10:00:00+08:00', by: o1 },
        { type: 'evaluate', at: '2026-10-21T10:00:00+08:00', rating: 'SATISFIED' },
      ],
    });
    // Answered on 30 October, rated on 2 November: still awaiting the resident at the cut-off.
    await recordCase(app.deps, {
      ...spec, trackingNo: 'MY-2610-0102', text: '公交站台的遮雨棚漏雨', collectedAt: '2026-10-30T09:00:00+08:00',
      steps: [
        { type: 'answer', at: '2026-10-30T10:00:00+08:00', by: o1 },
        { type: 'evaluate', at: '2026-11-02T10:00:00+08:00', rating: 'SATISFIED' },
      ],
    });
    const report = await buildMonthlyReport(app.deps, { month: '2026-10' });
    expect(report.totals.month).toMatchObject({ received: 2, answeredOnTheSpot: 2, closed: 1, referred: 0, solved: 1 });
    expect(report.totals.month.answeredOnTheSpotShare).toEqual(r(2, 2));
    expect(report.totals.month.answerRate).toEqual(r(2, 2));
    // November: the rating of the second does not make it a November reply.
    const november = await buildMonthlyReport(app.deps, { month: '2026-11' });
    expect(november.totals.month.answeredOnTheSpot).toBe(0);
  });
});
