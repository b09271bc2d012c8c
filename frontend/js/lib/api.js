// The API client: JSON in and out, the session cookie, and the CSRF header on every write.

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `Request failed (${status})`);
    this.status = status;
    this.error = body?.error || 'error';
    this.fields = body?.fields || {};
  }
}

let csrfToken = null;

export function setCsrfToken(token) {
  csrfToken = token || null;
}

async function fetchCsrfToken() {
  const response = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  csrfToken = (await response.json()).csrf_token;
  return csrfToken;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sends one request. Resolves with the parsed JSON (or null for 204); rejects with ApiError for
 * an HTTP error and with the fetch TypeError when the network is unreachable.
 */
export async function request(method, path, body, { retried = false, headers = {} } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (WRITES.has(method)) init.headers['X-CSRF-Token'] = csrfToken || (await fetchCsrfToken());
  const response = await fetch(path, init);
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return data;
  if (response.status === 403 && data?.error === 'csrf_failed' && !retried) {
    await fetchCsrfToken();
    return request(method, path, body, { retried: true, headers });
  }
  throw new ApiError(response.status, data);
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body),
  put: (path, body) => request('PUT', path, body),
  patch: (path, body) => request('PATCH', path, body),
  del: (path, body) => request('DELETE', path, body),
};
