// Daily summaries, history ranges and streaks on the device (the same rules as summary.py, so
// Today offline shows what the server would).
import { caffeineAt, latestDoseTime } from './caffeine.js';
import { dayOfEntry, isoInZone, localClock, shiftDay, wallClock } from './days.js';
import { DRINKS } from './goals.js';

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
