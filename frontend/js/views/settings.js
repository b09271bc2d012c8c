// Settings: profile (name, time zone, units, emergency number), password, sign out, delete account.
import { api } from '../lib/api.js';
import { html, render as draw, formData, showFormError } from '../lib/dom.js';
import '../lib/storage-core.js';
import { currentUser, signOut, updateProfile } from '../lib/session.js';

const { idb } = globalThis.SteadyCore;

function zoneOptions(selected) {
  const zones = Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : [selected];
  if (!zones.includes(selected)) zones.unshift(selected);
  return zones.map((zone) => html`<option value="${zone}" ${zone === selected ? 'selected' : ''}>${zone.replaceAll('_', ' ')}</option>`);
}

function moreLinks() {
  return html`<section class="card">
      <h2>More</h2>
      <ul class="list-plain">
        <li><a href="/settings/goals">Your goals</a></li>
        <li><a href="/reminders">Reminders</a></li>
        <li><a href="/settings/data">Download or import your data</a></li>
        <li><a href="/doctor-summary">Summary for your doctor</a></li>
      </ul>
    </section>`;
}

function signedOutView(container) {
  draw(container, html`
    <h1>Settings</h1>
    <section class="card">
      <h2>Your account</h2>
      <p>You are not signed in. What you log stays on this device until you create an account or sign in.</p>
      <p class="row"><a class="button" href="/signin">Sign in</a> <a class="button button-secondary" href="/signup">Create an account</a></p>
    </section>
    ${moreLinks()}`);
}

export function render(container, { navigate }) {
  document.title = 'Settings · Steady';
  const user = currentUser();
  if (!user) return signedOutView(container);
  draw(container, html`
    <h1>Settings</h1>
    ${moreLinks()}
    <form class="card" id="profile-form" novalidate>
      <h2>Profile</h2>
      <p class="form-error" role="alert" tabindex="-1"></p>
      <p class="notice" id="profile-saved" role="status" hidden>Saved.</p>
      <p class="muted">Signed in as ${user.email}</p>
      <div class="field">
        <label for="profile-name">Name</label>
        <input id="profile-name" name="display_name" value="${user.display_name}" maxlength="80" autocomplete="given-name">
      </div>
      <div class="field">
        <label for="profile-zone">Time zone</label>
        <select id="profile-zone" name="time_zone">${zoneOptions(user.time_zone)}</select>
      </div>
      <fieldset class="field">
        <legend>Units</legend>
        <label class="choice"><input type="radio" name="units" value="metric" ${user.units === 'metric' ? 'checked' : ''}> Metric (mL)</label>
        <label class="choice"><input type="radio" name="units" value="us" ${user.units === 'us' ? 'checked' : ''}> US (fl oz)</label>
      </fieldset>
      <div class="field">
        <label for="profile-emergency">Emergency phone number</label>
        <input id="profile-emergency" name="emergency_number" value="${user.emergency_number}" inputmode="tel" maxlength="16" aria-describedby="profile-emergency-hint">
        <p class="hint" id="profile-emergency-hint">Used by the “Call now” button. For example 112 in the EU, 999 in the UK, 911 in the US and Canada, 000 in Australia.</p>
      </div>
      <button type="submit">Save profile</button>
    </form>

    <form class="card" id="password-form" novalidate>
      <h2>Change password</h2>
      <p class="form-error" role="alert" tabindex="-1"></p>
      <p class="notice" id="password-saved" role="status" hidden>Password changed. Other devices are signed out.</p>
      <input type="text" name="username" value="${user.email}" autocomplete="username" hidden>
      <div class="field">
        <label for="password-current">Current password</label>
        <input id="password-current" name="current_password" type="password" autocomplete="current-password" required>
      </div>
      <div class="field">
        <label for="password-new">New password</label>
        <input id="password-new" name="new_password" type="password" autocomplete="new-password" minlength="8" required>
      </div>
      <button type="submit">Change password</button>
    </form>

    <section class="card">
      <h2>Sign out</h2>
      <p>Signing out removes your data from this device. It stays in your account.</p>
      <p class="form-error" id="signout-warning" role="alert"></p>
      <button type="button" id="signout" class="button-secondary">Sign out</button>
    </section>

    <form class="card" id="delete-form" novalidate>
      <h2>Delete account</h2>
      <p>This deletes your account and everything you logged, for good.</p>
      <p class="form-error" role="alert" tabindex="-1"></p>
      <div class="field">
        <label for="delete-password">Password</label>
        <input id="delete-password" name="password" type="password" autocomplete="current-password" required>
      </div>
      <button type="submit" class="button-danger">Delete my account</button>
    </form>`);

  const profileForm = container.querySelector('#profile-form');
  profileForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    container.querySelector('#profile-saved').hidden = true;
    try {
      await updateProfile(await api.patch('/api/profile', formData(profileForm)));
      showFormError(profileForm, null);
      container.querySelector('#profile-saved').hidden = false;
    } catch (error) {
      showFormError(profileForm, error.status ? error : { message: 'Saving needs a connection. Please try again online.' });
    }
  });

  const passwordForm = container.querySelector('#password-form');
  passwordForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { current_password, new_password } = formData(passwordForm);
    try {
      await api.put('/api/auth/password', { current_password, new_password });
      showFormError(passwordForm, null);
      passwordForm.reset();
      container.querySelector('#password-saved').hidden = false;
    } catch (error) {
      showFormError(passwordForm, error.status ? error : { message: 'Changing the password needs a connection.' });
    }
  });

  const signOutButton = container.querySelector('#signout');
  signOutButton.addEventListener('click', async () => {
    const pending = await idb.count('outbox').catch(() => 0);
    const warning = container.querySelector('#signout-warning');
    if (pending && signOutButton.dataset.confirmed !== 'yes') {
      warning.textContent = `${pending} change(s) have not reached your account yet and will be lost. Go online first, or tap Sign out again to sign out anyway.`;
      signOutButton.dataset.confirmed = 'yes';
      return;
    }
    try {
      await signOut();
      navigate('/', { replace: true });
    } catch {
      warning.textContent = 'Signing out needs a connection, so that this device is really signed out. Please try again online.';
    }
  });

  const deleteForm = container.querySelector('#delete-form');
  deleteForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.del('/api/auth/account', formData(deleteForm));
      await signOut();
      navigate('/', { replace: true });
    } catch (error) {
      showFormError(deleteForm, error.status ? error : { message: 'Deleting the account needs a connection.' });
    }
  });
}
