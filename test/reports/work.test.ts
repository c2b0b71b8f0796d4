// The hand-checked dataset of the new figures: proposals (提办督评), representatives'
// activity, the station network and solved (解决), for October 2026 with the quarter and
// the periods around it. Every expected number is worked out in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMonthlyReport, type MonthlyReport } from '../../src/domain/reports/report.js';
import { quarterOf, requestedSpan, spanPeriods } from '../../src/domain/reports/period.js';
import { computePeriodFigures } from '../../src/domain/reports/figures.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createPlaces, recordCase, type Places } from './fixtures.js';
import { recordProposals, recordReception } from './work-fixtures.js';

const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });

describe('representatives’ work in the report', () => {
  let app: TestApp;
  let places: Places;
  let rep1: number;
  let rep2: number;
  let report: MonthlyReport;

  beforeAll(async () => {
    app = await createTestApp({ backend: 'postgres', now: new Date('2026-11-05T02:00:00Z') });
    places = await createPlaces(app.deps);
    const p = app.deps.prisma;
    rep1 = (await p.person.create({ data: { telegramId: 8001n, chatId: 8001n, displayName: '张代表' } })).id;
    rep2 = (await p.person.create({ data: { telegramId: 8002n, chatId: 8002n, displayName: '刘主任' } })).id;
    const { g1, g2 } = places.agencies;
    const { s1, s2, s3 } = places.stations;

    // Proposals. October 2026 local = 30 Sep 16:00Z … 31 Oct 15:59:59Z.
    await recordProposals(app.deps, [
      // X1: submitted and assigned in October to G1 (co: G2), answered A within the limit on 25 Oct,
      // first evaluation satisfied 28 Oct; key since 20 Oct.
      { number: 'X1', representativeId: rep1, submittedAt: '2026-10-05T02:00:00Z', assigned: { at: '2026-10-08T02:00:00Z', dueAt: '2027-01-08T02:00:00Z', leadAgencyId: g1, coAgencyIds: [g2] },
        answers: [{ at: '2026-10-25T02:00:00Z', answerClass: 'A' }], firstEvaluations: [{ at: '2026-10-28T02:00:00Z', rating: 'SATISFIED' }], keyMarkedAt: '2026-10-20T02:00:00Z' },
      // X2: submitted and assigned in October to G2, not answered by the cut-off (answered 3 Nov).
      { number: 'X2', representativeId: rep1, submittedAt: '2026-10-06T02:00:00Z', assigned: { at: '2026-10-09T02:00:00Z', dueAt: '2027-01-09T02:00:00Z', leadAgencyId: g2 },
        answers: [{ at: '2026-11-03T02:00:00Z', answerClass: 'B' }] },
      // X3: submitted in October, not assigned yet.
      { number: 'X3', representativeId: rep1, submittedAt: '2026-10-30T02:00:00Z' },
      // Y1: from June (G1), answered A late (due 10 Sep, answered 20 Sep); first evaluation
      // DISSATISFIED on 5 Oct, answered again 15 Oct and not evaluated again; implemented 30 Oct.
      { number: 'Y1', representativeId: rep1, submittedAt: '2026-06-01T02:00:00Z', assigned: { at: '2026-06-10T02:00:00Z', dueAt: '2026-09-10T02:00:00Z', leadAgencyId: g1 },
        answers: [{ at: '2026-09-20T02:00:00Z', answerClass: 'A' }, { at: '2026-10-15T02:00:00Z', answerClass: 'A' }],
        firstEvaluations: [{ at: '2026-10-05T02:00:00Z', rating: 'DISSATISFIED' }], implementedAt: '2026-10-30T02:00:00Z' },
      // Z1, Z2: carried over from 2025 (open on 1 January 2026); Z1 second-evaluated
      // satisfied and closed on 12 Oct, Z2 still open. Z3: closed in 2025, not carried over.
      { number: 'Z1', representativeId: rep1, submittedAt: '2025-05-01T02:00:00Z', assigned: { at: '2025-05-10T02:00:00Z', dueAt: '2025-08-10T02:00:00Z', leadAgencyId: g1 },
        answers: [{ at: '2025-07-01T02:00:00Z', answerClass: 'B' }], firstEvaluations: [{ at: '2025-07-10T02:00:00Z', rating: 'SATISFIED' }],
        secondEvaluation: { at: '2026-10-12T02:00:00Z', rating: 'SATISFIED' }, closedAt: '2026-10-12T02:00:00Z' },
      { number: 'Z2', representativeId: rep1, submittedAt: '2025-05-02T02:00:00Z', assigned: { at: '2025-05-10T02:00:00Z', dueAt: '2025-08-10T02:00:00Z', leadAgencyId: g2 },
        answers: [{ at: '2025-07-01T02:00:00Z', answerClass: 'C' }], firstEvaluations: [{ at: '2025-07-10T02:00:00Z', rating: 'BASICALLY_SATISFIED' }] },
      { number: 'Z3', representativeId: rep1, submittedAt: '2025-03-01T02:00:00Z', assigned: { at: '2025-03-10T02:00:00Z', dueAt: '2025-06-10T02:00:00Z', leadAgencyId: g2 },
        answers: [{ at: '2025-04-01T02:00:00Z', answerClass: 'A' }], firstEvaluations: [{ at: '2025-04-10T02:00:00Z', rating: 'SATISFIED' }],
        implementedAt: '2025-09-01T02:00:00Z', secondEvaluation: { at: '2025-12-10T02:00:00Z', rating: 'DISSATISFIED' }, closedAt: '2025-12-10T02:00:00Z' },
    ]);

    // Receptions: rep1 at S1 twice in October (5 + 3 residents), once in September (4);
    // rep2's leaders' reception day at S2 in October (6 residents).
    await recordReception(app.deps, { stationId: s1, hostId: rep1, at: '2026-10-10T01:00:00Z', residentsReceived: 5 });
    await recordReception(app.deps, { stationId: s1, hostId: rep1, at: '2026-10-20T01:00:00Z', residentsReceived: 3 });
    await recordReception(app.deps, { stationId: s1, hostId: rep1, at: '2026-09-20T01:00:00Z', residentsReceived: 4 });
    await recordReception(app.deps, { stationId: s2, hostId: rep2, at: '2026-10-15T01:00:00Z', residentsReceived: 6, kind: 'LEADER' });

    // Opinions: rep1 recorded R1 (answered on the spot) and R2 (referred) at S1 in October;
    // C1 came by chat to S1, was answered, and the evaluation window elapsed (NOT_EVALUATED).
    const { o1 } = places.officers;
    const base = { stationId: s1, categoryId: places.categories.roads, residentId: places.admins.resident.personId };
    const r1 = await recordCase(app.deps, { ...base, trackingNo: 'MY-2610-0201', text: '接待日群众反映路灯不亮', collectedAt: '2026-10-10T10:00:00+08:00',
      steps: [{ type: 'answer', at: '2026-10-10T10:30:00+08:00', by: rep1 }] });
    const r2 = await recordCase(app.deps, { ...base, trackingNo: 'MY-2610-0202', text: '接待日群众反映道路积水', collectedAt: '2026-10-10T11:00:00+08:00',
      steps: [{ type: 'refer', at: '2026-10-10T11:30:00+08:00', by: rep1, agencyId: g1 }] });
    await p.opinion.updateMany({ where: { id: { in: [r1, r2] } }, data: { recordedById: rep1, channel: 'RECEPTION' } });
    await recordCase(app.deps, { ...base, trackingNo: 'MY-2610-0203', text: '小区垃圾清运不及时', collectedAt: '2026-10-12T09:00:00+08:00',
      steps: [{ type: 'answer', at: '2026-10-12T10:00:00+08:00', by: o1 }, { type: 'expireEvaluation', at: '2026-10-20T10:00:00+08:00' }] });

    // Stations: S1–S3 (STATION, opened before records). H1, a home opened 15 Oct; P1, a point
    // closed 20 Oct; P2, a point closed in 2025 (gone); P3, a point opened 3 Nov (not yet).
    const station = { regionId: (await p.station.findUniqueOrThrow({ where: { id: s1 } })).regionId, addressZh: '地址', addressEn: 'Address', latitude: 29.35, longitude: 105.9, openingHoursZh: '工作日', openingHoursEn: 'Weekdays' };
    await p.station.createMany({
      data: [
        { ...station, code: 'H1', tier: 'HOME', nameZh: '新代表之家', nameEn: 'New home', openedAt: new Date('2026-10-15T02:00:00Z') },
        { ...station, code: 'P1', tier: 'POINT', nameZh: '市场联络点', nameEn: 'Market point', active: false, closedAt: new Date('2026-10-20T02:00:00Z') },
        { ...station, code: 'P2', tier: 'POINT', nameZh: '旧联络点', nameEn: 'Old point', active: false, closedAt: new Date('2025-03-01T02:00:00Z') },
        { ...station, code: 'P3', tier: 'POINT', nameZh: '园区联络点', nameEn: 'Park point', openedAt: new Date('2026-11-03T02:00:00Z') },
      ],
    });
    void s3;
    report = await buildMonthlyReport(app.deps, { month: '2026-10' });
  }, 180_000);
  afterAll(() => app?.close());

  it('counts proposals: received, assigned, answered within the limit, evaluations, 落实率, carried over, key', () => {
    expect(report.proposals!.totals.month).toEqual({
      received: 3, // X1 X2 X3
      closed: 0,
      closureRate: r(0, 3),
      assigned: 2, // X1 X2
      answered: 1, // X1 (X2 on 3 Nov)
      answeredWithinLimit: 1,
      answerRate: r(1, 2),
      withinLimitRate: r(1, 2),
      satisfactionFirst: r(1, 2), // X1 ✓, Y1 ✗ (its last first evaluation, given 5 Oct)
      satisfactionSecond: r(1, 1), // Z1
      implementationRate: r(0, 1), // X1 committed A (first answer in October), not implemented yet; Y1 was committed in September
      carriedOverClosureRate: r(1, 2), // Z1 of Z1, Z2
      key: 1, // X1
      coHandled: 0,
    });
  });

  it('counts proposals per lead agency, co-handled apart, and over the year to date', () => {
    const byAgency = Object.fromEntries(report.proposals!.byAgency.map((row) => [row.id, row.month]));
    const { g1, g2 } = places.agencies;
    expect(byAgency[g1]).toMatchObject({ received: 1, assigned: 1, answered: 1, key: 1, coHandled: 0 });
    expect(byAgency[g1]!.satisfactionFirst).toEqual(r(1, 2));
    expect(byAgency[g1]!.carriedOverClosureRate).toEqual(r(1, 1));
    expect(byAgency[g2]).toMatchObject({ received: 1, assigned: 1, answered: 0, key: 0, coHandled: 1 });
    expect(byAgency[g2]!.carriedOverClosureRate).toEqual(r(0, 1)); // Z2 (Z3 closed in 2025)
    const ytd = report.proposals!.totals.yearToDate;
    expect(ytd.received).toBe(4); // X1 X2 X3 Y1
    expect(ytd.withinLimitRate).toEqual(r(1, 3)); // X1 of X1 X2 Y1 (Y1 answered after its due date)
    expect(ytd.answerRate).toEqual(r(2, 3));
    expect(ytd.implementationRate).toEqual(r(1, 2)); // Y1 implemented, X1 not yet
  });

  it('counts representatives’ activity per representative', () => {
    const byRep = Object.fromEntries(report.representatives.byRepresentative.map((row) => [row.nameZh, row.month]));
    expect(byRep['张代表']).toEqual({ visits: 2, leaderReceptions: 0, residentsReceived: 8, opinionsCollected: 2, answeredOnTheSpot: 1, referred: 1 });
    expect(byRep['刘主任']).toEqual({ visits: 0, leaderReceptions: 1, residentsReceived: 6, opinionsCollected: 0, answeredOnTheSpot: 0, referred: 0 });
    expect(report.representatives.totals.month).toEqual({ visits: 2, leaderReceptions: 1, residentsReceived: 14, opinionsCollected: 2, answeredOnTheSpot: 1, referred: 1 });
    expect(report.representatives.totals.previousMonth).toMatchObject({ visits: 1, residentsReceived: 4 });
  });

  it('counts the station network: by tier at the cut-off, opened, closed, activity, little used', () => {
    const network = report.stationNetwork.totals.month;
    expect(network.atCutoff).toEqual({ HOME: 1, STATION: 3, POINT: 0, total: 4 }); // S1–S3, H1 (P1 closed, P2 gone, P3 not yet)
    expect(network.opened).toEqual({ HOME: 1, STATION: 0, POINT: 0, total: 1 });
    expect(network.closed).toEqual({ HOME: 0, STATION: 0, POINT: 1, total: 1 });
    expect(network.littleUsed).toBe(1); // S3: open all month, nothing happened there
    const byCode = Object.fromEntries(report.stationNetwork.stations.map((s) => [s.nameEn, s]));
    expect(Object.keys(byCode).sort()).toEqual(['Hongqi station', 'Market point', 'New home', 'Zhongshan home', 'Zhutuo home'].sort());
    expect(byCode['Hongqi station']).toMatchObject({ opinions: 3, receptions: 2, residentsReceived: 8, littleUsed: false });
    expect(byCode['Zhongshan home']).toMatchObject({ opinions: 0, receptions: 1, residentsReceived: 6, littleUsed: false });
    expect(byCode['Zhutuo home']).toMatchObject({ opinions: 0, receptions: 0, littleUsed: true });
    expect(byCode['New home']!.littleUsed).toBe(false); // opened in the month
  });

  it('counts solved apart from closed, silence as acceptance only where the district says so', async () => {
    const month = report.totals.month;
    expect(month).toMatchObject({ received: 3, answeredOnTheSpot: 2, closed: 1, solved: 0 }); // R1 R2 C1; C1 closed NOT_EVALUATED
    expect(month.answerRate).toEqual(r(2, 3)); // R1, C1
    const silent = await computePeriodFigures(app.deps, report.periods.month, { silenceCountsAsSolved: true });
    expect(silent.district.solved).toBe(1);
  });

  it('reports a quarter beside the quarter before it', async () => {
    const span = requestedSpan({ quarter: '2026Q3' }, app.deps.clock.now(), 'Asia/Shanghai');
    expect(span).toEqual({ kind: 'quarter', from: '2026-07', to: '2026-09', label: '2026Q3' });
    const periods = spanPeriods(span, 'Asia/Shanghai');
    expect(periods.previousMonth.start.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(periods.previousMonth.cutoff.toISOString()).toBe('2026-06-30T15:59:59.999Z');
    const quarter = await buildMonthlyReport(app.deps, { span });
    expect(quarter.proposals!.totals.month.implementationRate).toEqual(r(0, 1)); // Y1 committed 20 Sep, implemented 30 Oct
    expect(quarter.proposals!.totals.month.carriedOverClosureRate).toEqual(r(0, 2)); // Z1, Z2 open at 30 Sep
    expect(quarter.proposals!.totals.previousMonth.received).toBe(1); // Y1, June
    expect(quarter.representatives.totals.month.visits).toBe(1);
  });

  it('reads periods: month, range, quarter, year; refuses mixes and the future', () => {
    const now = app.deps.clock.now();
    const zone = 'Asia/Shanghai';
    expect(requestedSpan({}, now, zone)).toEqual({ kind: 'month', from: '2026-10', to: '2026-10', label: '2026-10' });
    expect(requestedSpan({ from: '2026-01', to: '2026-05' }, now, zone)).toEqual({ kind: 'range', from: '2026-01', to: '2026-05', label: '2026-01..2026-05' });
    expect(requestedSpan({ year: '2025' }, now, zone)).toEqual({ kind: 'year', from: '2025-01', to: '2025-12', label: '2025' });
    // A year still running ends at the last complete month, and says so.
    expect(requestedSpan({ year: '2026' }, now, zone)).toEqual({ kind: 'year', from: '2026-01', to: '2026-10', label: '2026 (..2026-10)' });
    expect(() => requestedSpan({ month: '2026-10', year: '2026' }, now, zone)).toThrow(expect.objectContaining({ key: 'report-error-bad-period' }));
    expect(() => requestedSpan({ quarter: '2026Q5' }, now, zone)).toThrow(expect.objectContaining({ key: 'report-error-bad-period' }));
    expect(() => requestedSpan({ from: '2026-05', to: '2026-01' }, now, zone)).toThrow(expect.objectContaining({ key: 'report-error-bad-period' }));
    expect(() => requestedSpan({ quarter: '2027Q1' }, now, zone)).toThrow(expect.objectContaining({ key: 'report-error-future-month' }));
    // In chat the month under way may end a period (reported to date), which keeps its name.
    expect(requestedSpan({ quarter: '2026Q4' }, now, zone, { allowCurrent: true })).toEqual({ kind: 'quarter', from: '2026-10', to: '2026-11', label: '2026Q4' });
    expect(requestedSpan({ month: '2026-11' }, now, zone, { allowCurrent: true })).toEqual({ kind: 'month', from: '2026-11', to: '2026-11', label: '2026-11' });
    expect(() => requestedSpan({ year: '2027' }, now, zone, { allowCurrent: true })).toThrow(expect.objectContaining({ key: 'report-error-future-month' }));
    expect(['2026-01', '2026-03', '2026-04', '2026-12'].map(quarterOf)).toEqual(['2026Q1', '2026Q1', '2026Q2', '2026Q4']);
  });
});
