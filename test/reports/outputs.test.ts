// The output formats of the hand-checked report: the spreadsheet cell by cell, the chart
// as a real PNG, CSV, Markdown, JSON and the command line.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCommand, UsageError } from '../../src/cli/report.js';
import { buildMonthlyReport, type MonthlyReport } from '../../src/domain/reports/report.js';
import { renderChartPng, renderChartSvg, chartHeight, CHART_FONT_FAMILY, CHART_WIDTH, svgToPng } from '../../src/reports/chart.js';
import { renderReport } from '../../src/reports/index.js';
import { localeT } from '../../src/reports/labels.js';
import { renderSummary } from '../../src/reports/summary.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedOctoberDataset } from './dataset.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('monthly report outputs', () => {
  let app: TestApp;
  let report: MonthlyReport;
  let dir: string;

  beforeAll(async () => {
    app = await createTestApp({ now: new Date('2026-11-05T02:00:00Z'), env: { HOT_TOPIC_PROPOSAL_SIZE: '3' } });
    await seedOctoberDataset(app.deps);
    report = await buildMonthlyReport(app.deps, { month: '2026-10' });
    dir = await mkdtemp(join(tmpdir(), 'minyi-report-'));
  });
  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the spreadsheet: summary sheet first, then one sheet per breakdown, cell by cell', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReport(report, 'xlsx', app.deps.translate, 'zh-CN')) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '街道（镇）', '站点', '类别', '承办单位', '联络员', '超期案件', '热点问题', '代表建议', '代表建议·承办单位', '代表履职', '代表', '站点网络', '站点活跃度']);
    const summary = workbook.getWorksheet('汇总')!;
    const NA = '—';
    const expected: [string, ...(number | string)[]][] = [
      ['指标', '本月', '上月', '本年累计'],
      ['受理', 7, 2, 10],
      ['现场答复', 2, 0, 2],
      ['现场答复占受理比例·分子', 2, 0, 2],
      ['现场答复占受理比例·分母', 7, 2, 10],
      ['现场答复占受理比例', 2 / 7, 0, 0.2],
      ['答复率·分子', 2, 0, 4],
      ['答复率·分母', 7, 2, 10],
      ['答复率', 2 / 7, 0, 0.4],
      ['解决', 1, 0, 3],
      ['解决率·分子', 1, 0, 3],
      ['解决率·分母', 7, 2, 10],
      ['解决率', 1 / 7, 0, 0.3],
      ['转办', 1, 1, 3],
      ['转化为建议或议题', 1, 0, 1],
      ['办结', 3, 0, 5],
      ['办结率·分子', 3, 0, 5],
      ['办结率·分母', 7, 2, 10],
      ['办结率', 3 / 7, 0, 0.5],
      ['按时办结率·分子', 2, 0, 3],
      ['按时办结率·分母', 3, 0, 5],
      ['按时办结率', 2 / 3, NA, 0.6],
      ['响应率·分子', 4, 1, 7],
      ['响应率·分母', 7, 2, 10],
      ['响应率', 4 / 7, 0.5, 0.7],
      ['未办结（截至期末）', 5, 3, 5],
      ['超期', 2, 1, 2],
      ['超期占比·分子', 2, 1, 2],
      ['超期占比·分母', 5, 3, 5],
      ['超期占比', 0.4, 1 / 3, 0.4],
      ['首轮满意率·分子', 2, 0, 2],
      ['首轮满意率·分母', 3, 0, 3],
      ['首轮满意率', 2 / 3, NA, 2 / 3],
      ['二轮满意率·分子', 1, 0, 1],
      ['二轮满意率·分母', 1, 0, 1],
      ['二轮满意率', 1, NA, 1],
      ['首次响应时长中位数（小时）', 1, 2, 1],
      ['首次响应时长90分位（小时）', 29.8, 2, 91.6],
      ['办结时长中位数（小时）', 27, NA, 50],
      ['办结时长90分位（小时）', 45.4, NA, 754.2],
    ];
    expect(summary.rowCount).toBe(expected.length);
    expected.forEach((row, r) => {
      row.forEach((value, c) => {
        const cell = summary.getCell(r + 1, c + 1);
        if (typeof value === 'number') expect(cell.value, `${row[0]} col ${c + 1}`).toBeCloseTo(value, 6);
        else expect(cell.value, `${row[0]} col ${c + 1}`).toBe(value);
      });
    });
    expect(summary.getCell(19, 2).numFmt).toBe('0.00%');

    const streets = workbook.getWorksheet('街道（镇）')!;
    expect(streets.getRow(1).values).toEqual(expect.arrayContaining(['名称', '期间', '受理', '办结率·分子', '办结率·分母', '办结率']));
    const header = (streets.getRow(1).values as unknown[]).slice(1);
    const column = (label: string) => header.indexOf(label) + 1;
    // Rows: 中山路街道 month / previous / YTD, then 朱沱镇.
    const rows = [2, 3, 4, 5, 6, 7].map((r) => [streets.getCell(r, 1).value, streets.getCell(r, 2).value, streets.getCell(r, column('受理')).value, streets.getCell(r, column('办结')).value]);
    expect(rows).toEqual([
      ['中山路街道', '本月', 5, 3],
      ['中山路街道', '上月', 1, 0],
      ['中山路街道', '本年累计', 7, 4],
      ['朱沱镇', '本月', 2, 0],
      ['朱沱镇', '上月', 1, 0],
      ['朱沱镇', '本年累计', 3, 1],
    ]);
    expect(streets.getCell(7, column('首轮满意率·分母')).value).toBe(1);
    expect(streets.getCell(5, column('按时办结率')).value).toBe('—'); // 朱沱镇 closed nothing in October

    const overdue = workbook.getWorksheet('超期案件')!;
    expect([2, 3].map((r) => [overdue.getCell(r, 1).value, overdue.getCell(r, 2).value])).toEqual([
      ['MY-2608-0001', 68],
      ['MY-2610-0005', 8],
    ]);
    const topics = workbook.getWorksheet('热点问题')!;
    expect([topics.getCell(2, 1).value, topics.getCell(2, 2).value, topics.getCell(2, 3).value, topics.getCell(2, 8).value]).toEqual([3, '道路交通', '中山路街道', '是']);
  });

  it('draws the chart as a real PNG, one row of bars per street', async () => {
    const t = localeT(app.deps.translate, 'zh-CN');
    const png = await renderChartPng(report, t, 'zh-CN');
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(CHART_WIDTH);
    expect(png.readUInt32BE(20)).toBe(chartHeight(2));
    const svg = renderChartSvg(report, t, 'zh-CN');
    expect(svg).toContain('中山路街道');
    expect(svg).toContain('60.00% (3/5)');
    expect(svg).toContain('0.00% (0/1)'); // 朱沱镇's first-round satisfaction
  });

  it('draws Chinese labels: a CJK font is installed (Debian: apt-get install fonts-noto-cjk)', async () => {
    const label = (text: string) => svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="30" font-size="24" font-family="${CHART_FONT_FAMILY}">${text}</text></svg>`);
    // Without a font for them, resvg draws nothing: the picture equals an empty one.
    expect((await label('街道')).equals(await label(''))).toBe(false);
  });

  it('writes CSV with numerators and denominators, empty where a rate has no denominator', async () => {
    const csv = (await renderReport(report, 'csv', app.deps.translate, 'zh-CN')).toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = csv.trim().split('\r\n');
    const columns = header!.split(',');
    const district = Object.fromEntries(lines.find((l) => l.startsWith('2026-10,district,,全区,District,month'))!.split(',').map((v, i) => [columns[i], v]));
    expect([district.received, district.closure_rate_numerator, district.closure_rate_denominator]).toEqual(['7', '3', '7']);
    const previous = Object.fromEntries(lines.find((l) => l.includes(',district,') && l.includes(',previousMonth,'))!.split(',').map((v, i) => [columns[i], v]));
    expect([previous.on_time_rate_numerator, previous.on_time_rate_denominator, previous.on_time_rate]).toEqual(['0', '0', '']);
    expect(lines.filter((l) => l.includes(',street,'))).toHaveLength(6);
  });

  it('writes Markdown and JSON', async () => {
    const md = (await renderReport(report, 'md', app.deps.translate, 'en')).toString();
    expect(md).toContain('# District closure report, 2026-10');
    expect(md).toContain('| Closure rate | 42.86% (3/7) | 0.00% (0/2) | 50.00% (5/10) |');
    expect(md).toContain('| On-time rate | 66.67% (2/3) | — (0/0) | 60.00% (3/5) |');
    expect(md).toContain('| Answer rate | 28.57% (2/7) | 0.00% (0/2) | 40.00% (4/10) |');
    expect(md).toContain('## Proposals');
    expect(md).toContain('## Representatives\' activity');
    expect(md).toContain('## Station network');
    const json = JSON.parse((await renderReport(report, 'json', app.deps.translate, 'en')).toString());
    expect(json.span).toEqual({ kind: 'month', from: '2026-10', to: '2026-10', label: '2026-10' });
    expect(json.stationNetwork.totals.month.atCutoff).toEqual({ HOME: 0, STATION: 3, POINT: 0, total: 3 });
    expect(json.totals.month.closureRate).toEqual({ numerator: 3, denominator: 7, value: 3 / 7 });
    expect(json.periods.month.cutoff).toBe('2026-10-31T15:59:59.999Z');
  });

  it('summarises in both languages: headline rates, change against last month, overdue cases, hot topics', () => {
    const zh = renderSummary(report, localeT(app.deps.translate, 'zh-CN'), 'zh-CN');
    expect(zh).toContain('办结率 42.86% (3/7)');
    expect(zh).toContain('办结率：0.00% → 42.86%（+42.86 个百分点）');
    expect(zh).toContain('按时办结率：— → 66.67%（无可比数据）');
    expect(zh).toContain('MY-2608-0001：超期 68 天');
    expect(zh).toContain('3 件 · 道路交通 · 中山路街道');
    const en = renderSummary(report, localeT(app.deps.translate, 'en'), 'en');
    expect(en).toContain('Response rate: 50.00% → 57.14% (+7.14 pts)');
    expect(en).toContain('MY-2610-0005: 8 days overdue');
    expect(en).toContain('(proposal candidate)');
    expect(en).toContain('Answer rate 28.57% (2/7)');
    expect(en).toContain('Proposals: 0 received');
    expect(en).toContain('Stations: 3 open at the cut-off');
  });

  it('npm run report writes the file and returns the summary; bad input is refused clearly', async () => {
    const out = join(dir, 'october.xlsx');
    const result = await runReportCommand(app.deps, ['--month', '2026-10', '--format', 'xlsx', '--out', out]);
    expect(result.file).toBe(out);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
    expect(result.summary).toContain('受理 7 件，办结 3 件');
    const town = await runReportCommand(app.deps, ['--month', '2026-10', '--format', 'md', '--street', 'B', '--out', join(dir, 'b.md')]);
    expect(town.summary).toContain('朱沱镇');
    await expect(runReportCommand(app.deps, ['--month', '2026-10', '--format', 'pdf'])).rejects.toBeInstanceOf(UsageError);
    await expect(runReportCommand(app.deps, ['--month', '2026-13', '--format', 'md'])).rejects.toMatchObject({ key: 'report-error-bad-month' });
    await expect(runReportCommand(app.deps, ['--month', '2026-11', '--format', 'md'])).rejects.toMatchObject({ key: 'report-error-future-month', vars: { latest: '2026-10' } });
  });
});
