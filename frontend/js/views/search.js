// Search the articles. Runs in the browser on the index the service worker keeps, so it works
// offline; falls back to the server's search if the index cannot be loaded.
import { api } from '../lib/api.js';
import { html, render as draw } from '../lib/dom.js';
import { search } from '../lib/search.js';

let indexPromise = null;
function loadIndex() {
  indexPromise = indexPromise || api.get('/api/search-index').catch((error) => { indexPromise = null; throw error; });
  return indexPromise;
}

async function results(query) {
  try {
    return search(await loadIndex(), query, 20);
  } catch {
    return (await api.get(`/api/search?q=${encodeURIComponent(query)}`)).results;
  }
}

export async function render(container, { url, navigate }) {
  const query = (url.searchParams.get('q') || '').trim();
  document.title = query ? `“${query}” · Search · Steady` : 'Search · Steady';
  draw(container, html`
    <h1>Search articles</h1>
    <form class="row" role="search" id="search-form">
      <label for="search-q" class="visually-hidden">Search articles</label>
      <input id="search-q" name="q" type="search" value="${query}" placeholder="e.g. caffeine, eyelid, magnesium" autocomplete="off">
      <button type="submit">Search</button>
    </form>
    <div id="search-results" aria-live="polite"></div>`);
  container.querySelector('#search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = container.querySelector('#search-q').value.trim();
    navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search', { replace: true });
  });
  if (!query) return;
  const box = container.querySelector('#search-results');
  let found;
  try {
    found = await results(query);
  } catch {
    draw(box, html`<p>Search needs the article index, which is saved the first time the app is opened online.</p>`);
    return;
  }
  draw(box, found.length ? html`
    <p class="muted">${found.length} result${found.length === 1 ? '' : 's'} for “${query}”</p>
    <ul class="list-plain">
      ${found.map((hit) => html`
        <li>
          <h2 class="article-list-title"><a href="/articles/${hit.slug}${hit.anchor ? `#${hit.anchor}` : ''}">${hit.title}</a></h2>
          ${hit.heading && hit.heading !== hit.title ? html`<p class="muted">${hit.heading}</p>` : ''}
          <p>${hit.snippet}</p>
        </li>`)}
    </ul>` : html`<p>No articles match “${query}”. Try a shorter or different word.</p>`);
}
