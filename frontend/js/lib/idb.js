// The app's IndexedDB access, from the core that the service worker shares.
import './storage-core.js';

const core = globalThis.SteadyCore;
export const { openDb, transaction, idb, clearAll } = core;
