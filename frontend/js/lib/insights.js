// Patterns between twitch days and everyday factors (the same rules as insights.py).
import { rangeSummaries } from './tracker.js';

export const MIN_DAYS = 3;
const SHORT_SLEEP_MINUTES = 6 * 60;
export const NOTE = 'This is a pattern in what you logged, not proof that one thing leads to the other.';

function factors(goals) {
  return [
    ['short_sleep', 'after less than 6 h of sleep', (d) => (d.sleep_minutes === null ? null : d.sleep_minutes < SHORT_SLEEP_MINUTES)],
    ['low_water', 'when you drank less than your water goal', (d) => !d.water_met],
    ['caffeine_over', `with more than ${goals.caffeine_limit_mg} mg of caffeine`, (d) => d.caffeine_over],
    ['late_caffeine', `with caffeine after ${goals.caffeine_late_after}`, (d) => d.caffeine_late],
    ['no_breathing', 'without a breathing exercise', (d) => d.breathing_minutes === 0],
  ];
}

export function compare(days, goals) {
  const logged = days.filter((d) => d.has_entries);
  return factors(goals).map(([factor, description, test]) => {
    const withDays = logged.filter((d) => test(d) === true);
    const withoutDays = logged.filter((d) => test(d) === false);
    const item = {
      factor, description,
      with_days: withDays.length, with_twitch_days: withDays.filter((d) => d.twitch_count > 0).length,
      without_days: withoutDays.length, without_twitch_days: withoutDays.filter((d) => d.twitch_count > 0).length,
    };
    if (withDays.length < MIN_DAYS || withoutDays.length < MIN_DAYS) {
      item.enough_data = false;
      item.sentence = `Not enough days yet to compare days ${description} with other days (needs at least ${MIN_DAYS} of each).`;
    } else {
      item.enough_data = true;
      item.sentence = `On days ${description} you logged twitches on ${item.with_twitch_days} of ${item.with_days} days, against ${item.without_twitch_days} of ${item.without_days} other days.`;
    }
    return item;
  });
}

export function computeInsights(entries, start, end, goals) {
  return { factors: compare(rangeSummaries(entries, start, end, goals), goals), note: NOTE };
}
