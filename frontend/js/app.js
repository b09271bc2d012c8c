// Boots the app shell: session, router, service worker, offline and update banners.
import { createRouter } from './lib/router.js';
import { routes } from './routes.js';
import { loadSession, currentUser, onUserChange } from './lib/session.js';
import { registerServiceWorker, watchConnection } from './lib/sw-client.js';
import { startSync } from './lib/sync.js';

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
