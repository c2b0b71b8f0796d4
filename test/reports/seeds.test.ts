// The seeds' own figures reproduced exactly by `npm run report -- --format json` (and its
// Markdown, two decimals), on the dataset of seeds-dataset.ts.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCommand } from '../../src/cli/report.js';
import { computePeriodFigures } from '../../src/domain/reports/figures.js';
import { spanPeriods } from '../../src/domain/reports/period.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedSeedsDataset } from './seeds-dataset.js';

const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: numerator / denominator });

describe('the seeds’ figures through npm run report', { timeout: 120_000 }, () => {
  let app: TestApp;
  let dir: string;

  const report = async (args: string[], format = 'json', locale = 'zh-CN') => {
    const out = join(dir, `${args.join('_')}.${format}`);
    await runReportCommand(app.deps, [...args, '--format', format, '--out', out, '--locale', locale]);
    const text = await readFile(out, 'utf8');
    return format === 'json' ? JSON.parse(text) : text;
  };

  beforeAll(async () => {
    app = await createTestApp({ backend: 'postgres', now: new Date('2026-12-01T10:00:00Z') });
    await seedSeedsDataset(app.deps);
    dir = await mkdtemp(join(tmpdir(), 'minyi-seeds-'));
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('Yongchuan 2023: first evaluation 380/384 = 98.96 %, second 362/384 = 94.27 %', async () => {
    const json = await report(['--year', '2023']);
    expect(json.span).toMatchObject({ kind: 'year', from: '2023-01', to: '2023-12', label: '2023' });
    expect(json.proposals.totals.month.satisfactionFirst).toEqual(r(380, 384));
    expect(json.proposals.totals.month.satisfactionSecond).toEqual(r(362, 384));
    const md = await report(['--year', '2023'], 'md', 'en');
    expect(md).toContain('| First-evaluation satisfaction | 98.96% (380/384) |');
    expect(md).toContain('| Second-evaluation satisfaction | 94.27% (362/384) |');
  });

  it('Jiangjin 2025: 7,978 collected at stations, 7,528 answered on the spot, 450 referred; proposals 532/534, A-class 391/410, carried over 70/76', async () => {
    const json = await report(['--year', '2025']);
    expect(json.totals.month).toMatchObject({ received: 7978, answeredOnTheSpot: 7528, referred: 450 });
    expect(json.representatives.totals.month).toEqual({ visits: 9670, leaderReceptions: 0, residentsReceived: 21486, opinionsCollected: 7978, answeredOnTheSpot: 7528, referred: 450 });
    const p = json.proposals.totals.month;
    expect(p.satisfactionFirst).toEqual(r(532, 534));
    expect(p.implementationRate).toEqual(r(391, 410));
    expect(p.carriedOverClosureRate).toEqual(r(70, 76));
    expect(p).toMatchObject({ received: 534, assigned: 534, answered: 534, answeredWithinLimit: 534, key: 20 });
    const md = await report(['--year', '2025'], 'md', 'en');
    expect(md).toContain('| First-evaluation satisfaction | 99.63% (532/534) |');
    expect(md).toContain('| A-class implementation rate | 95.37% (391/410) |');
    expect(md).toContain('| Closure rate, carried over from earlier years | 92.11% (70/76) |');
  });

  it('Dazu, January to May 2026: 846 received, 683 solved, 2 escalated', async () => {
    const json = await report(['--from', '2026-01', '--to', '2026-05']);
    expect(json.span).toMatchObject({ kind: 'range', label: '2026-01..2026-05' });
    expect(json.totals.month).toMatchObject({ received: 846, solved: 683, escalated: 2, closed: 844 });
    // Where the district counts silence as acceptance, the 100 not evaluated are solved too.
    const silent = await computePeriodFigures(app.deps, spanPeriods({ from: '2026-01', to: '2026-05' }, 'Asia/Shanghai').month, { silenceCountsAsSolved: true });
    expect(silent.district.solved).toBe(783);
  });

  it('Kaizhou 2026: 217 stations closed, 192 stations and 180 liaison points kept', async () => {
    const json = await report(['--year', '2026']);
    expect(json.span).toMatchObject({ kind: 'year', from: '2026-01', to: '2026-11' });
    const network = json.stationNetwork.totals.month;
    expect(network.atCutoff).toEqual({ HOME: 0, STATION: 192, POINT: 180, total: 372 });
    expect(network.closed.total).toBe(217);
  });
});
