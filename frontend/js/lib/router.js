// Client-side routing with the History API: same-origin links open screens without a page load.
import { matchRoute } from './nav.js';

export function createRouter({ routes, container, notFound, onRoute }) {
  let cleanup = null;
  let current = 0;

  async function show(url, { focus = true } = {}) {
    const ticket = ++current;
    const match = matchRoute(routes, url.pathname);
    const module = await (match ? match.route.load() : notFound());
    if (ticket !== current) return; // a newer navigation won
    if (typeof cleanup === 'function') cleanup();
    cleanup = null;
    onRoute?.(match?.route);
    cleanup = await module.render(container, { params: match?.params || {}, url, navigate });
    if (url.hash) {
      document.getElementById(decodeURIComponent(url.hash.slice(1)))?.scrollIntoView();
    } else {
      window.scrollTo(0, 0);
    }
    if (focus) container.focus({ preventScroll: true });
  }

  function navigate(to, { replace = false } = {}) {
    const url = new URL(to, window.location.origin);
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    return show(url);
  }

  function isAppLink(anchor, event) {
    if (!anchor || event.defaultPrevented || event.button !== 0) return false;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
    if (anchor.target || anchor.hasAttribute('download')) return false;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin) return false;
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/static/')) return false;
    return true;
  }

  document.addEventListener('click', (event) => {
    const anchor = event.target.closest?.('a[href]');
    if (!isAppLink(anchor, event)) return;
    const url = new URL(anchor.href, window.location.href);
    event.preventDefault();
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) {
      history.pushState(null, '', url);
      document.getElementById(decodeURIComponent(url.hash.slice(1)))?.scrollIntoView();
      return;
    }
    navigate(url.href);
  });
  window.addEventListener('popstate', () => show(new URL(window.location.href)));

  return { navigate, start: () => show(new URL(window.location.href), { focus: false }) };
}
