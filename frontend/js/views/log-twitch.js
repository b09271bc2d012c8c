// Log a twitch: where, how strong, how long, notes, and the red-flag questions that go with it.
import { html, render as draw, showFormError } from '../lib/dom.js';
import { logEntry, updateEntry } from '../lib/entries.js';
import { deleteButton, entryToEdit, readWhen, showSaved, whenField, wireDelete } from '../lib/log-form.js';
import { mount as mountQuestions } from './twitch-questions.js';

export const LOCATIONS = [
  ['eyelid', 'Eyelid'], ['face', 'Face'], ['arm', 'Arm'], ['hand', 'Hand'], ['leg', 'Leg'],
  ['foot', 'Foot'], ['back', 'Back'], ['chest', 'Chest'], ['abdomen', 'Belly'], ['other', 'Somewhere else'],
];
const DURATIONS = [['', 'Not sure'], ['5', 'A few seconds'], ['60', 'About a minute'], ['600', 'Several minutes'],
  ['3600', 'About an hour'], ['14400', 'Hours, on and off']];

export async function render(container, { url, navigate }) {
  const entry = await entryToEdit(url, 'twitch');
  const data = entry?.data || { location: '', intensity: 2 };
  document.title = `${entry ? 'Edit' : 'Log'} a twitch · Steady`;
  draw(container, html`
    <h1>${entry ? 'Edit twitch' : 'Log a twitch'}</h1>
    <form class="card" id="twitch-form" novalidate>
      <p class="form-error" role="alert" tabindex="-1"></p>
      <fieldset class="field">
        <legend>Where?</legend>
        <div class="grid">
          ${LOCATIONS.map(([value, label]) => html`<label class="choice"><input type="radio" name="location" value="${value}" ${data.location === value ? 'checked' : ''} required> ${label}</label>`)}
        </div>
      </fieldset>
      <div class="field">
        <label for="twitch-detail">Where exactly <span class="muted">(optional)</span></label>
        <input id="twitch-detail" name="location_detail" maxlength="120" value="${data.location_detail || ''}" placeholder="for example, left calf">
      </div>
      <fieldset class="field">
        <legend>How strong? <span class="muted">1 is barely there, 5 is strong</span></legend>
        <div class="row">
          ${[1, 2, 3, 4, 5].map((n) => html`<label class="choice"><input type="radio" name="intensity" value="${n}" ${data.intensity === n ? 'checked' : ''}> ${n}</label>`)}
        </div>
      </fieldset>
      <div class="field">
        <label for="twitch-duration">How long did it last?</label>
        <select id="twitch-duration" name="duration_s">
          ${DURATIONS.map(([value, label]) => html`<option value="${value}" ${String(data.duration_s ?? '') === value ? 'selected' : ''}>${label}</option>`)}
        </select>
      </div>
      ${whenField('twitch', entry)}
      <div class="field">
        <label for="twitch-notes">Notes <span class="muted">(optional)</span></label>
        <textarea id="twitch-notes" name="notes" maxlength="2000">${data.notes || ''}</textarea>
      </div>
      <section id="twitch-questions" aria-label="Other symptoms"></section>
      <div class="row">
        <button type="submit">${entry ? 'Save changes' : 'Save twitch'}</button>
        ${deleteButton(entry)}
      </div>
      <p class="notice" role="status" id="twitch-status" hidden></p>
    </form>`);
  const form = container.querySelector('#twitch-form');
  const readAnswers = await mountQuestions(container.querySelector('#twitch-questions'), data.answers || {});
  wireDelete(container, entry, navigate, '/history');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const fields = new FormData(form);
    if (!fields.get('location')) {
      showFormError(form, { message: 'Please choose where you felt the twitch.', fields: {} });
      return;
    }
    const twitch = {
      location: fields.get('location'),
      intensity: Number(fields.get('intensity') || 2),
      answers: readAnswers(),
    };
    if (fields.get('location_detail')) twitch.location_detail = fields.get('location_detail').trim();
    if (fields.get('duration_s')) twitch.duration_s = Number(fields.get('duration_s'));
    if (fields.get('notes')) twitch.notes = fields.get('notes').trim();
    let occurredAt;
    try {
      occurredAt = readWhen(form, entry);
    } catch (error) {
      showFormError(form, { message: error.message, fields: {} });
      return;
    }
    showFormError(form, null);
    const saved = entry
      ? await updateEntry(entry, { data: twitch, occurred_at: occurredAt })
      : await logEntry('twitch', twitch, occurredAt);
    // Any yes answer: show the advice for it at once (it works offline too).
    if (Object.values(twitch.answers).some(Boolean)) {
      navigate(`/check?entry=${saved.id}`);
      return;
    }
    if (entry) {
      navigate('/history', { replace: true });
      return;
    }
    showSaved(container.querySelector('#twitch-status'), saved, 'Twitch saved.');
  });
}
