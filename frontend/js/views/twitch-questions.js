// The red-flag questions inside the twitch form. Answers are stored with the twitch entry.
import { html, render as draw } from '../lib/dom.js';
import { loadRules } from '../lib/rules-store.js';

/** Draws the questions into `container`; returns a function that reads the answers. */
export async function mount(container, answers) {
  let rules;
  try {
    rules = await loadRules();
  } catch {
    return () => ({ ...answers });
  }
  const symptom = rules.questions.filter((q) => q.group === 'symptom');
  const emergency = rules.questions.filter((q) => q.group === 'emergency');
  const box = (q) => html`<label class="choice question"><input type="checkbox" name="answer-${q.id}" ${answers[q.id] ? 'checked' : ''}>
    <span>${q.text}${q.hint ? html`<br><span class="hint">${q.hint}</span>` : ''}</span></label>`;
  draw(container, html`
    <fieldset class="field">
      <legend>Along with the twitch, do you have any of these?</legend>
      ${symptom.map(box)}
    </fieldset>
    <details class="field" ${emergency.some((q) => answers[q.id]) ? 'open' : ''}>
      <summary>Emergency signs</summary>
      ${emergency.map(box)}
    </details>`);
  return () => Object.fromEntries(rules.questions.map((q) => [q.id, container.querySelector(`[name="answer-${q.id}"]`).checked]));
}
