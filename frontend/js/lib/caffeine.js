// Caffeine in the body: each dose halves every half-life, all doses add up (as caffeine.py).

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
