// Tracker entries on the device: making, reading and changing them, and when the outbox sends
// them: at once after a change, on app open, when the network returns, when the app comes back
// to the foreground, on a backoff timer, and through Background Sync where the browser has it
// (Safari and Firefox do not, hence the other triggers).
import './storage-core.js';
import { shiftDay } from './tracker.js';

const core = globalThis.SteadyCore;

// ---- sync ----
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

// ---- entries ----

/** The ISO form of an instant in the device's own offset (see storage-core.js). */
export const localIso = (date = new Date()) => core.localIso(date);

/** Today's local date on this device, "YYYY-MM-DD". */
export function todayLocal(date = new Date()) {
  return localIso(date).slice(0, 10);
}

/** A value for <input type="datetime-local"> from an ISO string with offset (its own wall time). */
export function toInputValue(iso) {
  return String(iso).slice(0, 16);
}

/** Reads an <input type="datetime-local"> value as a device-local time. */
export function fromInputValue(value) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error('Please enter a valid date and time.');
  return localIso(date);
}

export function makeEntry(kind, data, occurredAt = localIso()) {
  return {
    id: crypto.randomUUID(),
    kind,
    occurred_at: occurredAt,
    data,
    updated_at: new Date().toISOString(),
    deleted: false,
  };
}

export function logEntry(kind, data, occurredAt) {
  return saveEntry(makeEntry(kind, data, occurredAt));
}

export function updateEntry(entry, changes) {
  const { day, ...rest } = entry;
  return saveEntry({ ...rest, ...changes, updated_at: new Date().toISOString() });
}

export function deleteEntry(entry) {
  return updateEntry(entry, { deleted: true });
}

export function getEntry(id) {
  return core.idb.get('entries', id);
}

/** Entries whose local day is between two "YYYY-MM-DD" days (inclusive), deleted ones left out. */
export async function entriesBetween(startDay, endDay) {
  const range = IDBKeyRange.bound(startDay, endDay);
  const rows = await core.idb.getAllFromIndex('entries', 'by_day', range);
  return rows.filter((entry) => !entry.deleted).sort((a, b) => Date.parse(a.occurred_at) - Date.parse(b.occurred_at));
}

export async function allEntries() {
  return (await core.idb.getAll('entries')).filter((entry) => !entry.deleted);
}

export { shiftDay };
