// Who is signed in on this device. The profile is kept in IndexedDB so the app knows it offline.
import { api, setCsrfToken } from './api.js';
import './storage-core.js';

const { idb, clearAll } = globalThis.SteadyCore;

const listeners = new Set();
let user = null;

export function currentUser() {
  return user;
}

export function onUserChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function setUser(next) {
  user = next;
  if (next) await idb.put('meta', next, 'profile');
  listeners.forEach((listener) => listener(user));
}

/** Loads the profile from the device, then confirms it with the server when online. */
export async function loadSession() {
  user = (await idb.get('meta', 'profile').catch(() => null)) || null;
  if (navigator.onLine) {
    try {
      const state = await api.get('/api/auth/session');
      if (state.signed_in) {
        await setUser(state.user);
      } else {
        if (user) await forgetDevice(); // signed out elsewhere, or the account was deleted
        user = null;
      }
    } catch {
      // Offline or the server is away: keep the profile kept on the device.
    }
  }
  return user;
}

/** After sign-up or sign-in, entries made on this device before are uploaded through the outbox. */
export async function signedIn(result) {
  setCsrfToken(result.csrf_token);
  await setUser(result.user);
  const { syncNow } = await import('./entries.js');
  syncNow({ ignoreBackoff: true });
}

export async function updateProfile(profile) {
  await setUser(profile);
}

/** Clears everything this person left on the device, including the service worker's data caches. */
export async function forgetDevice() {
  await clearAll();
  if ('caches' in self) {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('steady-user')).map((name) => caches.delete(name)));
  }
  navigator.serviceWorker?.controller?.postMessage({ type: 'SIGNED_OUT' });
}

/** Signs out on the server first (the cookie is HttpOnly), so it needs a connection. */
export async function signOut() {
  await api.post('/api/auth/signout');
  setCsrfToken(null);
  await forgetDevice();
  await setUser(null);
}
