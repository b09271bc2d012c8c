// A tiny promise wrapper over IndexedDB: one database, a few object stores.

const DB_NAME = 'steady';
const DB_VERSION = 1;
// entries: tracker entries by id; outbox: pending writes in order; meta: small key-value settings;
// content: cached data such as triage rules.
const STORES = {
  entries: { keyPath: 'id', indexes: [['by_day', 'day'], ['by_kind', 'kind']] },
  outbox: { keyPath: 'seq', autoIncrement: true },
  meta: {},
  content: {},
};

let opening = null;

function promisify(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function openDb() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        for (const [name, spec] of Object.entries(STORES)) {
          if (db.objectStoreNames.contains(name)) continue;
          const store = db.createObjectStore(name, spec.keyPath ? { keyPath: spec.keyPath, autoIncrement: !!spec.autoIncrement } : undefined);
          for (const [index, path] of spec.indexes || []) store.createIndex(index, path);
        }
      };
      req.onsuccess = () => {
        const db = req.result;
        db.onversionchange = () => { db.close(); opening = null; };
        resolve(db);
      };
      req.onerror = () => { opening = null; reject(req.error); };
    });
  }
  return opening;
}

/** Runs `work(stores)` in one transaction and resolves when it commits, with work's result. */
export async function transaction(names, mode, work) {
  const db = await openDb();
  const list = Array.isArray(names) ? names : [names];
  const tx = db.transaction(list, mode);
  const stores = Object.fromEntries(list.map((name) => [name, tx.objectStore(name)]));
  const done = new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('transaction aborted'));
  });
  const result = await work(stores, promisify);
  await done;
  return result;
}

export const idb = {
  get: (store, key) => transaction(store, 'readonly', (s) => promisify(s[store].get(key))),
  getAll: (store, query) => transaction(store, 'readonly', (s) => promisify(s[store].getAll(query))),
  getAllFromIndex: (store, index, query) =>
    transaction(store, 'readonly', (s) => promisify(s[store].index(index).getAll(query))),
  put: (store, value, key) => transaction(store, 'readwrite', (s) => promisify(s[store].put(value, key))),
  delete: (store, key) => transaction(store, 'readwrite', (s) => promisify(s[store].delete(key))),
  clear: (store) => transaction(store, 'readwrite', (s) => promisify(s[store].clear())),
  count: (store) => transaction(store, 'readonly', (s) => promisify(s[store].count())),
};

/** Removes everything this app keeps on the device (used on sign-out). */
export async function clearAll() {
  await transaction(Object.keys(STORES), 'readwrite', async (s) => {
    for (const store of Object.values(s)) store.clear();
  });
}
