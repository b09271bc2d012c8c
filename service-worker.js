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
