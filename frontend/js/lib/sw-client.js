// Registers the service worker, offers updates to the person, and shows when the network is gone.

export function watchConnection(banner) {
  const update = () => { banner.hidden = navigator.onLine; };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
}

/** A new worker waits until the person taps Reload; we never swap versions mid-task. */
export async function registerServiceWorker(banner, button) {
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
