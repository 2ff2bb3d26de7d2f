import { escapeHtml } from '../outgoing/escape-html.js';

/**
 * Bar charts as inline SVG: the report must open anywhere, offline, with no script. Written by
 * hand because chart libraries draw in a browser with script, and these are two small shapes.
 */
export interface Series {
  name: string;
  values: readonly number[];
  colour: string;
}

export interface Chart {
  title: string;
  categories: readonly string[];
  series: readonly Series[];
  /** How a value is written beside its bar. */
  format?: (value: number) => string;
  /** The scale's top; the largest value when absent. */
  max?: number;
}

export const COLOURS = { primary: '#1f5a96', secondary: '#d9822b', good: '#2e7d32' } as const;

const WIDTH = 640;
const FONT = 'font-family="Arial, Helvetica, sans-serif" font-size="12"';

const scaleTop = (chart: Chart) => chart.max ?? Math.max(1, ...chart.series.flatMap((s) => s.values));
const written = (chart: Chart, value: number) => (chart.format ? chart.format(value) : String(value));
const clip = (label: string, chars: number) => (label.length > chars ? `${label.slice(0, chars - 1)}…` : label);

function legend(chart: Chart, y: number): string {
  if (chart.series.length < 2) return '';
  return chart.series
    .map(
      (s, i) =>
        `<rect x="${i * 160}" y="${y}" width="12" height="12" fill="${s.colour}"/><text x="${i * 160 + 18}" y="${y + 10}" ${FONT}>${escapeHtml(s.name)}</text>`,
    )
    .join('');
}

function frame(chart: Chart, height: number, body: string): string {
  const title = escapeHtml(chart.title);
  return `<svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${body}</svg>`;
}

/** One row a category, a bar a series: for agencies and stages, whose names are long. */
export function horizontalBars(chart: Chart): string {
  const labelWidth = 250;
  const barArea = WIDTH - labelWidth - 60;
  const barHeight = 16;
  const groupHeight = chart.series.length * (barHeight + 2) + 10;
  const top = scaleTop(chart);
  const rows = chart.categories.map((category, c) => {
    const y = c * groupHeight;
    const bars = chart.series.map((s, i) => {
      const value = s.values[c] ?? 0;
      const width = Math.round((value / top) * barArea);
      const barY = y + i * (barHeight + 2);
      return `<rect x="${labelWidth}" y="${barY}" width="${width}" height="${barHeight}" fill="${s.colour}"><title>${escapeHtml(`${category}, ${s.name}: ${written(chart, value)}`)}</title></rect><text x="${labelWidth + width + 6}" y="${barY + 12}" ${FONT}>${escapeHtml(written(chart, value))}</text>`;
    });
    const labelY = y + (chart.series.length * (barHeight + 2)) / 2 + 4;
    return `<text x="${labelWidth - 8}" y="${labelY}" text-anchor="end" ${FONT}><title>${escapeHtml(category)}</title>${escapeHtml(clip(category, 30))}</text>${bars.join('')}`;
  });
  const height = Math.max(1, chart.categories.length) * groupHeight + (chart.series.length > 1 ? 24 : 0);
  const empty = chart.categories.length === 0 ? `<text x="0" y="14" ${FONT}>No cases in the period.</text>` : '';
  return frame(chart, Math.max(height, 24), `${rows.join('')}${empty}${legend(chart, height - 14)}`);
}

/** One column group a category: for months, read left to right. */
export function verticalBars(chart: Chart): string {
  const plotTop = 16;
  const plotHeight = 170;
  const axisY = plotTop + plotHeight;
  const groupWidth = WIDTH / Math.max(1, chart.categories.length);
  const barWidth = Math.min(40, (groupWidth - 12) / chart.series.length);
  const top = scaleTop(chart);
  const columns = chart.categories.map((category, c) => {
    const groupX = c * groupWidth + (groupWidth - barWidth * chart.series.length) / 2;
    const bars = chart.series.map((s, i) => {
      const value = s.values[c] ?? 0;
      const height = Math.round((value / top) * plotHeight);
      const x = groupX + i * barWidth;
      return `<rect x="${x.toFixed(1)}" y="${axisY - height}" width="${(barWidth - 2).toFixed(1)}" height="${height}" fill="${s.colour}"><title>${escapeHtml(`${category}, ${s.name}: ${written(chart, value)}`)}</title></rect><text x="${(x + barWidth / 2 - 1).toFixed(1)}" y="${axisY - height - 4}" text-anchor="middle" ${FONT}>${escapeHtml(written(chart, value))}</text>`;
    });
    return `${bars.join('')}<text x="${(c * groupWidth + groupWidth / 2).toFixed(1)}" y="${axisY + 16}" text-anchor="middle" ${FONT}>${escapeHtml(category)}</text>`;
  });
  const axis = `<line x1="0" y1="${axisY}" x2="${WIDTH}" y2="${axisY}" stroke="#888"/>`;
  return frame(chart, axisY + 48, `${axis}${columns.join('')}${legend(chart, axisY + 30)}`);
}
