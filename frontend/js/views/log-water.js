// Log water: quick amounts in the person's units, a custom amount, an earlier time, and Undo.
import { html, render as draw, showFormError } from '../lib/dom.js';
import { entriesBetween, logEntry, todayLocal } from '../lib/entries.js';
import { QUICK_WATER } from '../lib/tracker.js';
import { deleteButton, entryToEdit, saveFromForm, showSaved, whenField, wireDelete } from '../lib/log-form.js';
import { formatVolume, preferredUnits, toMl } from '../lib/preferences.js';

async function todayTotal() {
  const today = todayLocal();
  const entries = await entriesBetween(today, today);
  return entries.filter((e) => e.kind === 'water').reduce((sum, e) => sum + e.data.amount_ml, 0);
}

export async function render(container, { url, navigate }) {
  const entry = await entryToEdit(url, 'water');
  const units = preferredUnits();
  const quick = QUICK_WATER[units];
  const unitLabel = units === 'us' ? 'fl oz' : 'mL';
  document.title = `${entry ? 'Edit' : 'Log'} water · Steady`;
  draw(container, html`
    <h1>${entry ? 'Edit water' : 'Log water'}</h1>
    ${entry ? '' : html`
    <section class="card" aria-labelledby="water-quick-heading">
      <h2 id="water-quick-heading">Add a drink of water</h2>
      <p>Today so far: <strong id="water-total">…</strong></p>
      <div class="grid">
        ${quick.map((amount) => html`<button type="button" data-amount="${amount}">+${amount} ${unitLabel}</button>`)}
      </div>
      <p class="notice" role="status" id="water-status" hidden></p>
    </section>`}
    <form class="card" id="water-form" novalidate>
      <h2>${entry ? 'Amount' : 'Another amount or time'}</h2>
      <p class="form-error" role="alert" tabindex="-1"></p>
      <div class="field">
        <label for="water-amount">Amount (${unitLabel})</label>
        <input id="water-amount" name="amount" type="number" inputmode="decimal" min="1" max="${units === 'us' ? 169 : 5000}" step="any" value="${entry ? (units === 'us' ? Math.round(entry.data.amount_ml / 29.5735) : entry.data.amount_ml) : ''}" required>
      </div>
      ${whenField('water', entry)}
      <div class="row">
        <button type="submit">${entry ? 'Save changes' : 'Save'}</button>
        ${deleteButton(entry)}
      </div>
      <p class="notice" role="status" id="water-form-status" hidden></p>
    </form>`);

  const total = container.querySelector('#water-total');
  const refresh = async () => { if (total) total.textContent = formatVolume(await todayTotal(), units); };
  refresh();
  container.querySelectorAll('[data-amount]').forEach((button) => button.addEventListener('click', async () => {
    const ml = toMl(Number(button.dataset.amount), units);
    const saved = await logEntry('water', { amount_ml: ml });
    showSaved(container.querySelector('#water-status'), saved, `Added ${formatVolume(ml, units)}.`, refresh);
    refresh();
  }));
  wireDelete(container, entry, navigate, '/history');

  const form = container.querySelector('#water-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const amount = Number(form.elements.amount.value);
    const ml = toMl(amount, units);
    if (!Number.isFinite(amount) || ml < 1 || ml > 5000) {
      showFormError(form, { message: `Enter an amount between 1 and ${units === 'us' ? '169 fl oz' : '5000 mL'}.`, fields: {} });
      return;
    }
    const saved = await saveFromForm({ form, entry, kind: 'water', data: { amount_ml: ml }, navigate });
    if (!saved) return;
    form.reset();
    showSaved(container.querySelector('#water-form-status'), saved, `Saved ${formatVolume(ml, units)}.`, refresh);
    refresh();
  });
}
