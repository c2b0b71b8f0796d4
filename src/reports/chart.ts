// The chart of the report: closure rate and first-round satisfaction of the month per
// street / town, as horizontal bars, drawn as SVG and rendered to PNG with resvg.
// Chinese labels need a CJK font from the system (Debian: fonts-noto-cjk).
import { Resvg } from '@resvg/resvg-js';
import type { Rate } from '../domain/reports/figures.js';
import type { MonthlyReport } from '../domain/reports/report.js';
import { formatRate, localName, type LocaleT } from './labels.js';

export const CHART_WIDTH = 1000;
const FONT_FAMILY = 'Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, WenQuanYi Micro Hei, sans-serif';
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 170;
const BAR_AREA = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH - 40;
const TOP = 110;
const ROW_HEIGHT = 60;
const BAR_HEIGHT = 20;
const SERIES = [
  { color: '#2f6fdf', labelKey: 'report-figure-closure-rate', rate: (row: MonthlyReport['breakdowns']['street'][number]) => row.month.closureRate },
  { color: '#2faa6a', labelKey: 'report-figure-satisfaction-first-round', rate: (row: MonthlyReport['breakdowns']['street'][number]) => row.month.satisfactionFirstRound },
] as const;

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${x}" y="${y}" ${attributes}>${escapeXml(content)}</text>`;
}

export function chartHeight(streetCount: number): number {
  return TOP + Math.max(1, streetCount) * ROW_HEIGHT + 30;
}

export function renderChartSvg(report: MonthlyReport, t: LocaleT, locale: string): string {
  const streets = report.breakdowns.street;
  const height = chartHeight(streets.length);
  const x0 = LABEL_WIDTH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(20, 40, t('report-chart-title', { month: report.month }), 'font-size="24" font-weight="bold" fill="#222"'),
  ];
  SERIES.forEach((series, index) => {
    const x = x0 + index * 260;
    parts.push(`<rect x="${x}" y="58" width="18" height="18" fill="${series.color}"/>`, text(x + 26, 73, t(series.labelKey), 'font-size="16" fill="#333"'));
  });
  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    const x = x0 + share * BAR_AREA;
    parts.push(`<line x1="${x}" y1="${TOP - 10}" x2="${x}" y2="${height - 30}" stroke="#ddd"/>`, text(x, height - 10, `${share * 100}%`, 'font-size="13" fill="#666" text-anchor="middle"'));
  }
  if (streets.length === 0) parts.push(text(x0, TOP + 30, t('report-chart-no-streets'), 'font-size="18" fill="#666"'));
  streets.forEach((street, index) => {
    const y = TOP + index * ROW_HEIGHT;
    parts.push(text(x0 - 12, y + BAR_HEIGHT + 6, localName(street, locale), 'font-size="17" fill="#222" text-anchor="end"'));
    SERIES.forEach((series, s) => {
      const rate: Rate = series.rate(street);
      const barY = y + s * (BAR_HEIGHT + 2);
      const width = rate.value === null ? 0 : Math.max(1, rate.value * BAR_AREA);
      parts.push(`<rect x="${x0}" y="${barY}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${series.color}"/>`);
      parts.push(text(x0 + BAR_AREA + 10, barY + 15, formatRate(rate), 'font-size="14" fill="#333"'));
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** SVG to PNG with the system's fonts (resvg draws nothing for a glyph no font has). */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  return Buffer.from(resvg.render().asPng());
}

export function renderChartPng(report: MonthlyReport, t: LocaleT, locale: string): Buffer {
  return svgToPng(renderChartSvg(report, t, locale));
}

/** The chart's font family, for a check that Chinese can be drawn at all. */
export const CHART_FONT_FAMILY = FONT_FAMILY;
