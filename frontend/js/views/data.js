// Your data: download everything as JSON or CSV, and import a JSON export (importing the same
// file twice changes nothing: entries are matched by id and the newer edit wins).
import { html, render as draw } from '../lib/dom.js';
import { currentUser } from '../lib/session.js';
import { saveEntry } from '../lib/entries.js';

const core = globalThis.SteadyCore;

function download(name, text, type) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Imports entries into this device (and so, through the outbox, into the account). */
export async function importEntries(entries) {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const raw of entries) {
    if (!raw || typeof raw.id !== 'string' || !raw.kind || !raw.occurred_at || !raw.updated_at) {
      throw new Error('This file is not a Steady export.');
    }
    const { day, ...entry } = raw;
    const local = await core.idb.get('entries', entry.id);
    if (local && !core.newer(entry, local)) { counts.unchanged += 1; continue; }
    await saveEntry(entry);
    counts[local ? 'updated' : 'created'] += 1;
  }
  return counts;
}

export function render(container) {
  document.title = 'Your data · Steady';
  const signedIn = !!currentUser();
  draw(container, html`
    <h1>Your data</h1>
    <section class="card">
      <h2>Download</h2>
      <p>Everything you logged${signedIn ? ' in your account' : ' on this device'}.</p>
      <p class="row">
        ${signedIn ? html`<a class="button" href="/api/export.json" download>JSON</a> <a class="button button-secondary" href="/api/export.csv" download>CSV (spreadsheet)</a>`
          : html`<button type="button" id="export-device">JSON</button>`}
      </p>
    </section>
    <section class="card">
      <h2>Import</h2>
      <p>Bring back a JSON file downloaded from Steady. Entries already here are left as they are.</p>
      <div class="field">
        <label for="import-file">Steady export file (.json)</label>
        <input id="import-file" type="file" accept="application/json,.json">
      </div>
      <p role="status" id="import-status"></p>
    </section>`);
  container.querySelector('#export-device')?.addEventListener('click', async () => {
    const entries = (await core.idb.getAll('entries')).map(({ day, ...e }) => e);
    download('steady-export.json', JSON.stringify({ format: 'steady-export', version: 1, exported_at: new Date().toISOString(), entries }, null, 1), 'application/json');
  });
  container.querySelector('#import-file').addEventListener('change', async (event) => {
    const status = container.querySelector('#import-status');
    const file = event.target.files[0];
    if (!file) return;
    try {
      const document_ = JSON.parse(await file.text());
      const counts = await importEntries(Array.isArray(document_.entries) ? document_.entries : []);
      status.textContent = `Imported: ${counts.created} new, ${counts.updated} updated, ${counts.unchanged} already here.`;
    } catch (error) {
      status.textContent = `Nothing was imported: ${error.message.startsWith('This file') ? error.message : 'the file could not be read as a Steady export.'}`;
    }
  });
  return undefined;
}

