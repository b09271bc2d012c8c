// Sign in. After success, goes to `?next=` when it is a path on this site.
import { api } from '../lib/api.js';
import { html, render as draw, formData, showFormError } from '../lib/dom.js';
import { safeNext } from '../lib/router.js';
import { signedIn } from '../lib/session.js';

export function render(container, { url, navigate }) {
  document.title = 'Sign in · Steady';
  const next = safeNext(url.searchParams.get('next'));
  draw(container, html`
    <h1>Sign in</h1>
    <form class="card" id="signin-form" novalidate>
      <p class="form-error" role="alert" tabindex="-1"></p>
      <div class="field">
        <label for="signin-email">Email</label>
        <input id="signin-email" name="email" type="email" autocomplete="username" required>
      </div>
      <div class="field">
        <label for="signin-password">Password</label>
        <input id="signin-password" name="password" type="password" autocomplete="current-password" required>
      </div>
      <button type="submit" class="button-block">Sign in</button>
    </form>
    <p>New to Steady? <a href="/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}">Create an account</a></p>`);
  const form = container.querySelector('#signin-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const result = await api.post('/api/auth/signin', { ...formData(form), next });
      await signedIn(result);
      navigate(safeNext(result.redirect), { replace: true });
    } catch (error) {
      showFormError(form, error.status ? error : { message: 'You seem to be offline. Signing in needs a connection.' });
      button.disabled = false;
    }
  });
}
