/* Storage and sync core, shared by the pages (imported as a module) and the service worker
 * (loaded with importScripts), so Background Sync runs exactly the same code as the app.
 * It is a plain script on purpose: it defines globalThis.SteadyCore and uses no import/export.
 *
 * Stores: entries (tracker entries by id), outbox (pending writes, in order), meta (small
 * key-value items such as the profile and the sync cursor), content (cached shared data).
 * The outbox follows Workbox's background-sync queue: requests wait in IndexedDB and are replayed
 * in order; network errors and 5xx/429 answers are retried with backoff, other 4xx answers are kept
 * and shown to the person. Every write is a PUT of the whole entry by its id, so replays are safe. */
(function (scope) {
  const DB_NAME = 'steady';
  const DB_VERSION = 1;
  const STORES = {
    entries: { keyPath: 'id', indexes: [['by_day', 'day'], ['by_kind', 'kind']] },
    outbox: { keyPath: 'seq', autoIncrement: true, indexes: [['by_entry', 'entryId']] },
    meta: {},
    content: {},
  };
  const MAX_DELAY_MS = 5 * 60 * 1000;

  let opening = null;

  function promisify(req) {
    return new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  function openDb() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        const req = indexedDB.open(DB_NAME, DB_VERSION);
        req.onupgradeneeded = () => {
          const db = req.result;
          for (const [name, spec] of Object.entries(STORES)) {
            if (db.objectStoreNames.contains(name)) continue;
            const options = spec.keyPath ? { keyPath: spec.keyPath, autoIncrement: !!spec.autoIncrement } : undefined;
            const store = db.createObjectStore(name, options);
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

  /** Runs work(stores) in one transaction; resolves with its result once the transaction commits. */
  async function transaction(names, mode, work) {
    const db = await openDb();
    const list = Array.isArray(names) ? names : [names];
    const tx = db.transaction(list, mode);
    const done = new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error('transaction aborted'));
    });
    const stores = Object.fromEntries(list.map((name) => [name, tx.objectStore(name)]));
    const result = await work(stores);
    await done;
    return result;
  }

  const idb = {
    get: (store, key) => transaction(store, 'readonly', (s) => promisify(s[store].get(key))),
    getAll: (store, query) => transaction(store, 'readonly', (s) => promisify(s[store].getAll(query))),
    getAllFromIndex: (store, index, query) =>
      transaction(store, 'readonly', (s) => promisify(s[store].index(index).getAll(query))),
    put: (store, value, key) => transaction(store, 'readwrite', (s) => promisify(s[store].put(value, key))),
    delete: (store, key) => transaction(store, 'readwrite', (s) => promisify(s[store].delete(key))),
    clear: (store) => transaction(store, 'readwrite', (s) => promisify(s[store].clear())),
    count: (store) => transaction(store, 'readonly', (s) => promisify(s[store].count())),
  };

  async function clearAll() {
    await transaction(Object.keys(STORES), 'readwrite', async (s) => {
      for (const store of Object.values(s)) store.clear();
    });
  }

  // ---- pure rules (tested with node --test) ----

  /** Exponential backoff with jitter: 2 s, 4 s, 8 s ... capped at 5 minutes. */
  function backoffDelay(attempts, random = Math.random) {
    const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.max(1, attempts));
    return Math.round(base * (0.75 + random() * 0.5));
  }

  /** What to do with an answer: 'done', 'retry' (network, 5xx, 429, 408), 'auth' (401) or 'rejected'. */
  function classify(status) {
    if (status === 0) return 'retry';
    if (status >= 200 && status < 300) return 'done';
    if (status === 401) return 'auth';
    if (status === 408 || status === 429 || status >= 500) return 'retry';
    return 'rejected';
  }

  /** Last write wins on updated_at (ISO strings in UTC compare as instants via Date.parse). */
  function newer(a, b) {
    if (!b) return true;
    return Date.parse(a.updated_at) > Date.parse(b.updated_at);
  }

  /**
   * An instant as ISO 8601 in this device's own offset ("2026-11-24T08:15:00+01:00"), so an entry
   * keeps the wall time and offset where it was logged.
   */
  function localIso(date = new Date()) {
    const pad = (value) => String(value).padStart(2, '0');
    const offset = -date.getTimezoneOffset();
    const abs = Math.abs(offset);
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
      `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
      `${offset >= 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }

  /** POSTs JSON with the session cookie and the CSRF header (used by the service worker too). */
  async function postJson(path, body, fetchImpl = scope.fetch.bind(scope)) {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await fetchImpl(path, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': await csrf(fetchImpl, attempt > 0) },
        body: JSON.stringify(body),
      });
      if (response.status === 403 && attempt === 0) continue;
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      return response.status === 204 ? null : response.json();
    }
    return null;
  }

  /** The local day of an entry: the date part of occurred_at, which carries its own offset. */
  function dayOf(entry) {
    return String(entry.occurred_at).slice(0, 10);
  }

  // ---- entries and the outbox ----

  /** Saves an entry on the device and queues it for the server in one transaction. */
  async function saveEntry(entry) {
    const stored = { ...entry, day: dayOf(entry) };
    await transaction(['entries', 'outbox'], 'readwrite', async (s) => {
      s.entries.put(stored);
      // Older queued writes of the same entry are replaced: the whole entry is sent each time.
      const older = await promisify(s.outbox.index('by_entry').getAll(entry.id));
      for (const item of older) if (!item.inFlight) s.outbox.delete(item.seq);
      s.outbox.add({ entryId: entry.id, entry: stripLocal(stored), attempts: 0, nextTry: 0, error: null });
    });
    return stored;
  }

  function stripLocal(entry) {
    const { day, ...rest } = entry;
    return rest;
  }

  async function pendingCount() {
    return idb.count('outbox');
  }

  async function rejectedItems() {
    return (await idb.getAll('outbox')).filter((item) => item.error);
  }

  let csrfToken = null;
  async function csrf(fetchImpl, refresh) {
    if (!csrfToken || refresh) {
      const response = await fetchImpl('/api/auth/csrf', { credentials: 'same-origin' });
      csrfToken = (await response.json()).csrf_token;
    }
    return csrfToken;
  }

  async function send(item, fetchImpl) {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      let response;
      try {
        response = await fetchImpl(`/api/entries/${item.entryId}`, {
          method: 'PUT',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json',
            'X-CSRF-Token': await csrf(fetchImpl, attempt > 0) },
          body: JSON.stringify(item.entry),
        });
      } catch {
        return { status: 0, body: null };
      }
      const body = await response.json().catch(() => null);
      if (response.status === 403 && body?.error === 'csrf_failed' && attempt === 0) continue;
      return { status: response.status, body };
    }
    return { status: 403, body: null };
  }

  let flushing = null;

  /**
   * Sends queued writes in order. Stops at the first network error, 5xx or 429 and schedules a
   * retry; keeps a rejected (4xx) item with its message and goes on with the others.
   * Returns { sent, waiting, rejected, retryInMs }.
   */
  function flush({ fetchImpl = scope.fetch.bind(scope), now = Date.now, ignoreBackoff = false } = {}) {
    if (!flushing) {
      flushing = runFlush(fetchImpl, now, ignoreBackoff).finally(() => { flushing = null; });
    }
    return flushing;
  }

  async function runFlush(fetchImpl, now, ignoreBackoff) {
    const result = { sent: 0, waiting: 0, rejected: 0, retryInMs: null };
    if (!(await idb.get('meta', 'profile'))) {
      result.waiting = await pendingCount();
      return result; // not signed in: entries stay on this device until sign-up or sign-in
    }
    const items = await idb.getAll('outbox');
    for (const item of items) {
      if (item.error) continue;
      if (!ignoreBackoff && item.nextTry > now()) {
        result.retryInMs = item.nextTry - now();
        break; // keep the order: nothing after a waiting item goes first
      }
      const { status, body } = await send(item, fetchImpl);
      const outcome = classify(status);
      if (outcome === 'done') {
        await transaction(['outbox', 'entries'], 'readwrite', async (s) => {
          s.outbox.delete(item.seq);
          const local = await promisify(s.entries.get(item.entryId));
          if (local && !newer(local, body || item.entry)) s.entries.put({ ...body, day: dayOf(body) });
        });
        result.sent += 1;
        continue;
      }
      if (outcome === 'rejected') {
        const error = { status, message: body?.message || `Refused (${status})`, fields: body?.fields || {} };
        await idb.put('outbox', { ...item, error });
        continue;
      }
      const attempts = item.attempts + 1;
      const delay = backoffDelay(attempts);
      await idb.put('outbox', { ...item, attempts, nextTry: now() + delay });
      result.retryInMs = outcome === 'auth' ? null : delay;
      break;
    }
    const remaining = await idb.getAll('outbox');
    result.waiting = remaining.filter((item) => !item.error).length;
    result.rejected = remaining.length - result.waiting;
    return result;
  }

  /** Fetches changes from other devices after the saved cursor; a pending local edit that is newer wins. */
  async function pull({ fetchImpl = scope.fetch.bind(scope) } = {}) {
    if (!(await idb.get('meta', 'profile'))) return { received: 0 };
    let cursor = (await idb.get('meta', 'cursor')) || 0;
    let received = 0;
    for (;;) {
      const response = await fetchImpl(`/api/entries?since=${cursor}&limit=500`, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`pull failed: ${response.status}`);
      const page = await response.json();
      await transaction(['entries', 'meta', 'outbox'], 'readwrite', async (s) => {
        for (const remote of page.entries) {
          const local = await promisify(s.entries.get(remote.id));
          if (!local || newer(remote, local)) s.entries.put({ ...remote, day: dayOf(remote) });
        }
        s.meta.put(page.cursor, 'cursor');
      });
      received += page.entries.length;
      cursor = page.cursor;
      if (!page.more) break;
    }
    return { received };
  }

  scope.SteadyCore = {
    openDb, transaction, idb, clearAll, promisify,
    backoffDelay, classify, newer, dayOf, localIso, postJson,
    saveEntry, pendingCount, rejectedItems, flush, pull,
  };
})(globalThis);
