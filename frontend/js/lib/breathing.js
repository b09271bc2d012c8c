// Guided breathing exercises: their patterns and the phase at any moment of a session (pure).

export const EXERCISES = {
  box: {
    id: 'box', name: 'Box breathing', minutes: 5,
    how: 'In for 4, hold for 4, out for 4, hold for 4.',
    phases: [['in', 4], ['hold', 4], ['out', 4], ['hold', 4]],
  },
  '4-7-8': {
    id: '4-7-8', name: '4-7-8 breathing', cycles: 4,
    how: 'In through the nose for 4, hold for 7, out through the mouth for 8. Start with 4 rounds.',
    phases: [['in', 4], ['hold', 7], ['out', 8]],
  },
  resonance: {
    id: 'resonance', name: 'Resonance breathing', minutes: 5,
    how: 'In for 5, out for 5: about 6 slow breaths a minute.',
    phases: [['in', 5], ['out', 5]],
  },
  cyclic_sigh: {
    id: 'cyclic_sigh', name: 'Cyclic sigh', minutes: 5,
    how: 'A breath in through the nose, a short second sip on top, then a long, slow breath out through the mouth.',
    phases: [['in', 2], ['top-up', 1], ['out', 6]],
  },
};

export const PHASE_LABELS = { in: 'Breathe in', hold: 'Hold', out: 'Breathe out', 'top-up': 'Top up' };

export function cycleSeconds(exercise) {
  return exercise.phases.reduce((sum, [, seconds]) => sum + seconds, 0);
}

/** Session length in ms: whole cycles, either the exercise's set count or enough to fill its minutes. */
export function sessionLength(exercise, { cycles, minutes } = {}) {
  const perCycle = cycleSeconds(exercise);
  const count = cycles ?? exercise.cycles ?? Math.max(1, Math.round(((minutes ?? exercise.minutes) * 60) / perCycle));
  return count * perCycle * 1000;
}

/** Where a session is after `elapsedMs`. */
export function phaseAt(exercise, elapsedMs) {
  const perCycleMs = cycleSeconds(exercise) * 1000;
  const elapsed = Math.max(0, elapsedMs);
  const cycle = Math.floor(elapsed / perCycleMs);
  let within = elapsed - cycle * perCycleMs;
  for (const [phase, seconds] of exercise.phases) {
    const length = seconds * 1000;
    if (within < length) {
      return { phase, label: PHASE_LABELS[phase], secondsLeftInPhase: Math.ceil((length - within) / 1000),
        cycle, progressInPhase: within / length, phaseSeconds: seconds };
    }
    within -= length;
  }
  return phaseAt(exercise, (cycle + 1) * perCycleMs);
}

/** Vibration cues: one pulse to breathe in, two to breathe out, none for holds. */
export function vibrationPattern(phase) {
  if (phase === 'in') return [120];
  if (phase === 'top-up') return [60];
  if (phase === 'out') return [80, 100, 80];
  return [];
}
