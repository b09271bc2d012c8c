/* Steady's service worker.
 * The server prepends self.STEADY_VERSION and self.STEADY_PRECACHE (a list of {url, revision}, with a
 * content hash per file), so every change to an asset makes a new worker and nothing is versioned
 * by hand. The worker precaches the app shell, serves it offline, removes old caches when it takes
 * over, and only handles same-origin GET requests. Personal data is never put in these caches. */
/* global self, caches, clients, importScripts */
importScripts('/static/js/lib/storage-core.js');
const VERSION = self.STEADY_VERSION;
const PRECACHE = self.STEADY_PRECACHE || [];
const SHELL_CACHE = `steady-shell-${VERSION}`;
const SHELL_URL = '/';
// API GET responses that are the same for everyone and may be kept for offline use.
const SHARED_API = [/^\/api\/articles(\/|$)/, /^\/api\/triage\/rules$/, /^\/api\/search-index$/];
const CONTENT_CACHE = 'steady-content';

async function precache() {
  const cache = await caches.open(SHELL_CACHE);
  const previous = await previousShellCache();
  // Files whose revision did not change are copied from the old cache instead of downloaded again.
  await Promise.all(PRECACHE.map(async ({ url, revision }) => {
    const key = `${url}${url.includes('?') ? '&' : '?'}__rev=${revision}`;
    const reused = previous && (await previous.match(key));
    if (reused) return cache.put(key, reused);
    const response = await fetch(url, { cache: 'reload', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`Precache of ${url} failed: ${response.status}`);
    return cache.put(key, response);
  }));
}

async function previousShellCache() {
  const names = (await caches.keys()).filter((name) => name.startsWith('steady-shell-') && name !== SHELL_CACHE);
  return names.length ? caches.open(names[names.length - 1]) : null;
}

function cacheKeyFor(pathname) {
  const entry = PRECACHE.find((item) => item.url === pathname);
  return entry ? `${entry.url}?__rev=${entry.revision}` : null;
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith('steady-shell-') && name !== SHELL_CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data?.type;
  if (type === 'SKIP_WAITING') self.skipWaiting();
  if (type === 'SIGNED_OUT') {
    event.waitUntil(caches.keys().then((names) => Promise.all(
      names.filter((name) => name.startsWith('steady-user')).map((name) => caches.delete(name)))));
  }
});

// Background Sync: the browser wakes the worker when the network is back, even with the app closed.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'steady-outbox') return;
  event.waitUntil((async () => {
    const result = await self.SteadyCore.flush({ ignoreBackoff: true });
    const windows = await self.clients.matchAll({ type: 'window' });
    windows.forEach((client) => client.postMessage({ type: 'OUTBOX_SENT', result }));
    if (result.waiting) throw new Error('Some entries still wait; the browser will try again.');
  })());
});

// ---- Reminders (Web Push) ----

/** Shows a reminder. A copy of an occurrence already shown replaces it silently (same tag). */
async function showReminder(data) {
  const core = self.SteadyCore;
  const shown = (await core.idb.get('meta', 'shown-reminders').catch(() => null)) || [];
  const repeat = !!data.occurrence_key && shown.includes(data.occurrence_key);
  await self.registration.showNotification(data.title || 'Steady', {
    body: data.body || '',
    tag: data.tag || 'steady',
    renotify: false,
    silent: repeat,
    icon: '/static/icons/icon-192.png',
    badge: '/static/icons/favicon.png',
    actions: (data.actions || []).slice(0, 2),
    data: { url: data.url || '/', kind: data.kind, water_ml: data.water_ml, occurrence_key: data.occurrence_key },
  });
  if (data.occurrence_key && !repeat) {
    await core.idb.put('meta', [...shown, data.occurrence_key].slice(-100), 'shown-reminders');
  }
}

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: 'Steady', body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(showReminder(data));
});

async function openApp(url) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const existing = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (existing) {
    await existing.focus();
    existing.postMessage({ type: 'NAVIGATE', url });
    return;
  }
  await self.clients.openWindow(url);
}

/** "+250 mL" from the notification: logged through the same outbox as the app, offline too. */
async function logWaterFromNotification(data) {
  const core = self.SteadyCore;
  await core.saveEntry({ id: crypto.randomUUID(), kind: 'water', occurred_at: core.localIso(new Date()),
    data: { amount_ml: data.water_ml || 250 }, updated_at: new Date().toISOString(), deleted: false });
  await self.registration.sync?.register('steady-outbox').catch(() => {});
  await core.flush().catch(() => {});
  const windows = await self.clients.matchAll({ type: 'window' });
  windows.forEach((client) => client.postMessage({ type: 'OUTBOX_SENT' }));
}

async function snoozeFromNotification(data) {
  try {
    await self.SteadyCore.postJson('/api/reminders/snooze', { kind: data.kind, minutes: 30 });
  } catch {
    await self.registration.showNotification('Could not snooze', {
      body: 'Snoozing needs a connection. The next reminder will come as planned.', tag: 'steady-snooze' });
  }
}

self.addEventListener('notificationclick', (event) => {
  const data = event.notification.data || {};
  event.notification.close();
  if (event.action === 'log-water') event.waitUntil(logWaterFromNotification(data));
  else if (event.action === 'snooze') event.waitUntil(snoozeFromNotification(data));
  else event.waitUntil(openApp(data.url || '/'));
});

function keyBytes(base64url) {
  const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4));
  return Uint8Array.from(raw, (ch) => ch.charCodeAt(0));
}

// The browser renewed or dropped the subscription: subscribe again and tell the server.
self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil((async () => {
    const key = event.oldSubscription?.options?.applicationServerKey
      || keyBytes((await (await fetch('/api/reminders/key')).json()).public_key);
    const subscription = event.newSubscription
      || await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    await self.SteadyCore.postJson('/api/reminders/subscriptions',
      { ...subscription.toJSON(), old_endpoint: event.oldSubscription?.endpoint || null });
  })());
});

async function fromShell(pathname) {
  const key = cacheKeyFor(pathname);
  if (!key) return null;
  const cache = await caches.open(SHELL_CACHE);
  return cache.match(key);
}

/** Navigations get the cached shell at once; the client-side router draws the screen. */
async function handleNavigation(request) {
  const shell = await fromShell(SHELL_URL);
  if (shell) return shell;
  return fetch(request);
}

/** Shared content: network first so it stays fresh, the last good copy when offline. */
async function networkThenCache(request) {
  const cache = await caches.open(CONTENT_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = (await cache.match(request)) || (await fromShell(new URL(request.url).pathname));
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/static/')) return;
    event.respondWith(handleNavigation(request));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if (SHARED_API.some((pattern) => pattern.test(url.pathname))) event.respondWith(networkThenCache(request));
    return; // personal API data is never cached here
  }
  event.respondWith((async () => (await fromShell(url.pathname)) || fetch(request))());
});
