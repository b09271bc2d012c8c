// Reading comfort kept on this device: text size, where you left off, and which articles you read.
import './storage-core.js';

const { idb } = globalThis.SteadyCore;

export const TEXT_SIZES = ['small', 'normal', 'large', 'larger'];

export async function getReading() {
  return (await idb.get('meta', 'reading').catch(() => null)) || { size: 'normal', last: null, read: {} };
}

async function save(change) {
  const reading = { ...(await getReading()), ...change };
  await idb.put('meta', reading, 'reading');
  return reading;
}

export async function setTextSize(size) {
  return save({ size: TEXT_SIZES.includes(size) ? size : 'normal' });
}

/** Remembers the position in an article; an article counts as read once 90% has been seen. */
export async function rememberPosition(slug, title, fraction) {
  const reading = await getReading();
  const read = { ...reading.read };
  if (fraction >= 0.9) read[slug] = read[slug] || new Date().toISOString();
  const last = fraction >= 0.98 ? (reading.last?.slug === slug ? null : reading.last) : { slug, title, fraction };
  return save({ read, last });
}
