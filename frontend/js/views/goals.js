// Goals: water, caffeine limit, sleep target, breathing, bedtime and caffeine half-life.
// Defaults come from published guidance; the person can change each one.
import { html, render as draw, showFormError } from '../lib/dom.js';
import { defaultGoals, WATER_PRESETS_ML } from '../lib/tracker.js';
import { loadGoals, saveGoals } from '../lib/preferences.js';

const FIELDS = [
  ['water_ml', 'Water from drinks each day (mL)', 'number', '500', '6000', 'The US National Academies suggest about 2.2 L for women and 3.0 L for men from drinks.'],
  ['caffeine_limit_mg', 'Caffeine limit each day (mg)', 'number', '0', '1000', 'Up to 400 mg a day is not generally linked with harm in healthy adults (US FDA); in pregnancy, 200 mg (EFSA).'],
  ['sleep_min_hours', 'Sleep target: at least (hours)', 'number', '3', '14', 'Adults: 7 or more hours (AASM).'],
  ['sleep_max_hours', 'Sleep target: at most (hours)', 'number', '3', '16', '7 to 9 hours for adults aged 18 to 64 (National Sleep Foundation).'],
  ['breathing_minutes', 'Breathing practice each day (minutes)', 'number', '1', '120', '5 minutes a day was used in a month-long trial (Balban et al., 2023).'],
  ['bedtime', 'Usual bedtime', 'time', '', '', 'Used to estimate caffeine left at bedtime and to time the wind-down reminder.'],
  ['caffeine_half_life_h', 'Caffeine half-life (hours)', 'number', '1.5', '9.5', 'About 5 hours on average, 1.5 to 9.5 between people (Institute of Medicine).'],
  ['bedtime_caffeine_mg', 'Caffeine left at bedtime: keep under (mg)', 'number', '0', '400', 'The latest-coffee time on Today keeps you under this.'],
];

export async function render(container) {
  document.title = 'Goals · Steady';
  const goals = await loadGoals();
  draw(container, html`
    <h1>Your goals</h1>
    <form class="card" id="goals-form" novalidate>
      <p class="form-error" role="alert" tabindex="-1"></p>
      <p class="row">Water presets:
        <button type="button" class="button-small button-secondary" data-water="${WATER_PRESETS_ML.women}">2.2 L</button>
        <button type="button" class="button-small button-secondary" data-water="${WATER_PRESETS_ML.men}">3.0 L</button></p>
      ${FIELDS.map(([name, label, type, min, max, hint]) => html`
        <div class="field">
          <label for="goal-${name}">${label}</label>
          <input id="goal-${name}" name="${name}" type="${type}" ${min ? html`min="${min}" max="${max}" step="any"` : ''} value="${goals[name]}" aria-describedby="goal-${name}-hint" required>
          <p class="hint" id="goal-${name}-hint">${hint}</p>
        </div>`)}
      <div class="row">
        <button type="submit">Save goals</button>
        <button type="button" class="button-secondary" id="goals-reset">Back to defaults</button>
      </div>
      <p class="notice" role="status" id="goals-saved" hidden>Saved.</p>
    </form>`);
  const form = container.querySelector('#goals-form');
  container.querySelectorAll('[data-water]').forEach((b) => b.addEventListener('click', () => { form.elements.water_ml.value = b.dataset.water; }));
  container.querySelector('#goals-reset').addEventListener('click', () => {
    for (const [name, value] of Object.entries(defaultGoals())) if (form.elements[name]) form.elements[name].value = value;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = {};
    for (const [name, , type] of FIELDS) values[name] = type === 'number' ? Number(form.elements[name].value) : form.elements[name].value;
    if (values.sleep_min_hours > values.sleep_max_hours) {
      showFormError(form, { message: 'The sleep target’s lower end must not be above its upper end.', fields: {} });
      return;
    }
    try {
      await saveGoals(values);
      showFormError(form, null);
      container.querySelector('#goals-saved').hidden = false;
    } catch (error) {
      showFormError(form, error.status ? error : { message: 'Saving goals needs a connection while signed in.', fields: {} });
    }
  });
}
