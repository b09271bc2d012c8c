// Pure navigation helpers (no DOM), shared by the router and the sign-in screens.

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
