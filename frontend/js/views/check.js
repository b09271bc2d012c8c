// "Check my symptoms": yes/no questions, with the advice updating as answers change. Works with
// no signal: the rules and the log are on the device. Emergency advice has a call button for the
// number in the profile.
import { api } from '../lib/api.js';
import { html, render as draw } from '../lib/dom.js';
import { getEntry } from '../lib/entries.js';
import { emergencyNumberFor } from '../lib/preferences.js';
import { adviceFor, loadRules } from '../lib/rules-store.js';
import { currentUser } from '../lib/session.js';

const SELF_CARE_LINKS = html`<ul>
  <li><a href="/articles/stopping-twitching#everyday-habits-that-help">Everyday habits that help</a></li>
  <li><a href="/articles/caffeine-sleep-and-water">Caffeine, sleep and water</a></li>
  <li><a href="/breathe">Start a breathing exercise</a></li>
</ul>`;

export function emergencyNumber() {
  return currentUser()?.emergency_number || emergencyNumberFor(navigator.language);
}

function question(q, checked) {
  return html`<label class="choice question">
    <input type="checkbox" name="${q.id}" ${checked ? 'checked' : ''}>
    <span>${q.text}${q.hint ? html`<br><span class="hint">${q.hint}</span>` : ''}</span></label>`;
}

export function adviceCard(rules, result) {
  const level = rules.levels[result.level];
  const top = result.findings.filter((f) => f.level === result.level);
  const others = result.findings.filter((f) => f.level !== result.level);
  const number = emergencyNumber();
  const time = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return html`
    <section class="card advice advice-${result.level}" aria-labelledby="advice-title">
      <h2 id="advice-title">${level.title}</h2>
      ${result.level === 'emergency' ? html`
        <p><a class="button button-danger button-block call-button" href="tel:${number}">Call ${number} now</a></p>
        <p>${level.what_to_do}</p>
        <p><strong>${level.note_to_keep}</strong> It is now ${time}.</p>` : html`
        <p><strong>${level.how_soon}</strong> ${level.what_to_do}</p>`}
      <p>${level.if_worse}</p>
      ${top.length ? html`<h3>Why</h3><ul>${top.map((f) => html`<li>${f.label} <a href="${f.article}">Read more</a></li>`)}</ul>`
        : html`<p>None of your answers or your log point to a warning sign.</p>${SELF_CARE_LINKS}`}
      ${others.length ? html`<h3>Also noted</h3><ul>${others.map((f) => html`<li>${f.label} <a href="${f.article}">Read more</a></li>`)}</ul>` : ''}
      ${result.level !== 'emergency' ? html`<p class="muted">If any emergency sign appears, call ${number}.</p>` : ''}
    </section>`;
}

export async function render(container, { url }) {
  document.title = 'Check my symptoms · Steady';
  let rules;
  try {
    rules = await loadRules();
  } catch {
    draw(container, html`<h1>Check my symptoms</h1>
      <p>The symptom checker could not load. If you have any emergency sign (a drooping face, weakness on one side, slurred speech, trouble breathing), call ${emergencyNumber()} now.</p>
      <p><a class="button button-danger" href="tel:${emergencyNumber()}">Call ${emergencyNumber()}</a></p>`);
    return;
  }
  const entryId = url.searchParams.get('entry');
  const entry = entryId ? await getEntry(entryId) : null;
  const answers = { ...(entry?.data?.answers || {}) };
  const groups = [['emergency', 'Emergency signs: right now, do you have…'], ['symptom', 'Along with the twitching, do you have…']];
  draw(container, html`
    <h1>Check my symptoms</h1>
    ${entry ? html`<p>From the twitch you just logged. Change any answer to see how the advice changes.</p>`
      : html`<p>Answer yes to anything that is true now. The advice updates as you go.</p>`}
    <div id="advice" aria-live="polite"></div>
    <form id="check-form" class="card">
      ${groups.map(([group, title]) => html`<fieldset class="field"><legend>${title}</legend>
        ${rules.questions.filter((q) => q.group === group).map((q) => question(q, answers[q.id]))}</fieldset>`)}
    </form>
    <p class="muted">Steady gives information, not a diagnosis. <a href="/articles/when-to-see-a-doctor">When to see a doctor</a></p>`);
  const form = container.querySelector('#check-form');
  const box = container.querySelector('#advice');
  const checkId = crypto.randomUUID();
  let saveTimer = null;

  async function update(first) {
    for (const q of rules.questions) answers[q.id] = form.elements[q.id].checked;
    const { result } = await adviceFor(answers);
    draw(box, adviceCard(rules, result));
    box.setAttribute('aria-live', result.level === 'emergency' ? 'assertive' : 'polite');
    if (first && result.level === 'emergency') box.querySelector('.call-button')?.focus();
    clearTimeout(saveTimer);
    if (currentUser() && !entry) {
      saveTimer = setTimeout(() => api.post('/api/triage/checks', { id: checkId, answers, checked_at: new Date().toISOString() }).catch(() => {}), 1500);
    }
  }
  form.addEventListener('change', () => update(false));
  await update(true);
  return () => clearTimeout(saveTimer);
}
