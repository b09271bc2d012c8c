// History: week and month charts for each habit, streaks for meeting goals, and every entry with
// edit and delete. Computed on the device from IndexedDB, so it works offline.
import { html, render as draw } from '../lib/dom.js';
import { barChart } from '../lib/charts.js';
import { deleteEntry, entriesBetween, getEntry, shiftDay, todayLocal, onSyncState } from '../lib/entries.js';
import { loadGoals, formatVolume, preferredUnits } from '../lib/preferences.js';
import { rangeSummaries, streaks } from '../lib/tracker.js';

const DRINK_LABELS = { brewed_coffee: 'Brewed coffee', espresso: 'Espresso', instant_coffee: 'Instant coffee',
  black_tea: 'Black tea', green_tea: 'Green tea', cola: 'Cola', energy_drink: 'Energy drink', energy_shot: 'Energy shot', custom: 'Caffeine' };
const STREAK_LABELS = { water_met: 'Water goal', caffeine_ok: 'Within caffeine limit', sleep_met: 'Sleep on target', breathing_met: 'Breathing practice' };

function describe(entry, units) {
  const d = entry.data;
  switch (entry.kind) {
    case 'water': return `Water, ${formatVolume(d.amount_ml, units)}`;
    case 'caffeine': return `${DRINK_LABELS[d.drink] || 'Caffeine'}, ${d.mg} mg`;
    case 'sleep': return `Sleep, ${Math.floor((Date.parse(d.wake_time) - Date.parse(d.bedtime)) / 3600000)} h ${Math.round(((Date.parse(d.wake_time) - Date.parse(d.bedtime)) / 60000) % 60)} min, quality ${d.quality}/5`;
    case 'breathing': return `Breathing (${d.exercise.replace('_', ' ')}), ${Math.round(d.duration_s / 60)} min`;
    case 'twitch': return `Twitch: ${d.location_detail || d.location}, strength ${d.intensity}/5`;
    default: return entry.kind;
  }
}

function hoursText(minutes) {
  return `${(minutes / 60).toFixed(1)} h`;
}

async function drawHistory(container, span) {
  const end = todayLocal();
  const start = shiftDay(end, span === 'month' ? -29 : -6);
  const goals = await loadGoals();
  const units = preferredUnits();
  const entries = await entriesBetween(shiftDay(start, -1), end);
  const days = rangeSummaries(entries, start, end, goals);
  const runs = streaks(days);
  const listed = entries.filter((e) => e.day >= start).reverse();
  draw(container, html`
    <h1>History</h1>
    <div class="row" role="group" aria-label="Period">
      <a class="button ${span === 'week' ? '' : 'button-secondary'}" href="/history" aria-current="${span === 'week' ? 'true' : 'false'}">Last 7 days</a>
      <a class="button ${span === 'month' ? '' : 'button-secondary'}" href="/history?span=month" aria-current="${span === 'month' ? 'true' : 'false'}">Last 30 days</a>
      <a class="button button-secondary" href="/insights">Insights</a>
    </div>
    <section class="card"><h2>Water</h2>${barChart({ id: 'c-water', title: 'Water', days, value: (d) => d.water_ml, goal: goals.water_ml, format: (v) => formatVolume(v, units) })}</section>
    <section class="card"><h2>Caffeine</h2>${barChart({ id: 'c-caffeine', title: 'Caffeine', days, value: (d) => d.caffeine_mg, goal: null, format: (v) => `${Math.round(v)} mg` })}</section>
    <section class="card"><h2>Sleep</h2>${barChart({ id: 'c-sleep', title: 'Sleep', days, value: (d) => d.sleep_minutes, goal: goals.sleep_min_hours * 60, format: hoursText })}</section>
    <section class="card"><h2>Breathing</h2>${barChart({ id: 'c-breathing', title: 'Breathing', days, value: (d) => d.breathing_minutes, goal: goals.breathing_minutes, format: (v) => `${Math.round(v)} min` })}</section>
    <section class="card"><h2>Twitches</h2>${barChart({ id: 'c-twitch', title: 'Twitches logged', days, value: (d) => d.twitch_count, goal: null, format: (v) => v.toFixed(1) })}</section>
    <section class="card">
      <h2>Streaks</h2>
      <ul class="list-plain">
        ${Object.entries(runs).map(([goal, run]) => html`<li>${STREAK_LABELS[goal]}: <strong>${run.current}</strong> day${run.current === 1 ? '' : 's'} in a row <span class="muted">(best ${run.best} in this period)</span></li>`)}
      </ul>
    </section>
    <section class="card">
      <h2>Entries</h2>
      ${listed.length ? html`<ul class="list-plain">
        ${listed.map((entry) => html`<li class="entry-row">
          <span><span class="muted">${entry.day} ${entry.occurred_at.slice(11, 16)}</span><br>${describe(entry, units)}</span>
          ${entry.kind === 'breathing'
            ? html`<button type="button" class="button-small button-secondary" data-delete-id="${entry.id}">Delete</button>`
            : html`<a class="button button-small button-secondary" href="/log/${entry.kind}?id=${entry.id}">Edit</a>`}
        </li>`)}
      </ul>` : html`<p>Nothing logged in this period yet.</p>`}
    </section>
    <section class="card" id="refused" hidden></section>`);
}

async function showRefused(container, state) {
  const box = container.querySelector('#refused');
  if (!box) return;
  const items = state?.rejectedItems || [];
  box.hidden = !items.length;
  if (!items.length) return;
  draw(box, html`<h2>Not accepted by your account</h2>
    <p>These entries are kept on this phone, but the server refused them. Edit them to fix the problem.</p>
    <ul class="list-plain">${items.map((item) => html`<li>${describe(item.entry, preferredUnits())}: ${item.error.message}
      ${Object.values(item.error.fields || {}).join(' ')} <a href="/log/${item.entry.kind}?id=${item.entry.id}">Edit</a></li>`)}</ul>`);
}

export async function render(container, { url }) {
  document.title = 'History · Steady';
  const span = url.searchParams.get('span') === 'month' ? 'month' : 'week';
  await drawHistory(container, span);
  container.addEventListener('click', async (event) => {
    const id = event.target.closest('[data-delete-id]')?.dataset.deleteId;
    if (!id) return;
    await deleteEntry(await getEntry(id));
    drawHistory(container, span);
  });
  const core = globalThis.SteadyCore;
  showRefused(container, { rejectedItems: await core.rejectedItems() });
  return onSyncState((state) => {
    if (state.received) drawHistory(container, span).then(() => showRefused(container, state));
    else showRefused(container, state);
  });
}
