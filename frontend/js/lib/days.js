// Local days and wall-clock times in a named time zone, with Intl only (no libraries).

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
