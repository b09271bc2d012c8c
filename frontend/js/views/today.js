// Today: the home screen.
import { html, render as draw } from '../lib/dom.js';
import { currentUser } from '../lib/session.js';

export function render(container) {
  const user = currentUser();
  document.title = 'Today · Steady';
  draw(container, html`
    <h1>${user?.display_name ? `Hello, ${user.display_name}` : 'Today'}</h1>
    <section class="card" aria-labelledby="today-intro">
      <h2 id="today-intro">Small habits, steadier muscles</h2>
      <p>Water, less caffeine, enough sleep and a calmer mind are the everyday things that help with muscle twitches.</p>
      ${user ? '' : html`<p><a href="/signup">Create an account</a> to keep your data safe across devices, or <a href="/signin">sign in</a>.</p>`}
    </section>`);
}
