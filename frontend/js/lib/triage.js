// The red-flag rules engine in the app: the same rules file and the same logic as
// backend/triage/engine.py, so advice is identical online and offline (tests/triage_cases.json
// runs against both). Dates are calendar days ("YYYY-MM-DD"), compared with UTC arithmetic.

function dayNumber(day) {
  return Math.round(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86400000);
}

function twitches(entries, today, lookbackDays) {
  const last = dayNumber(today);
  const first = last - (lookbackDays - 1);
  const found = [];
  for (const entry of entries) {
    if (entry.kind !== 'twitch' || entry.deleted) continue;
    const day = dayNumber(entry.occurred_at);
    if (day >= first && day <= last) found.push([day, entry]);
  }
  return found;
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

function historyHolds(when, entries, today) {
  switch (when.history) {
    case 'twitch_day_span': {
      const days = [...new Set(twitches(entries, today, when.lookback_days).map(([day]) => day))].sort((a, b) => a - b);
      return days.length >= when.min_days && days[days.length - 1] - days[0] + 1 >= when.min_span_days;
    }
    case 'distinct_locations':
      return new Set(twitches(entries, today, when.lookback_days).map(([, e]) => e.data.location)).size >= when.min_places;
    case 'rising_intensity': {
      const recentStart = dayNumber(today) - (when.recent_days - 1);
      const window = twitches(entries, today, when.recent_days + when.earlier_days);
      const recent = window.filter(([day]) => day >= recentStart).map(([, e]) => e.data.intensity);
      const earlier = window.filter(([day]) => day < recentStart).map(([, e]) => e.data.intensity);
      if (recent.length < when.min_entries || earlier.length < when.min_entries) return false;
      return mean(recent) - mean(earlier) >= when.min_rise;
    }
    case 'answer_logged':
      return twitches(entries, today, when.lookback_days).some(([, e]) => (e.data.answers || {})[when.answer] === true);
    default:
      throw new Error(`unknown history rule ${when.history}`);
  }
}

function finding(item, source) {
  return { id: item.id, level: item.level, label: item.label, article: item.article, why: item.why || '', source };
}

export function evaluate(rules, answers, entries, today) {
  const rank = Object.fromEntries(Object.entries(rules.levels).map(([name, level]) => [name, level.rank]));
  const found = [];
  for (const item of rules.findings) {
    const when = item.when;
    if (when.history) {
      if (historyHolds(when, entries, today)) found.push(finding(item, 'history'));
    } else if (answers[when.answer] === true) {
      found.push(finding(item, 'answer'));
    }
  }
  const present = new Set(found.map((f) => f.id));
  for (const combo of rules.combinations) {
    if (combo.all_of.every((group) => group.some((name) => present.has(name)))) found.push(finding(combo, 'combination'));
  }
  found.sort((a, b) => rank[a.level] - rank[b.level] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const level = found.length ? found[0].level : 'self_care';
  return {
    level,
    findings: found,
    reasons: found.filter((f) => f.level === level).map((f) => f.label),
    rules_version: rules.version,
  };
}
