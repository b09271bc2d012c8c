// The person's preferences on this device: goals (the account's when signed in, else the
// defaults), units for amounts, and locale-based defaults such as the emergency number.
import './storage-core.js';
import { api } from './api.js';
import { currentUser } from './session.js';
import { defaultGoals } from './tracker.js';

const { idb } = globalThis.SteadyCore;

// ---- locale ----
// Emergency numbers by country, for the profile's default (the person can always change it).
// 112 is the common number across the EU and works on most mobile networks, so it is the fallback.
const BY_REGION = { GB: '999', US: '911', CA: '911', AU: '000', NZ: '111' };

/** Region code from a BCP 47 tag such as "en-GB" or "pt-BR"; "" when the tag has none. */
export function regionOf(locale) {
  const match = /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Z]{2}|\d{3})\b/i.exec(String(locale || ''));
  return match ? match[1].toUpperCase() : '';
}

export function emergencyNumberFor(locale) {
  return BY_REGION[regionOf(locale)] || '112';
}

/** US customary units for the United States and Liberia; metric elsewhere. */
export function unitsFor(locale) {
  return ['US', 'LR'].includes(regionOf(locale)) ? 'us' : 'metric';
}

// ---- units ----
export const ML_PER_FL_OZ = 29.5735;

export function preferredUnits() {
  return currentUser()?.units || unitsFor(globalThis.navigator?.language);
}

export function formatVolume(ml, units = preferredUnits()) {
  if (units === 'us') return `${Math.round(ml / ML_PER_FL_OZ)} fl oz`;
  return ml >= 1000 ? `${(ml / 1000).toFixed(ml % 1000 ? 1 : 0)} L` : `${Math.round(ml)} mL`;
}

export function toMl(amount, units = preferredUnits()) {
  return Math.round(units === 'us' ? amount * ML_PER_FL_OZ : amount);
}

// ---- goals ----
export async function loadGoals() {
  const saved = await idb.get('meta', 'goals').catch(() => null);
  if (currentUser() && navigator.onLine) {
    api.get('/api/goals').then((goals) => idb.put('meta', goals, 'goals')).catch(() => {});
  }
  return { ...defaultGoals(), ...(saved || {}) };
}

export async function saveGoals(goals) {
  const merged = { ...(await loadGoals()), ...goals };
  if (currentUser()) {
    const stored = await api.put('/api/goals', merged);
    await idb.put('meta', stored, 'goals');
    return stored;
  }
  await idb.put('meta', merged, 'goals');
  return merged;
}
