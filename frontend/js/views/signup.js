// Create an account. Time zone, units and emergency number start from the browser's settings.
import { api } from '../lib/api.js';
import { html, render as draw, formData, showFormError } from '../lib/dom.js';
import { emergencyNumberFor, unitsFor } from '../lib/preferences.js';
import { safeNext } from '../lib/router.js';
import { signedIn } from '../lib/session.js';

export function render(container, { url, navigate }) {
  document.title = 'Create an account · Steady';
  const next = safeNext(url.searchParams.get('next'));
  draw(container, html`
    <h1>Create an account</h1>
    <form class="card" id="signup-form" novalidate>
      <p class="form-error" role="alert" tabindex="-1"></p>
      <div class="field">
        <label for="signup-name">Your name <span class="muted">(optional)</span></label>
        <input id="signup-name" name="display_name" autocomplete="given-name" maxlength="80">
      </div>
      <div class="field">
        <label for="signup-email">Email</label>
        <input id="signup-email" name="email" type="email" autocomplete="username" required>
      </div>
      <div class="field">
        <label for="signup-password">Password</label>
        <input id="signup-password" name="password" type="password" autocomplete="new-password" minlength="8" required aria-describedby="signup-password-hint">
        <p class="hint" id="signup-password-hint">At least 8 characters. A few unrelated words make a strong one.</p>
      </div>
      <button type="submit" class="button-block">Create account</button>
    </form>
    <p>Already have an account? <a href="/signin">Sign in</a></p>`);
  const form = container.querySelector('#signup-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    const locale = navigator.language;
    const fields = formData(form);
    if (!fields.display_name) delete fields.display_name;
    try {
      const result = await api.post('/api/auth/signup', {
        ...fields,
        time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
        units: unitsFor(locale),
        emergency_number: emergencyNumberFor(locale),
      });
      await signedIn(result);
      navigate(next, { replace: true });
    } catch (error) {
      showFormError(form, error.status ? error : { message: 'You seem to be offline. Creating an account needs a connection.' });
      button.disabled = false;
    }
  });
}
