// The tracker's domain rules on the device: default goals and drink presets, local days in a
// time zone, the caffeine half-life model, daily summaries and streaks. The same rules as
// backend/tracker/ (shared cases in tests/tracker_cases.json run against both). No DOM.

// ---- goals and presets ----
// Water from drinks (US National Academies 2004): about 3.0 L for men, 2.2 L for women.
export const WATER_PRESETS_ML = { men: 3000, women: 2200 };
export const QUICK_WATER = { metric: [150, 250, 500], us: [8, 16] };
// Caffeine per serving, Mayo Clinic caffeine chart.
export const DRINKS = [
  { id: 'espresso', label: 'Espresso', serving: '1 oz shot', mg: 63 },
  { id: 'brewed_coffee', label: 'Brewed coffee', serving: '8 oz cup', mg: 96 },
  { id: 'instant_coffee', label: 'Instant coffee', serving: '8 oz cup', mg: 62 },
  { id: 'black_tea', label: 'Black tea', serving: '8 oz cup', mg: 48 },
  { id: 'green_tea', label: 'Green tea', serving: '8 oz cup', mg: 29 },
  { id: 'cola', label: 'Cola', serving: '8 oz', mg: 33 },
  { id: 'energy_drink', label: 'Energy drink', serving: '8 oz', mg: 79 },
  { id: 'energy_shot', label: 'Energy shot', serving: '2 oz', mg: 200 },
];

export function defaultGoals() {
  return {
    water_ml: WATER_PRESETS_ML.women,
    caffeine_limit_mg: 400, // US FDA
    sleep_min_hours: 7.0, // AASM/SRS 2015; NSF 2015 (7-9 h for adults 18-64)
    sleep_max_hours: 9.0,
    breathing_minutes: 5, // Balban et al. 2023
    caffeine_half_life_h: 5.0, // Institute of Medicine 2001 (1.5-9.5 h)
    bedtime: '22:30',
    bedtime_caffeine_mg: 50, // below the 100 mg single dose EFSA (2015) links with poorer sleep
    caffeine_late_after: '14:00',
  };
}

