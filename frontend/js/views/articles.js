// The article library: every article with its summary and reading time, a search box, and
// "continue where you left off". Works offline: the list comes from the service worker's cache.
import { api } from '../lib/api.js';
import { html, render as draw } from '../lib/dom.js';
import { getReading } from '../lib/reading.js';

export async function render(container, { navigate }) {
  document.title = 'Learn · Steady';
  draw(container, html`<h1>Learn about muscle twitches</h1><p class="loading">Loading articles…</p>`);
  let list;
  try {
    list = await api.get('/api/articles');
  } catch {
    draw(container, html`<h1>Learn about muscle twitches</h1>
      <p>The articles could not be loaded. Open the app once with a connection and they will be kept for offline reading.</p>`);
    return;
  }
  const reading = await getReading();
  const last = reading.last && list.articles.find((a) => a.slug === reading.last.slug);
  draw(container, html`
    <h1>Learn about muscle twitches</h1>
    <form class="row" action="/search" role="search" id="article-search">
      <label for="article-search-q" class="visually-hidden">Search articles</label>
      <input id="article-search-q" name="q" type="search" placeholder="Search, e.g. magnesium" autocomplete="off">
      <button type="submit">Search</button>
    </form>
    ${last ? html`<p class="card"><span class="muted">Continue reading:</span> <a href="/articles/${last.slug}">${last.title}</a></p>` : ''}
    <ul class="list-plain article-list">
      ${list.articles.map((article) => html`
        <li>
          <h2 class="article-list-title"><a href="/articles/${article.slug}">${article.title}</a></h2>
          <p>${article.summary}</p>
          <p class="muted">${article.reading_minutes} min read${reading.read[article.slug] ? ' · Read' : ''}</p>
        </li>`)}
    </ul>
    <p class="muted">Steady gives information, not medical care. In an emergency, call your local emergency number.</p>`);
  container.querySelector('#article-search').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = container.querySelector('#article-search-q').value.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  });
}
