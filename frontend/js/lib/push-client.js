// Turning reminders on and off on this device: permission (only after a tap), the push
// subscription, and telling the server about it.
import { api } from './api.js';

export function pushSupport() {
  const ios = /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  const standalone = window.matchMedia('(display-mode: standalone)').matches || navigator.standalone === true;
  const supported = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  // iOS and iPadOS 16.4 and later allow push only for apps opened from the home screen.
  return { supported, ios, needsInstall: ios && !standalone, permission: supported ? Notification.permission : 'unsupported' };
}

function keyBytes(base64url) {
  const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4));
  return Uint8Array.from(raw, (ch) => ch.charCodeAt(0));
}

export async function currentSubscription() {
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

/** Must run from a tap: asks permission, subscribes, and registers the device with the server. */
export async function turnOn() {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return { ok: false, permission };
  const registration = await navigator.serviceWorker.ready;
  const { public_key: publicKey } = await api.get('/api/reminders/key');
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && subscription.options?.applicationServerKey) {
    const current = new Uint8Array(subscription.options.applicationServerKey);
    const wanted = keyBytes(publicKey);
    if (current.length !== wanted.length || current.some((b, i) => b !== wanted[i])) {
      await subscription.unsubscribe(); // the server's keys were rotated
      subscription = null;
    }
  }
  subscription = subscription || await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
  await api.post('/api/reminders/subscriptions', subscription.toJSON());
  return { ok: true, permission };
}

export async function turnOff() {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await api.del('/api/reminders/subscriptions', { endpoint: subscription.endpoint }).catch(() => {});
  await subscription.unsubscribe();
}
