import { html, render as draw } from '../lib/dom.js';

export function render(container) {
  document.title = 'Page not found · Steady';
  draw(container, html`
    <h1>We could not find that page</h1>
    <p>The address may be mistyped, or the page has moved.</p>
    <p><a class="button" href="/">Go to Today</a></p>`);
}
