// The chart of the report: closure rate and first-round satisfaction of the month per
// street / town, as horizontal bars, one row per street, drawn as SVG and rendered to
// PNG with resvg. Sized to be read on a phone: 1280 px wide (Telegram shows photos up to
// that width) with large type. Chinese labels need a CJK font from the system (Debian:
// fonts-noto-cjk).
import type { Rate } from '../domain/reports/figures.js';
import type { MonthlyReport } from '../domain/reports/report.js';
import { formatRate, localName, type LocaleT } from './labels.js';

export const CHART_WIDTH = 1280;
const FONT_FAMILY = 'Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, WenQuanYi Micro Hei, sans-serif';
const LABEL_WIDTH = 300;
const VALUE_WIDTH = 250;
const BAR_AREA = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH - 40;
const TOP = 150;
const ROW_HEIGHT = 90;
const BAR_HEIGHT = 32;
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
  return TOP + Math.max(1, streetCount) * ROW_HEIGHT + 50;
}

export function renderChartSvg(report: MonthlyReport, t: LocaleT, locale: string): string {
  const streets = report.breakdowns.street;
  const height = chartHeight(streets.length);
  const x0 = LABEL_WIDTH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(24, 52, t('report-chart-title', { month: report.span.label }), 'font-size="36" font-weight="bold" fill="#222"'),
  ];
  SERIES.forEach((series, index) => {
    const x = 24 + index * 400;
    parts.push(`<rect x="${x}" y="82" width="26" height="26" fill="${series.color}"/>`, text(x + 36, 104, t(series.labelKey), 'font-size="26" fill="#333"'));
  });
  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    const x = x0 + share * BAR_AREA;
    parts.push(`<line x1="${x}" y1="${TOP - 10}" x2="${x}" y2="${height - 44}" stroke="#ddd"/>`, text(x, height - 14, `${share * 100}%`, 'font-size="22" fill="#666" text-anchor="middle"'));
  }
  if (streets.length === 0) parts.push(text(x0, TOP + 40, t('report-chart-no-streets'), 'font-size="26" fill="#666"'));
  streets.forEach((street, index) => {
    const y = TOP + index * ROW_HEIGHT;
    parts.push(text(x0 - 16, y + BAR_HEIGHT + 8, localName(street, locale), 'font-size="28" fill="#222" text-anchor="end"'));
    SERIES.forEach((series, s) => {
      const rate: Rate = series.rate(street);
      const barY = y + s * (BAR_HEIGHT + 2);
      const width = rate.value === null ? 0 : Math.max(1, rate.value * BAR_AREA);
      parts.push(`<rect x="${x0}" y="${barY}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${series.color}"/>`);
      parts.push(text(x0 + BAR_AREA + 12, barY + 25, formatRate(rate), 'font-size="24" fill="#333"'));
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** SVG to PNG with the system's fonts (resvg draws nothing for a glyph no font has). */
export async function svgToPng(svg: string): Promise<Buffer> {
  // Loaded with the first chart: the native renderer would cost every start time and memory.
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  return Buffer.from(resvg.render().asPng());
}

export function renderChartPng(report: MonthlyReport, t: LocaleT, locale: string): Promise<Buffer> {
  return svgToPng(renderChartSvg(report, t, locale));
}

/** The chart's font family, for a check that Chinese can be drawn at all. */
export const CHART_FONT_FAMILY = FONT_FAMILY;
