// One article: sanitised HTML from the server, text size control, reading progress, sources,
// and links to the articles before and after it.
import { api } from '../lib/api.js';
import { html, raw, render as draw } from '../lib/dom.js';
import { getReading, rememberPosition, setTextSize, TEXT_SIZES } from '../lib/reading.js';

export async function render(container, { params, url }) {
  let article;
  try {
    article = await api.get(`/api/articles/${encodeURIComponent(params.slug)}`);
  } catch (error) {
    document.title = 'Article not found · Steady';
    draw(container, html`<h1>${error.status === 404 ? 'We could not find that article' : 'This article is not available offline yet'}</h1>
      <p><a href="/articles">See all articles</a></p>`);
    return undefined;
  }
  document.title = `${article.title} · Steady`;
  const reading = await getReading();
  const { previous, next } = article.neighbours || {};
  draw(container, html`
    <div class="reading-progress" aria-hidden="true"><span></span></div>
    <article class="article" data-size="${reading.size}">
      <p class="muted"><a href="/articles">Learn</a></p>
      <h1>${article.title}</h1>
      <p class="lead">${article.summary}</p>
      <p class="muted">${article.reading_minutes} min read · Last reviewed ${article.last_reviewed}</p>
      <div class="row text-size" role="group" aria-label="Text size">
        <button type="button" class="button-small button-secondary" data-size-step="-1" aria-label="Smaller text">A−</button>
        <button type="button" class="button-small button-secondary" data-size-step="1" aria-label="Larger text">A+</button>
      </div>
      <div class="article-body">${raw(article.html)}</div>
      <section class="card sources" aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        <ul>${article.sources.map((s) => html`<li>${s.organisation}: <a href="${s.url}" rel="noopener noreferrer">${s.title}</a></li>`)}</ul>
      </section>
      <nav class="row article-neighbours" aria-label="More articles">
        ${previous ? html`<a href="/articles/${previous.slug}">← ${previous.title}</a>` : ''}
        ${next ? html`<a href="/articles/${next.slug}">${next.title} →</a>` : ''}
      </nav>
    </article>`);

  const body = container.querySelector('.article');
  container.querySelectorAll('[data-size-step]').forEach((button) => button.addEventListener('click', async () => {
    const index = TEXT_SIZES.indexOf(body.dataset.size) + Number(button.dataset.sizeStep);
    const size = TEXT_SIZES[Math.max(0, Math.min(TEXT_SIZES.length - 1, index))];
    body.dataset.size = size;
    await setTextSize(size);
  }));

  const bar = container.querySelector('.reading-progress span');
  let saveTimer = null;
  const fraction = () => {
    const rect = body.getBoundingClientRect();
    const total = rect.height - window.innerHeight;
    return total <= 0 ? 1 : Math.min(1, Math.max(0, -rect.top / total));
  };
  const onScroll = () => {
    const value = fraction();
    bar.style.width = `${Math.round(value * 100)}%`;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => rememberPosition(article.slug, article.title, value), 400);
  };
  window.addEventListener('scroll', onScroll, { passive: true });
  if (!url.hash && reading.last?.slug === article.slug && reading.last.fraction > 0.05) {
    const rect = body.getBoundingClientRect();
    window.scrollTo(0, reading.last.fraction * (rect.height - window.innerHeight));
  }
  onScroll();
  return () => {
    window.removeEventListener('scroll', onScroll);
    clearTimeout(saveTimer);
  };
}
