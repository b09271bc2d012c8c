// Log sleep: bedtime and wake time (across midnight), quality 1-5, or last night in one tap.
import { html, render as draw, showFormError } from '../lib/dom.js';
import { allEntries, fromInputValue, localIso, logEntry, shiftDay, todayLocal, toInputValue, updateEntry } from '../lib/entries.js';
import { deleteButton, entryToEdit, showSaved, wireDelete } from '../lib/log-form.js';

const QUALITY = ['Very poor', 'Poor', 'OK', 'Good', 'Very good'];

/** The usual night: the times of the most recent sleep entry, else 23:00 to 07:00. */
async function usualNight() {
  const sleeps = (await allEntries()).filter((entry) => entry.kind === 'sleep');
  const last = sleeps.sort((a, b) => Date.parse(b.occurred_at) - Date.parse(a.occurred_at))[0];
  return last
    ? { bed: last.data.bedtime.slice(11, 16), wake: last.data.wake_time.slice(11, 16), quality: last.data.quality }
    : { bed: '23:00', wake: '07:00', quality: 3 };
}

/** Turns "HH:MM" times into last night's bedtime and this morning's wake time on this device. */
export function lastNight(bed, wake, today = todayLocal()) {
  const bedDay = bed > wake ? shiftDay(today, -1) : today;
  return { bedtime: fromInputValue(`${bedDay}T${bed}`), wake_time: fromInputValue(`${today}T${wake}`) };
}

function hoursBetween(bedtime, wakeTime) {
  const minutes = Math.round((Date.parse(wakeTime) - Date.parse(bedtime)) / 60000);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export async function render(container, { url, navigate }) {
  const entry = await entryToEdit(url, 'sleep');
  const usual = await usualNight();
  const night = entry ? entry.data : lastNight(usual.bed, usual.wake);
  const quality = entry ? entry.data.quality : usual.quality;
  document.title = `${entry ? 'Edit' : 'Log'} sleep · Steady`;
  draw(container, html`
    <h1>${entry ? 'Edit sleep' : 'Log sleep'}</h1>
    ${entry ? '' : html`
    <section class="card">
      <h2>Last night</h2>
      <p>${usual.bed} to ${usual.wake} (${hoursBetween(night.bedtime, night.wake_time)}), ${QUALITY[usual.quality - 1].toLowerCase()}.</p>
      <button type="button" id="sleep-quick">Log last night</button>
      <p class="notice" role="status" id="sleep-quick-status" hidden></p>
    </section>`}
    <form class="card" id="sleep-form" novalidate>
      <h2>${entry ? 'Times' : 'Or enter the times'}</h2>
      <p class="form-error" role="alert" tabindex="-1"></p>
      <div class="field">
        <label for="sleep-bed">Went to sleep</label>
        <input id="sleep-bed" name="bedtime" type="datetime-local" value="${toInputValue(night.bedtime)}" required>
      </div>
      <div class="field">
        <label for="sleep-wake">Woke up</label>
        <input id="sleep-wake" name="wake_time" type="datetime-local" value="${toInputValue(night.wake_time)}" max="${toInputValue(localIso(new Date(Date.now() + 60000)))}" required>
      </div>
      <fieldset class="field">
        <legend>How well did you sleep?</legend>
        ${QUALITY.map((label, i) => html`<label class="choice"><input type="radio" name="quality" value="${i + 1}" ${quality === i + 1 ? 'checked' : ''}> ${i + 1}: ${label}</label>`)}
      </fieldset>
      <div class="row">
        <button type="submit">${entry ? 'Save changes' : 'Save sleep'}</button>
        ${deleteButton(entry)}
      </div>
      <p class="notice" role="status" id="sleep-status" hidden></p>
    </form>`);

  container.querySelector('#sleep-quick')?.addEventListener('click', async () => {
    const saved = await logEntry('sleep', { ...night, quality: usual.quality }, night.wake_time);
    showSaved(container.querySelector('#sleep-quick-status'), saved, 'Last night saved.');
  });
  wireDelete(container, entry, navigate, '/history');

  const form = container.querySelector('#sleep-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let data;
    try {
      data = {
        bedtime: fromInputValue(form.elements.bedtime.value),
        wake_time: fromInputValue(form.elements.wake_time.value),
        quality: Number(new FormData(form).get('quality') || 3),
      };
    } catch (error) {
      showFormError(form, { message: error.message, fields: {} });
      return;
    }
    const hours = (Date.parse(data.wake_time) - Date.parse(data.bedtime)) / 3600000;
    if (hours <= 0 || hours > 24) {
      showFormError(form, { message: 'Waking up must come after going to sleep, within 24 hours.', fields: {} });
      return;
    }
    showFormError(form, null);
    if (entry) {
      await updateEntry(entry, { data, occurred_at: data.wake_time });
      navigate('/history', { replace: true });
      return;
    }
    const saved = await logEntry('sleep', data, data.wake_time);
    showSaved(container.querySelector('#sleep-status'), saved, `Sleep saved: ${hoursBetween(data.bedtime, data.wake_time)}.`);
  });
}