// ---- days ----
/** Minutes east of UTC that `zone` is at the instant `ms`. */
export function zoneOffsetMinutes(ms, zone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * The instant (ms) of a wall-clock time "HH:MM" on day "YYYY-MM-DD" in `zone`. A time that falls in
 * a spring-forward gap moves past it; an ambiguous one (fall-back) is the first of the two.
 */
export function localClock(day, clock, zone) {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = clock.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const candidates = new Set();
  for (const probe of [wall - 14 * 3600e3, wall, wall + 14 * 3600e3]) {
    candidates.add(wall - zoneOffsetMinutes(probe, zone) * 60000);
  }
  const exact = [...candidates].filter((t) => t + zoneOffsetMinutes(t, zone) * 60000 === wall).sort((a, b) => a - b);
  if (exact.length) return exact[0];
  // In a gap: use the offset from before the change, which lands just after the gap.
  return wall - zoneOffsetMinutes(wall - 14 * 3600e3, zone) * 60000;
}

export function shiftDay(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function dayOfEntry(entry) {
  return String(entry.occurred_at).slice(0, 10);
}

/** "HH:MM" of an ISO string with offset, in its own wall time. */
export function wallClock(iso) {
  return String(iso).slice(11, 16);
}

/** An ISO string with the zone's offset for an instant, to the minute ("2026-03-29T14:05+01:00"). */
export function isoInZone(ms, zone) {
  const offset = zoneOffsetMinutes(ms, zone);
  const local = new Date(ms + offset * 60000).toISOString().slice(0, 16);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// ---- caffeine ----
export function remaining(mg, takenMs, atMs, halfLifeH) {
  const hours = (atMs - takenMs) / 3600e3;
  return hours < 0 ? 0 : mg * 0.5 ** (hours / halfLifeH);
}

/** doses: [[takenMs, mg], ...] */
export function caffeineAt(doses, atMs, halfLifeH) {
  return doses.reduce((sum, [taken, mg]) => sum + remaining(mg, taken, atMs, halfLifeH), 0);
}

/** Latest instant (ms, not before now) a dose of doseMg keeps bedtime at or under the threshold. */
export function latestDoseTime(doses, bedtimeMs, doseMg, thresholdMg, halfLifeH, nowMs) {
  const room = thresholdMg - caffeineAt(doses, bedtimeMs, halfLifeH);
  if (room <= 0 || doseMg <= 0) return null;
  if (doseMg <= room) return bedtimeMs;
  const latest = bedtimeMs - halfLifeH * Math.log2(doseMg / room) * 3600e3;
  return latest >= nowMs ? latest : null;
}

// ---- summaries ----
// Today offline shows what the server would).

const REFERENCE_COFFEE_MG = DRINKS.find((d) => d.id === 'brewed_coffee').mg;
export const STREAK_GOALS = ['water_met', 'caffeine_ok', 'sleep_met', 'breathing_met'];

function live(entries) {
  return entries.filter((e) => !e.deleted);
}

function byDay(entries) {
  const grouped = new Map();
  for (const entry of live(entries)) {
    const day = dayOfEntry(entry);
    if (!grouped.has(day)) grouped.set(day, []);
    grouped.get(day).push(entry);
  }
  return grouped;
}

export function bedtimeInstant(day, goals, zone) {
  const hour = Number(goals.bedtime.split(':')[0]);
  return localClock(hour < 12 ? shiftDay(day, 1) : day, goals.bedtime, zone);
}

function sleepOf(dayEntries) {
  const sleeps = dayEntries.filter((e) => e.kind === 'sleep');
  if (!sleeps.length) return null;
  const last = sleeps.reduce((a, b) => (Date.parse(b.data.wake_time) > Date.parse(a.data.wake_time) ? b : a));
  return {
    minutes: Math.round((Date.parse(last.data.wake_time) - Date.parse(last.data.bedtime)) / 60000),
    quality: last.data.quality, bedtime: last.data.bedtime, wake_time: last.data.wake_time,
  };
}

function dayFigures(day, dayEntries, goals) {
  const of = (kind) => dayEntries.filter((e) => e.kind === kind);
  const water = of('water').reduce((s, e) => s + e.data.amount_ml, 0);
  const mg = of('caffeine').reduce((s, e) => s + e.data.mg, 0);
  const sleep = sleepOf(dayEntries);
  const breathing = Math.round(of('breathing').reduce((s, e) => s + e.data.duration_s, 0) / 60);
  const twitches = of('twitch');
  return {
    day,
    has_entries: dayEntries.length > 0,
    water_ml: water, water_goal_ml: goals.water_ml, water_met: water >= goals.water_ml,
    caffeine_mg: mg, caffeine_limit_mg: goals.caffeine_limit_mg,
    caffeine_over: mg > goals.caffeine_limit_mg,
    caffeine_ok: dayEntries.length > 0 && mg <= goals.caffeine_limit_mg, // nothing logged proves nothing
    caffeine_late: of('caffeine').some((e) => wallClock(e.occurred_at) >= goals.caffeine_late_after),
    sleep, sleep_minutes: sleep ? sleep.minutes : null,
    sleep_met: !!sleep && goals.sleep_min_hours * 60 <= sleep.minutes && sleep.minutes <= goals.sleep_max_hours * 60,
    breathing_minutes: breathing, breathing_met: breathing >= goals.breathing_minutes,
    twitch_count: twitches.length,
    max_intensity: twitches.reduce((m, e) => Math.max(m, e.data.intensity), 0),
  };
}

function round1(value) {
  return Math.round(value * 10) / 10;
}

/** One day's figures plus caffeine in the body now and at bedtime. `now` is a Date. */
export function daySummary(entries, day, goals, now, zone) {
  const summary = dayFigures(day, byDay(entries).get(day) || [], goals);
  const doses = live(entries).filter((e) => e.kind === 'caffeine').map((e) => [Date.parse(e.occurred_at), e.data.mg]);
  const bedtime = bedtimeInstant(day, goals, zone);
  const dayEnd = localClock(shiftDay(day, 1), '00:00', zone);
  const nowMs = now.getTime();
  summary.caffeine_now_mg = round1(caffeineAt(doses, Math.min(nowMs, dayEnd), goals.caffeine_half_life_h));
  summary.caffeine_bedtime_mg = round1(caffeineAt(doses, bedtime, goals.caffeine_half_life_h));
  const latest = latestDoseTime(doses, bedtime, REFERENCE_COFFEE_MG, goals.bedtime_caffeine_mg, goals.caffeine_half_life_h, nowMs);
  summary.latest_coffee_time = latest === null ? null : isoInZone(latest, zone);
  summary.bedtime = isoInZone(bedtime, zone);
  return summary;
}

export function rangeSummaries(entries, start, end, goals) {
  const grouped = byDay(entries);
  const days = [];
  for (let day = start; day <= end; day = shiftDay(day, 1)) days.push(dayFigures(day, grouped.get(day) || [], goals));
  return days;
}

export function streaks(days) {
  const result = {};
  for (const goal of STREAK_GOALS) {
    let best = 0;
    let run = 0;
    for (const d of days) {
      run = d[goal] ? run + 1 : 0;
      best = Math.max(best, run);
    }
    const tail = days.length && days[days.length - 1][goal] ? days : days.slice(0, -1);
    let current = 0;
    for (let i = tail.length - 1; i >= 0 && tail[i][goal]; i -= 1) current += 1;
    result[goal] = { current, best };
  }
  return result;
}
