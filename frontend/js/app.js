// Boots the app shell: session, router, service worker, offline and update banners.
import { createRouter } from './lib/router.js';
import { loadSession, currentUser, onUserChange } from './lib/session.js';
import { startSync } from './lib/entries.js';

// Every screen of the app: its path, the tab it belongs to, and the module that draws it.
// Modules load on first use, so the first visit downloads only the screen it shows.
const routes = [
  { path: '/', tab: 'today', load: () => import('./views/today.js') },
  { path: '/signin', tab: 'settings', load: () => import('./views/signin.js') },
  { path: '/signup', tab: 'settings', load: () => import('./views/signup.js') },
  { path: '/settings', tab: 'settings', load: () => import('./views/settings.js') },
  { path: '/articles', tab: 'articles', load: () => import('./views/articles.js') },
  { path: '/articles/:slug', tab: 'articles', load: () => import('./views/article.js') },
  { path: '/search', tab: 'articles', load: () => import('./views/search.js') },
  { path: '/settings/goals', tab: 'settings', load: () => import('./views/goals.js') },
  { path: '/settings/data', tab: 'settings', load: () => import('./views/data.js') },
  { path: '/breathe', tab: 'today', load: () => import('./views/breathe.js') },
  { path: '/breathe/:exercise', tab: 'today', load: () => import('./views/breathe.js') },
  { path: '/check', tab: 'check', load: () => import('./views/check.js') },
  { path: '/doctor-summary', tab: 'check', load: () => import('./views/doctor-summary.js') },
  { path: '/reminders', tab: 'settings', load: () => import('./views/reminders.js') },
  { path: '/history', tab: 'history', load: () => import('./views/history.js') },
  { path: '/insights', tab: 'history', load: () => import('./views/insights.js') },
  { path: '/log/water', tab: 'today', load: () => import('./views/log-water.js') },
  { path: '/log/caffeine', tab: 'today', load: () => import('./views/log-caffeine.js') },
  { path: '/log/sleep', tab: 'today', load: () => import('./views/log-sleep.js') },
  { path: '/log/twitch', tab: 'today', load: () => import('./views/log-twitch.js') },
];

function watchConnection(banner) {
  const update = () => { banner.hidden = navigator.onLine; };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
}

/** A new worker waits until the person taps Reload; we never swap versions mid-task. */
async function registerServiceWorker(banner, button) {
  if (!('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker.register('/service-worker.js', { scope: '/' });
  let accepted = false;

  const offer = (worker) => {
    if (!worker || !navigator.serviceWorker.controller) return;
    banner.hidden = false;
    button.onclick = () => {
      accepted = true;
      button.disabled = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    };
  };

  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) window.location.reload();
  });
  // Look for a new version when the app comes back to the foreground.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => {});
  });
  return registration;
}

const main = document.getElementById('main');
const accountLink = document.getElementById('account-link');

function markTab(route) {
  for (const link of document.querySelectorAll('.tab-bar a')) {
    if (route && link.dataset.tab === route.tab) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function showAccount(user) {
  accountLink.textContent = user ? (user.display_name || 'Account') : 'Sign in';
  accountLink.setAttribute('href', user ? '/settings' : '/signin');
}

const router = createRouter({
  routes,
  container: main,
  notFound: () => import('./views/not-found.js'),
  onRoute: markTab,
});

watchConnection(document.getElementById('offline-banner'));
// A tapped reminder opens its screen in the window that is already open.
navigator.serviceWorker?.addEventListener('message', (event) => {
  if (event.data?.type === 'NAVIGATE') router.navigate(event.data.url);
});
onUserChange(showAccount);

loadSession()
  .catch(() => null)
  .then(() => {
    showAccount(currentUser());
    startSync();
    return router.start();
  });

window.addEventListener('load', () => {
  registerServiceWorker(document.getElementById('update-banner'), document.getElementById('update-reload'))
    .catch((error) => console.warn('Service worker not registered', error));
});
