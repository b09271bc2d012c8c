// The person's goals on this device: the account's goals when signed in, else the defaults.
import { api } from './api.js';
import { defaultGoals } from './goals.js';
import { idb } from './idb.js';
import { currentUser } from './session.js';

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
