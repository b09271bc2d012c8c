// Making, reading and changing tracker entries on the device (the outbox sends them on).
import './storage-core.js';
import { saveEntry } from './sync.js';

const core = globalThis.SteadyCore;

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

export function shiftDay(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
