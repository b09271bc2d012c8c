// Today: water against the goal, caffeine against the limit (now and at bedtime), last night's
// sleep, breathing minutes and twitches, with quick actions. Computed on the device, so it works
// offline and shows an entry the moment it is logged.
import { html, render as draw } from '../lib/dom.js';
import { entriesBetween, logEntry, shiftDay, todayLocal, onSyncState } from '../lib/entries.js';
import { loadGoals, formatVolume, preferredUnits, toMl } from '../lib/preferences.js';
import { currentUser } from '../lib/session.js';
import { daySummary, QUICK_WATER } from '../lib/tracker.js';
import { adviceFor, findingResponses, respondToFinding } from '../lib/rules-store.js';

/** A calm banner while the log shows a red flag, until the person marks it "seen a doctor" or
 * dismisses it (remembered per finding). */
async function mountFlagBanner(container) {
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
    mountFlagBanner(container);
  }));
}

function zone() {
  return currentUser()?.time_zone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function timeOf(iso) {
  return iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
}

function meter(value, goal, label) {
  const percent = goal ? Math.min(100, Math.round((value / goal) * 100)) : 0;
  return html`<div class="meter" role="img" aria-label="${label}: ${percent}%"><span data-width="${percent}"></span></div>`;
}

function hours(minutes) {
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

async function draw_(container) {
  const today = todayLocal();
  const goals = await loadGoals();
  const entries = await entriesBetween(shiftDay(today, -1), today);
  const s = daySummary(entries, today, goals, new Date(), zone());
  const units = preferredUnits();
  const quick = QUICK_WATER[units][Math.min(1, QUICK_WATER[units].length - 1)];
  const user = currentUser();
  draw(container, html`
    <h1>${user?.display_name ? `Hello, ${user.display_name}` : 'Today'}</h1>
    <div id="flag-banner"></div>
    <section class="card" aria-labelledby="today-water">
      <h2 id="today-water">Water</h2>
      <p><span class="big-number">${formatVolume(s.water_ml, units)}</span> of ${formatVolume(s.water_goal_ml, units)}${s.water_met ? ' · goal met' : ''}</p>
      ${meter(s.water_ml, s.water_goal_ml, 'Water goal')}
      <p class="row quick-actions">
        <button type="button" id="quick-water">+${formatVolume(toMl(quick, units), units)}</button>
        <a class="button button-secondary" href="/log/water">More</a>
      </p>
    </section>
    <section class="card" aria-labelledby="today-caffeine">
      <h2 id="today-caffeine">Caffeine</h2>
      <p><span class="big-number">${s.caffeine_mg} mg</span> of your ${s.caffeine_limit_mg} mg daily limit${s.caffeine_over ? ' · over the limit' : ''}</p>
      ${meter(s.caffeine_mg, s.caffeine_limit_mg, 'Caffeine limit used')}
      <p>In your body now: about ${Math.round(s.caffeine_now_mg)} mg. At bedtime (${goals.bedtime}): about ${Math.round(s.caffeine_bedtime_mg)} mg.</p>
      <p>${s.latest_coffee_time
        ? html`A cup of brewed coffee before <strong>${timeOf(s.latest_coffee_time)}</strong> would still leave less than ${goals.bedtime_caffeine_mg} mg at bedtime.`
        : html`Another coffee today would leave more than ${goals.bedtime_caffeine_mg} mg in your body at bedtime.`}</p>
      <p class="row"><a class="button button-secondary" href="/log/caffeine">Log a drink</a></p>
    </section>
    <section class="card" aria-labelledby="today-sleep">
      <h2 id="today-sleep">Sleep</h2>
      ${s.sleep
        ? html`<p><span class="big-number">${hours(s.sleep.minutes)}</span> last night (your target: ${goals.sleep_min_hours}–${goals.sleep_max_hours} h)${s.sleep_met ? ' · on target' : ''}</p>`
        : html`<p>No sleep logged for last night yet.</p>`}
      <p class="row"><a class="button button-secondary" href="/log/sleep">${s.sleep ? 'Change' : 'Log last night'}</a></p>
    </section>
    <section class="card" aria-labelledby="today-breathing">
      <h2 id="today-breathing">Breathing</h2>
      <p><span class="big-number">${s.breathing_minutes} min</span> of ${goals.breathing_minutes} min${s.breathing_met ? ' · done' : ''}</p>
      <p class="row"><a class="button button-secondary" href="/breathe">Start a breathing exercise</a></p>
    </section>
    <section class="card" aria-labelledby="today-twitches">
      <h2 id="today-twitches">Twitches</h2>
      <p>${s.twitch_count ? `${s.twitch_count} logged today (strongest ${s.max_intensity} of 5).` : 'None logged today.'}</p>
      <p class="row"><a class="button button-secondary" href="/log/twitch">Log a twitch</a> <a class="button button-secondary" href="/check">Check my symptoms</a></p>
    </section>
    <p id="sync-status" class="muted" role="status"></p>`);
  container.querySelectorAll('.meter span').forEach((bar) => { bar.style.width = `${bar.dataset.width}%`; });
  container.querySelector('#quick-water').addEventListener('click', async () => {
    await logEntry('water', { amount_ml: toMl(quick, units) });
    draw_(container);
  });
  mountFlagBanner(container.querySelector('#flag-banner'));
}

export async function render(container) {
  document.title = 'Today · Steady';
  await draw_(container);
  const stop = onSyncState((state) => {
    const status = container.querySelector('#sync-status');
    if (state.received) draw_(container);
    else if (status) {
      status.textContent = state.rejected
        ? `${state.rejected} entr${state.rejected === 1 ? 'y was' : 'ies were'} refused by the server; open History to see why.`
        : state.waiting ? `${state.waiting} entr${state.waiting === 1 ? 'y waits' : 'ies wait'} to be sent.` : '';
    }
  });
  return stop;
}
