// Units for showing and entering amounts. Entries always store millilitres.
import { currentUser } from './session.js';
import { unitsFor } from './locale.js';

export const ML_PER_FL_OZ = 29.5735;

export function preferredUnits() {
  return currentUser()?.units || unitsFor(globalThis.navigator?.language);
}

export function formatVolume(ml, units = preferredUnits()) {
  if (units === 'us') return `${Math.round(ml / ML_PER_FL_OZ)} fl oz`;
  return ml >= 1000 ? `${(ml / 1000).toFixed(ml % 1000 ? 1 : 0)} L` : `${Math.round(ml)} mL`;
}

export function toMl(amount, units = preferredUnits()) {
  return Math.round(units === 'us' ? amount * ML_PER_FL_OZ : amount);
}
