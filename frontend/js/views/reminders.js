// Reminders: turn them on for this device (permission asked only after a tap), set each kind,
// send a test, and see what was sent, skipped or missed.
import { api } from '../lib/api.js';
import { html, render as draw, showFormError } from '../lib/dom.js';
import { currentSubscription, pushSupport, turnOff, turnOn } from '../lib/push-client.js';
import { currentUser } from '../lib/session.js';

const KINDS = [
  ['hydration', 'Water', 'Every few hours while you are awake; skipped when you drank recently or met your goal.'],
  ['wind_down', 'Sleep wind-down', 'A while before your bedtime goal.'],
  ['caffeine_cutoff', 'Caffeine cut-off', 'At the latest time a coffee still leaves little caffeine at bedtime (only on days you had caffeine).'],
  ['breathing', 'Breathing exercise', 'Once a day; skipped if you already did one.'],
  ['checkin', 'Evening check-in', 'A quick look back at your day; skipped if you already logged a twitch.'],
];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const STATUS = { sent: 'Sent', skipped: 'Skipped', missed: 'Missed', failed: 'Not delivered', pending: 'Waiting', sending: 'Sending' };

function kindForm(kind, label, about, s) {
  const field = (name, text, type, extra = '') => html`<div class="field"><label for="${kind}-${name}">${text}</label>
    <input id="${kind}-${name}" name="${name}" type="${type}" value="${s[name]}" ${extra}></div>`;
  return html`<form class="card reminder-form" data-kind="${kind}" novalidate>
    <h2>${label}</h2>
    <p class="muted">${about}</p>
    <p class="form-error" role="alert" tabindex="-1"></p>
    <label class="choice"><input type="checkbox" name="enabled" ${s.enabled ? 'checked' : ''}> Remind me</label>
    ${kind === 'hydration' ? html`${field('interval_minutes', 'Every (minutes)', 'number', 'min="30" max="720" step="15"')}
      ${field('window_start', 'From', 'time')}${field('window_end', 'Until', 'time')}` : ''}
    ${kind === 'wind_down' ? field('minutes_before_bed', 'Minutes before bedtime', 'number', 'min="0" max="180" step="5"') : ''}
    ${['breathing', 'checkin'].includes(kind) ? field('time', 'At', 'time') : ''}
    <fieldset class="field"><legend>On these days</legend><div class="row">
      ${DAYS.map((day, i) => html`<label class="choice"><input type="checkbox" name="weekday" value="${i}" ${s.weekdays.includes(i) ? 'checked' : ''}> ${day}</label>`)}
    </div></fieldset>
    <div class="row">${field('quiet_start', 'Quiet from', 'time')}${field('quiet_end', 'Quiet until', 'time')}</div>
    <button type="submit">Save</button>
    <p class="notice" role="status" hidden>Saved.</p>
  </form>`;
}

function readForm(form) {
  const values = { enabled: form.elements.enabled.checked,
    weekdays: [...form.querySelectorAll('[name="weekday"]:checked')].map((box) => Number(box.value)) };
  for (const name of ['interval_minutes', 'minutes_before_bed']) if (form.elements[name]) values[name] = Number(form.elements[name].value);
  for (const name of ['window_start', 'window_end', 'time', 'quiet_start', 'quiet_end']) if (form.elements[name]) values[name] = form.elements[name].value;
  return values;
}

export async function render(container) {
  document.title = 'Reminders · Steady';
  if (!currentUser()) {
    draw(container, html`<h1>Reminders</h1><p class="card">Reminders are sent by our server, so they need an account.
      <a href="/signin?next=/reminders">Sign in</a> or <a href="/signup?next=/reminders">create an account</a>.</p>`);
    return;
  }
  const support = pushSupport();
  let settings;
  let history = { occurrences: [] };
  try {
    [settings, history] = await Promise.all([api.get('/api/reminders/settings'), api.get('/api/reminders/occurrences')]);
  } catch {
    draw(container, html`<h1>Reminders</h1><p class="card">Reminder settings need a connection. Please try again online.</p>`);
    return;
  }
  const subscribed = support.supported && !support.needsInstall ? !!(await currentSubscription().catch(() => null)) : false;
  draw(container, html`
    <h1>Reminders</h1>
    <section class="card" aria-labelledby="device-heading">
      <h2 id="device-heading">This device</h2>
      ${!support.supported ? html`<p>This browser cannot receive reminders. Try Chrome, Edge, Firefox or Safari.</p>`
        : support.needsInstall ? html`<p>On iPhone and iPad, reminders work only when Steady is opened from the home screen
          (iOS 16.4 or later): tap the Share button, choose <strong>Add to Home Screen</strong>, then open Steady from there.</p>`
        : support.permission === 'denied' ? html`<p>Notifications are blocked for this site. Allow them in your browser's site settings, then come back.</p>`
        : html`<p id="device-state">${subscribed ? 'Reminders are on for this device.' : 'Reminders are off for this device.'}</p>
          <p class="row">
            ${subscribed ? html`<button type="button" id="push-off" class="button-secondary">Turn off on this device</button>`
              : html`<button type="button" id="push-on">Turn on reminders</button>`}
            <button type="button" id="push-test" class="button-secondary" ${subscribed ? '' : 'hidden'}>Send a test reminder</button>
          </p>`}
      <p role="status" id="push-status"></p>
    </section>
    ${KINDS.map(([kind, label, about]) => kindForm(kind, label, about, settings[kind]))}
    <section class="card"><h2>Recent reminders</h2>
      ${history.occurrences.length ? html`<ul class="list-plain">${history.occurrences.slice(0, 15).map((o) => html`<li>
        ${new Date(o.due_at).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' })}: ${o.kind.replace('_', ' ')},
        ${STATUS[o.status] || o.status}${o.detail ? ` (${o.detail})` : ''}</li>`)}</ul>` : html`<p>None yet.</p>`}
    </section>`);

  const status = container.querySelector('#push-status');
  container.querySelector('#push-on')?.addEventListener('click', async () => {
    try {
      const result = await turnOn();
      status.textContent = result.ok ? 'Reminders are on for this device.' : 'Notifications were not allowed, so reminders stay off.';
      if (result.ok) render(container);
    } catch {
      status.textContent = 'Reminders could not be turned on. Check your connection and try again.';
    }
  });
  container.querySelector('#push-off')?.addEventListener('click', async () => {
    await turnOff();
    render(container);
  });
  container.querySelector('#push-test')?.addEventListener('click', async () => {
    try {
      const result = await api.post('/api/reminders/test');
      status.textContent = result.sent ? 'Test reminder sent. It should appear in a moment.' : 'The test could not be delivered.';
    } catch (error) {
      status.textContent = error.message || 'The test could not be sent.';
    }
  });
  container.querySelectorAll('.reminder-form').forEach((form) => form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.put(`/api/reminders/settings/${form.dataset.kind}`, readForm(form));
      showFormError(form, null);
      form.querySelector('[role="status"]').hidden = false;
    } catch (error) {
      showFormError(form, error.status ? error : { message: 'Saving needs a connection.', fields: {} });
    }
  }));
}
