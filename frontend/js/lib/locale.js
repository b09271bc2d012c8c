// Emergency numbers by country, for the profile's default (the person can always change it).
// 112 is the common number across the EU and works on most mobile networks, so it is the fallback.
const BY_REGION = { GB: '999', US: '911', CA: '911', AU: '000', NZ: '111' };

/** Region code from a BCP 47 tag such as "en-GB" or "pt-BR"; "" when the tag has none. */
export function regionOf(locale) {
  const match = /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Z]{2}|\d{3})\b/i.exec(String(locale || ''));
  return match ? match[1].toUpperCase() : '';
}

export function emergencyNumberFor(locale) {
  return BY_REGION[regionOf(locale)] || '112';
}

/** US customary units for the United States and Liberia; metric elsewhere. */
export function unitsFor(locale) {
  return ['US', 'LR'].includes(regionOf(locale)) ? 'us' : 'metric';
}
