// Log caffeine: a drink with its typical caffeine (Mayo Clinic figures) or a custom amount in mg,
// and the time it was drunk.
import { html, render as draw, showFormError } from '../lib/dom.js';
import { DRINKS } from '../lib/tracker.js';
import { deleteButton, entryToEdit, saveFromForm, showSaved, whenField, wireDelete } from '../lib/log-form.js';

export async function render(container, { url, navigate }) {
  const entry = await entryToEdit(url, 'caffeine');
  document.title = `${entry ? 'Edit' : 'Log'} caffeine · Steady`;
  const current = entry?.data || { drink: 'brewed_coffee', mg: DRINKS.find((d) => d.id === 'brewed_coffee').mg, servings: 1 };
  draw(container, html`
    <h1>${entry ? 'Edit caffeine' : 'Log caffeine'}</h1>
    <form class="card" id="caffeine-form" novalidate>
      <p class="form-error" role="alert" tabindex="-1"></p>
      <fieldset class="field">
        <legend>What did you drink?</legend>
        ${DRINKS.map((drink) => html`
          <label class="choice"><input type="radio" name="drink" value="${drink.id}" data-mg="${drink.mg}" ${current.drink === drink.id ? 'checked' : ''}>
            ${drink.label} <span class="muted">(${drink.serving}, about ${drink.mg} mg)</span></label>`)}
        <label class="choice"><input type="radio" name="drink" value="custom" ${current.drink === 'custom' ? 'checked' : ''}> Something else</label>
      </fieldset>
      <div class="field">
        <label for="caffeine-mg">Caffeine (mg)</label>
        <input id="caffeine-mg" name="mg" type="number" inputmode="numeric" min="1" max="1000" value="${current.mg}" required aria-describedby="caffeine-mg-hint">
        <p class="hint" id="caffeine-mg-hint">Filled in from the drink; change it if you know better (the label often says).</p>
      </div>
      ${whenField('caffeine', entry)}
      <div class="row">
        <button type="submit">${entry ? 'Save changes' : 'Save'}</button>
        ${deleteButton(entry)}
      </div>
      <p class="notice" role="status" id="caffeine-status" hidden></p>
      <p class="muted">Figures are typical amounts from the Mayo Clinic's caffeine chart; real drinks vary.</p>
    </form>`);
  const form = container.querySelector('#caffeine-form');
  form.querySelectorAll('input[name="drink"]').forEach((radio) => radio.addEventListener('change', () => {
    if (radio.dataset.mg) form.elements.mg.value = radio.dataset.mg;
  }));
  wireDelete(container, entry, navigate, '/history');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const mg = Math.round(Number(form.elements.mg.value));
    if (!Number.isFinite(mg) || mg < 1 || mg > 1000) {
      showFormError(form, { message: 'Enter the caffeine in milligrams, between 1 and 1000.', fields: {} });
      return;
    }
    const data = { mg, drink: new FormData(form).get('drink') || 'custom', servings: 1 };
    const saved = await saveFromForm({ form, entry, kind: 'caffeine', data, navigate });
    if (!saved) return;
    showSaved(container.querySelector('#caffeine-status'), saved, `Saved ${mg} mg of caffeine.`);
  });
}
