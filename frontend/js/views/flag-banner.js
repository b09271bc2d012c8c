// A calm banner on Today while the log shows a red flag, until the person marks it
// "seen a doctor" or dismisses it (remembered per finding).
import { html, render as draw } from '../lib/dom.js';
import { adviceFor, findingResponses, respondToFinding } from '../lib/rules-store.js';
import { currentUser } from '../lib/session.js';

export async function mount(container) {
  let advice;
  try {
    advice = await adviceFor({});
  } catch {
    return;
  }
  const responses = await findingResponses();
  const open = advice.result.findings.filter((f) => !responses[f.id]);
  if (!open.length) {
    draw(container, html``);
    return;
  }
  const level = open[0].level;
  const title = advice.rules.levels[level].title;
  draw(container, html`
    <section class="banner banner-flag card" aria-labelledby="flag-title">
      <h2 id="flag-title">${title}</h2>
      <ul>${open.filter((f) => f.level === level).map((f) => html`<li>${f.label} <a href="${f.article}">Why this matters</a></li>`)}</ul>
      <p>${advice.rules.levels[level].what_to_do}</p>
      <p class="row">
        <a class="button button-small" href="/doctor-summary">Summary for your doctor</a>
        <button type="button" class="button-small button-secondary" data-respond="seen_doctor">I have seen a doctor</button>
        <button type="button" class="button-small button-secondary" data-respond="dismissed">Dismiss</button>
      </p>
    </section>`);
  container.querySelectorAll('[data-respond]').forEach((button) => button.addEventListener('click', async () => {
    for (const finding of open) await respondToFinding(finding.id, button.dataset.respond, !!currentUser());
    mount(container);
  }));
}
