// Horizontal bar charts as inline SVG: one row per model, its label and
// value written above its bar (readable on a phone, and to screen readers,
// which get the same rows as the chart's description). A row whose value is
// unknown gets no bar and says "unknown". No viewBox: bars are sized in
// percent of the page's width while text keeps its size, phone or desktop.
import { svg } from './dom.js';

const ROW = 52;
const BAR = 18;

let charts = 0;

/**
 * rows: [{ label, value: number | null, text, best?, low?, high? }], where
 * `text` is the exact value to show and `value` only sizes the bar; `low`/
 * `high` draw an interval. `max` is the scale's end (default: the largest value).
 */
export function barChart(title, rows, { max } = {}) {
  const id = `chart-${++charts}`;
  const known = rows.flatMap((row) => [row.value, row.high]).filter((v) => typeof v === 'number' && v > 0);
  const scaleEnd = max ?? Math.max(...known, 0);
  const x = (value) => `${scaleEnd > 0 ? ((Math.max(value, 0) / scaleEnd) * 100).toFixed(2) : 0}%`;
  const description = rows.map((row) => `${row.label}: ${row.text}`).join('; ');
  return svg(
    'svg',
    { class: 'chart', width: '100%', height: rows.length * ROW, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc` },
    svg('title', { id: `${id}-title` }, title),
    svg('desc', { id: `${id}-desc` }, description),
    rows.map((row, i) => {
      const top = i * ROW;
      return svg(
        'g',
        null,
        svg('text', { x: 0, y: top + 17 }, `${row.label}: ${row.text}`),
        row.value == null
          ? null
          : svg('rect', { class: row.best ? 'bar best' : 'bar', x: 0, y: top + 24, height: BAR, width: x(row.value), rx: 3 }),
        row.low == null || row.high == null
          ? null
          : svg('line', { class: 'interval', x1: x(row.low), x2: x(row.high), y1: top + 24 + BAR / 2, y2: top + 24 + BAR / 2 }),
      );
    }),
  );
}
