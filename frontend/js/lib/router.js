// Client-side routing with the History API: same-origin links open screens without a page load,
// and the pure helpers it rests on (tested with node --test).

// Shown when a screen's module cannot be loaded: offline before it was ever saved on the device,
// or a connection that failed. Either way, a connection fixes it.
const unavailable = {
  render(view) {
    document.title = 'Screen not available · Steady';
    view.innerHTML = '<h1>This screen could not be opened</h1>'
      + '<p>It is not saved on this device yet and could not be loaded. Open it again when you have a '
      + 'connection; after that it works offline too. <a href="/">Go to Today</a></p>';
  },
};

export function createRouter({ routes, container, notFound, onRoute }) {
  let cleanup = null;
  let current = 0;

  async function show(url, { focus = true } = {}) {
    const ticket = ++current;
    const match = matchRoute(routes, url.pathname);
    let module;
    try {
      module = await (match ? match.route.load() : notFound());
    } catch {
      module = unavailable;
    }
    if (ticket !== current) return; // a newer navigation won
    if (typeof cleanup === 'function') cleanup();
    cleanup = null;
    // Each screen draws into its own element: a screen still drawing when the person moves on
    // writes into a detached element and can never cover the newer screen.
    const view = document.createElement('div');
    container.replaceChildren(view);
    onRoute?.(match?.route);
    const done = await module.render(view, { params: match?.params || {}, url, navigate });
    if (ticket !== current) {
      if (typeof done === 'function') done();
      return;
    }
    cleanup = done;
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

/** Returns `target` only when it is a path on this site; anything else becomes `fallback`. */
export function safeNext(target, fallback = '/') {
  if (typeof target !== 'string') return fallback;
  const value = target.trim();
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\r\n\t]/.test(value)) return fallback;
  try {
    const url = new URL(value, 'https://steady.invalid');
    if (url.origin !== 'https://steady.invalid') return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

/** Finds the route matching a path; patterns use `:name` segments. Returns { route, params } or null. */
export function matchRoute(routes, pathname) {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const segments = path.split('/');
  for (const route of routes) {
    const parts = route.path.split('/');
    if (parts.length !== segments.length) continue;
    const params = {};
    const ok = parts.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segments[i]);
        return segments[i] !== '';
      }
      return part === segments[i];
    });
    if (ok) return { route, params };
  }
  return null;
}
