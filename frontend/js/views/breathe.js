// Breathing exercises: the list, and a pacer with a circle that grows and shrinks, a countdown,
// optional vibration, a still text-only mode under reduced motion, and the screen kept awake.
// A finished session (or one stopped after 30 seconds) logs itself.
import { html, render as draw } from '../lib/dom.js';
import { EXERCISES, phaseAt, sessionLength, vibrationPattern } from '../lib/breathing.js';
import { logEntry } from '../lib/entries.js';

function ensureStyles() {
  if (document.querySelector('link[data-breathe]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/static/css/breathe.css';
  link.dataset.breathe = '';
  document.head.append(link);
}

function listView(container) {
  document.title = 'Breathing exercises · Steady';
  draw(container, html`
    <h1>Breathing exercises</h1>
    <p>A few calm minutes can ease stress, one of the common triggers of twitching. <a href="/articles/breathing-exercises">What the research says</a></p>
    <ul class="list-plain">
      ${Object.values(EXERCISES).map((e) => html`<li>
        <h2 class="article-list-title"><a href="/breathe/${e.id}">${e.name}</a></h2>
        <p>${e.how}</p>
        <p class="muted">${e.cycles ? `${e.cycles} rounds` : `${e.minutes} minutes`}</p></li>`)}
    </ul>`);
}

function clock(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function render(container, { params }) {
  ensureStyles();
  const exercise = EXERCISES[params.exercise];
  if (!params.exercise) return listView(container);
  if (!exercise) {
    draw(container, html`<h1>No such exercise</h1><p><a href="/breathe">See all breathing exercises</a></p>`);
    return undefined;
  }
  document.title = `${exercise.name} · Steady`;
  const total = sessionLength(exercise);
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const canVibrate = 'vibrate' in navigator;
  draw(container, html`
    <h1>${exercise.name}</h1>
    <p>${exercise.how}</p>
    <div class="pacer ${still ? 'pacer-still' : ''}" aria-hidden="true"><div class="pacer-circle"></div></div>
    <p class="pacer-phase" aria-live="polite" id="pacer-phase">Ready when you are</p>
    <p class="pacer-count"><span id="pacer-seconds"></span> <span class="muted">Time left: <span id="pacer-left">${clock(total)}</span></span></p>
    <div class="row">
      <button type="button" id="pacer-start">Start</button>
      <button type="button" id="pacer-pause" class="button-secondary" disabled>Pause</button>
      <button type="button" id="pacer-stop" class="button-secondary" disabled>Stop</button>
    </div>
    ${canVibrate ? html`<label class="choice"><input type="checkbox" id="pacer-vibrate"> Vibrate: one buzz to breathe in, two to breathe out</label>` : ''}
    <p class="notice" role="status" id="pacer-done" hidden></p>
    <p class="muted">If you feel dizzy or light-headed, stop and breathe normally.</p>`);

  const circle = container.querySelector('.pacer-circle');
  const phaseText = container.querySelector('#pacer-phase');
  const seconds = container.querySelector('#pacer-seconds');
  const left = container.querySelector('#pacer-left');
  const [start, pause, stop] = ['#pacer-start', '#pacer-pause', '#pacer-stop'].map((s) => container.querySelector(s));
  let elapsedBefore = 0;
  let startedAt = null;
  let frame = null;
  let lastPhaseKey = '';
  let wakeLock = null;

  const elapsed = () => elapsedBefore + (startedAt === null ? 0 : performance.now() - startedAt);
  const lockScreen = async () => {
    try { wakeLock = await navigator.wakeLock?.request('screen'); } catch { wakeLock = null; }
  };
  const releaseScreen = () => { wakeLock?.release().catch(() => {}); wakeLock = null; };
  const onVisible = () => { if (document.visibilityState === 'visible' && startedAt !== null) lockScreen(); };
  document.addEventListener('visibilitychange', onVisible);

  async function finish() {
    const ms = Math.min(elapsed(), total);
    cancelAnimationFrame(frame);
    startedAt = null;
    elapsedBefore = 0;
    releaseScreen();
    start.disabled = false; start.textContent = 'Start again';
    pause.disabled = true; stop.disabled = true;
    circle.className = 'pacer-circle';
    const done = container.querySelector('#pacer-done');
    done.hidden = false;
    if (ms < 30000) {
      phaseText.textContent = 'Stopped';
      done.textContent = 'Stopped before 30 seconds, so nothing was logged.';
      return;
    }
    await logEntry('breathing', { exercise: exercise.id, duration_s: Math.round(ms / 1000) });
    phaseText.textContent = 'Well done';
    done.innerHTML = html`Logged ${Math.max(1, Math.round(ms / 60000))} minute${Math.round(ms / 60000) > 1 ? 's' : ''} of breathing. <a href="/">Back to Today</a>`.__html;
  }

  function tick() {
    const now = elapsed();
    if (now >= total) { finish(); return; }
    const at = phaseAt(exercise, now);
    const key = `${at.cycle}:${at.phase}:${at.phaseSeconds}:${Math.floor(now / (at.phaseSeconds * 1000))}`;
    if (key !== lastPhaseKey) {
      lastPhaseKey = key;
      phaseText.textContent = at.label;
      circle.className = `pacer-circle phase-${at.phase}`;
      circle.style.transitionDuration = `${at.phaseSeconds}s`;
      if (container.querySelector('#pacer-vibrate')?.checked) navigator.vibrate(vibrationPattern(at.phase));
    }
    seconds.textContent = String(at.secondsLeftInPhase);
    left.textContent = clock(total - now);
    frame = requestAnimationFrame(tick);
  }

  start.addEventListener('click', () => {
    container.querySelector('#pacer-done').hidden = true;
    startedAt = performance.now();
    lastPhaseKey = '';
    start.disabled = true; pause.disabled = false; stop.disabled = false;
    pause.textContent = 'Pause';
    lockScreen();
    tick();
  });
  pause.addEventListener('click', () => {
    if (startedAt !== null) {
      elapsedBefore = elapsed();
      startedAt = null;
      cancelAnimationFrame(frame);
      releaseScreen();
      pause.textContent = 'Resume';
      phaseText.textContent = 'Paused';
    } else {
      startedAt = performance.now();
      lastPhaseKey = '';
      pause.textContent = 'Pause';
      lockScreen();
      tick();
    }
  });
  stop.addEventListener('click', finish);

  return () => {
    cancelAnimationFrame(frame);
    releaseScreen();
    document.removeEventListener('visibilitychange', onVisible);
  };
}
