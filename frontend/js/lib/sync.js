// When the outbox is sent: at once after a change, on app open, when the network returns, when
// the app comes back to the foreground, on a backoff timer, and through Background Sync where the
// browser has it (Safari and Firefox do not, hence the other triggers).
import './storage-core.js';

const core = globalThis.SteadyCore;
const listeners = new Set();
let timer = null;
let started = false;

export function onSyncState(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function announce(state) {
  listeners.forEach((listener) => listener(state));
}

function requestBackgroundSync() {
  navigator.serviceWorker?.ready
    .then((registration) => registration.sync?.register('steady-outbox'))
    .catch(() => {});
}

/** Sends what waits and fetches other devices' changes; never throws. */
export async function syncNow({ ignoreBackoff = false } = {}) {
  clearTimeout(timer);
  let state;
  try {
    state = await core.flush({ ignoreBackoff });
    if (navigator.onLine && state.retryInMs === null) {
      const pulled = await core.pull().catch(() => ({ received: 0 }));
      state.received = pulled.received;
    }
  } catch (error) {
    state = { sent: 0, waiting: await core.pendingCount().catch(() => 0), rejected: 0, retryInMs: 30_000, error };
  }
  if (state.retryInMs !== null && state.retryInMs !== undefined) {
    timer = setTimeout(() => syncNow(), state.retryInMs);
    requestBackgroundSync();
  }
  state.rejectedItems = state.rejected ? await core.rejectedItems() : [];
  await announce(state);
  return state;
}

/** Saves an entry on the device (it shows at once) and starts sending it. */
export async function saveEntry(entry) {
  const stored = await core.saveEntry(entry);
  requestBackgroundSync();
  syncNow();
  return stored;
}

/** Removes a rejected write after the person has seen it, keeping the entry itself on the device. */
export async function dismissRejected(seq) {
  await core.idb.delete('outbox', seq);
  return syncNow();
}

export function startSync() {
  if (started) return;
  started = true;
  window.addEventListener('online', () => syncNow({ ignoreBackoff: true }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') syncNow();
  });
  navigator.serviceWorker?.addEventListener('message', (event) => {
    if (event.data?.type === 'OUTBOX_SENT') syncNow();
  });
  syncNow({ ignoreBackoff: true });
}
