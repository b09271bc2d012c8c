// A one-page summary for a doctor: the twitch log with its red-flag answers and the daily water,
// caffeine, sleep and breathing for the last 30 days. Print styles make "Save as PDF" clean.
import { html, render as draw } from '../lib/dom.js';
import { entriesBetween, shiftDay, todayLocal } from '../lib/entries.js';
import { loadGoals, formatVolume, preferredUnits } from '../lib/preferences.js';
import { adviceFor } from '../lib/rules-store.js';
import { currentUser } from '../lib/session.js';
import { rangeSummaries } from '../lib/tracker.js';

const DURATIONS = { 5: 'seconds', 60: 'about a minute', 600: 'minutes', 3600: 'about an hour', 14400: 'hours' };

export async function render(container) {
  document.title = 'Summary for your doctor · Steady';
  const end = todayLocal();
  const start = shiftDay(end, -29);
  const goals = await loadGoals();
  const units = preferredUnits();
  const entries = await entriesBetween(shiftDay(start, -1), end);
  const days = rangeSummaries(entries, start, end, goals).filter((d) => d.has_entries);
  const twitches = entries.filter((e) => e.kind === 'twitch' && e.day >= start);
  let advice = null;
  try { advice = await adviceFor({}); } catch { advice = null; }
  const questionText = Object.fromEntries((advice?.rules.questions || []).map((q) => [q.id, q.text]));
  const user = currentUser();
  draw(container, html`
    <div class="row no-print"><button type="button" id="print">Print or save as PDF</button></div>
    <article class="doctor-summary">
      <h1>Twitching: summary for a doctor</h1>
      <p>${user?.display_name ? `${user.display_name}, ` : ''}${start} to ${end}. Logged by the patient in the Steady app.</p>
      ${advice && advice.result.findings.length ? html`<h2>Patterns the app noticed</h2>
        <ul>${advice.result.findings.map((f) => html`<li>${f.label}</li>`)}</ul>` : ''}
      <h2>Twitches (${twitches.length})</h2>
      ${twitches.length ? html`<table>
        <thead><tr><th>Date</th><th>Where</th><th>Strength (1-5)</th><th>How long</th><th>Also reported</th><th>Notes</th></tr></thead>
        <tbody>${twitches.map((t) => html`<tr>
          <td>${t.day} ${t.occurred_at.slice(11, 16)}</td>
          <td>${t.data.location}${t.data.location_detail ? ` (${t.data.location_detail})` : ''}</td>
          <td>${t.data.intensity}</td>
          <td>${DURATIONS[t.data.duration_s] || (t.data.duration_s ? `${t.data.duration_s} s` : '')}</td>
          <td>${Object.entries(t.data.answers || {}).filter(([, yes]) => yes).map(([id]) => questionText[id] || id).join(' ') || 'None'}</td>
          <td>${t.data.notes || ''}</td></tr>`)}</tbody></table>` : html`<p>No twitches logged.</p>`}
      <h2>Daily habits</h2>
      ${days.length ? html`<table>
        <thead><tr><th>Date</th><th>Water</th><th>Caffeine</th><th>Sleep</th><th>Breathing</th><th>Twitches</th></tr></thead>
        <tbody>${days.map((d) => html`<tr><td>${d.day}</td><td>${formatVolume(d.water_ml, units)}</td><td>${d.caffeine_mg} mg</td>
          <td>${d.sleep_minutes === null ? '' : `${(d.sleep_minutes / 60).toFixed(1)} h`}</td><td>${d.breathing_minutes} min</td><td>${d.twitch_count}</td></tr>`)}</tbody></table>`
        : html`<p>No habits logged.</p>`}
      <p class="muted">Patient-reported data; not a diagnosis.</p>
    </article>`);
  container.querySelector('#print').addEventListener('click', () => window.print());
}
