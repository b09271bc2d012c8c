// The red-flag rules: from the server (the service worker keeps a copy for offline use), with a
// second copy in IndexedDB so advice works offline even if the browser dropped its caches.
import { api } from './api.js';
import './storage-core.js';
import { entriesBetween, shiftDay, todayLocal } from './entries.js';
import { evaluate } from './triage.js';

const { idb } = globalThis.SteadyCore;

let loaded = null;

export async function loadRules() {
  if (!loaded) {
    loaded = api.get('/api/triage/rules')
      .then(async (rules) => { await idb.put('content', rules, 'triage-rules').catch(() => {}); return rules; })
      .catch(async (error) => {
        const saved = await idb.get('content', 'triage-rules').catch(() => null);
        if (!saved) { loaded = null; throw error; }
        return saved;
      });
  }
  return loaded;
}

/** Advice for these answers and this device's log of the last 4 weeks. */
export async function adviceFor(answers) {
  const rules = await loadRules();
  const today = todayLocal();
  const entries = await entriesBetween(shiftDay(today, -28), today);
  return { rules, result: evaluate(rules, answers, entries, today) };
}

/** The person's "seen a doctor" / "dismiss" per finding, kept on the device and in the account. */
export async function findingResponses() {
  return (await idb.get('meta', 'finding-responses').catch(() => null)) || {};
}

export async function respondToFinding(findingId, action, signedIn) {
  const responses = { ...(await findingResponses()), [findingId]: { action, at: new Date().toISOString() } };
  await idb.put('meta', responses, 'finding-responses');
  if (signedIn) api.put(`/api/triage/responses/${encodeURIComponent(findingId)}`, { action }).catch(() => {});
  return responses;
}
