// Small accessible SVG bar charts (no library): one bar per day, an optional goal line, and a
// text alternative so the figures are available without seeing the chart.
import { html, raw } from './dom.js';

export function barChart({ title, days, value, goal, format, id }) {
  const values = days.map(value);
  const max = Math.max(goal || 0, ...values.filter((v) => v !== null), 1);
  const width = 320;
  const height = 120;
  const gap = days.length > 14 ? 1 : 3;
  const barWidth = (width - gap * (days.length - 1)) / days.length;
  const bars = values.map((v, i) => {
    const h = v === null ? 0 : Math.max(1, (v / max) * (height - 10));
    return `<rect x="${(i * (barWidth + gap)).toFixed(1)}" y="${(height - h).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" class="bar${goal && v !== null && v >= goal ? ' bar-met' : ''}"></rect>`;
  }).join('');
  const goalY = goal ? (height - (goal / max) * (height - 10)).toFixed(1) : null;
  const goalLine = goalY ? `<line x1="0" x2="${width}" y1="${goalY}" y2="${goalY}" class="goal-line"></line>` : '';
  const total = values.filter((v) => v !== null);
  const average = total.length ? total.reduce((a, b) => a + b, 0) / total.length : 0;
  return html`
    <figure class="chart" aria-labelledby="${id}-caption">
      ${raw(`<svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img" aria-labelledby="${id}-caption">${bars}${goalLine}</svg>`)}
      <figcaption id="${id}-caption">${title}: average ${format(average)} a day${goal ? `, goal ${format(goal)}` : ''}.</figcaption>
    </figure>`;
}
