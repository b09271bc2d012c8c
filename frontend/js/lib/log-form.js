// Pieces shared by the logging screens: the "when" field, the saved message with Undo, edit mode.
import { html, showFormError } from './dom.js';
import { deleteEntry, fromInputValue, getEntry, localIso, logEntry, toInputValue, updateEntry } from './entries.js';

/** The "when" field: now by default, or any earlier time (yesterday included). */
export function whenField(prefix, entry) {
  const value = entry ? toInputValue(entry.occurred_at) : toInputValue(localIso());
  return html`
    <div class="field">
      <label for="${prefix}-when">When</label>
      <input id="${prefix}-when" name="when" type="datetime-local" value="${value}" max="${toInputValue(localIso(new Date(Date.now() + 60000)))}" required>
      <p class="hint">Change it to log something from earlier or yesterday.</p>
    </div>`;
}

/** The occurred_at to store: kept as logged when editing unless the person changed the time. */
export function readWhen(form, entry) {
  const value = form.elements.namedItem('when')?.value;
  if (entry && value === toInputValue(entry.occurred_at)) return entry.occurred_at;
  if (!value) return localIso();
  return fromInputValue(value);
}

/** Loads the entry named by ?id= for editing, or null when logging a new one. */
export async function entryToEdit(url, kind) {
  const id = url.searchParams.get('id');
  if (!id) return null;
  const entry = await getEntry(id);
  return entry && entry.kind === kind && !entry.deleted ? entry : null;
}

/** Shows "Saved" with an Undo button that deletes the entry just logged. */
export function showSaved(status, entry, message, onUndo) {
  status.hidden = false;
  status.innerHTML = html`<span>${message}</span> <button type="button" class="button-small button-secondary" data-undo>Undo</button>`.__html;
  status.querySelector('[data-undo]').addEventListener('click', async () => {
    await deleteEntry(entry);
    status.textContent = 'Removed.';
    onUndo?.();
  }, { once: true });
}

export function deleteButton(entry) {
  return entry ? html`<button type="button" class="button-secondary" data-delete>Delete this entry</button>` : '';
}

export function wireDelete(container, entry, navigate, back) {
  container.querySelector('[data-delete]')?.addEventListener('click', async () => {
    await deleteEntry(entry);
    navigate(back, { replace: true });
  });
}

/**
 * Saves what a logging form describes: an edit goes back to History, a new entry is logged and
 * returned. Returns null when nothing more is to be done (an edit, or a time that is not valid).
 */
export async function saveFromForm({ form, entry, kind, data, navigate }) {
  let occurredAt;
  try {
    occurredAt = readWhen(form, entry);
  } catch (error) {
    showFormError(form, { message: error.message, fields: {} });
    return null;
  }
  showFormError(form, null);
  if (entry) {
    await updateEntry(entry, { data, occurred_at: occurredAt });
    navigate('/history', { replace: true });
    return null;
  }
  return logEntry(kind, data, occurredAt);
}
