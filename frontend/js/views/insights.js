// Insights: how days with twitches compare with water, caffeine, sleep and breathing, told as a
// pattern in what was logged, never as a cause. Needs at least 3 days with and without a factor.
import { html, render as draw } from '../lib/dom.js';
import { entriesBetween, shiftDay, todayLocal } from '../lib/entries.js';
import { loadGoals } from '../lib/preferences.js';
import { computeInsights, MIN_DAYS } from '../lib/insights.js';

export async function render(container) {
  document.title = 'Insights · Steady';
  const end = todayLocal();
  const start = shiftDay(end, -59);
  const goals = await loadGoals();
  const { factors, note } = computeInsights(await entriesBetween(shiftDay(start, -1), end), start, end, goals);
  const ready = factors.filter((f) => f.enough_data);
  const waiting = factors.filter((f) => !f.enough_data);
  draw(container, html`
    <h1>Insights</h1>
    <p>From the last 60 days you logged. ${note}</p>
    ${ready.length ? html`<ul class="list-plain card">${ready.map((f) => html`<li>${f.sentence}</li>`)}</ul>`
      : html`<p class="card">Keep logging for a while. Each comparison needs at least ${MIN_DAYS} days with and ${MIN_DAYS} days without the habit.</p>`}
    ${waiting.length ? html`<section class="card"><h2>Not enough days yet</h2><ul>${waiting.map((f) => html`<li>Days ${f.description}</li>`)}</ul></section>` : ''}
    <p>If twitching lasts more than 2 weeks, spreads, or comes with weakness, see a doctor (NHS). <a href="/articles/when-to-see-a-doctor">When to see a doctor</a></p>`);
}
