// Article search in the browser, on the index the service worker keeps (works offline).
// The same rules as backend/articles/search.py; the shared cases in tests/search_cases.json
// run against both.

const SNIPPET_CHARS = 160;

export function normalise(text) {
  return String(text).toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '');
}

export function stem(word) {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && (word.endsWith('ches') || word.endsWith('shes') || (word.endsWith('es') && 'sxz'.includes(word.at(-3))))) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function words(text) {
  return normalise(text).match(/[a-z0-9]+/g) || [];
}

function termScore(term, prefix, tokens) {
  let score = 0;
  for (const token of tokens) {
    const stemmed = stem(token);
    if (stemmed === term) score += 3;
    else if (prefix && (token.startsWith(term) || stemmed.startsWith(term))) score += 1;
  }
  return score;
}

function snippet(text, terms, prefixLast) {
  const pieces = text.match(/\S+/g) || [];
  let start = 0;
  for (let i = 0; i < pieces.length; i += 1) {
    const found = words(pieces[i]).map(stem);
    const hit = terms.some((t) => found.includes(t) || (prefixLast && t === terms.at(-1) && found.some((f) => f.startsWith(t))));
    if (hit) { start = Math.max(0, i - 6); break; }
  }
  let out = '';
  for (const piece of pieces.slice(start)) {
    if (out.length + piece.length + 1 > SNIPPET_CHARS) return `${start ? '… ' : ''}${out} …`;
    out = `${out} ${piece}`.trim();
  }
  return `${start ? '… ' : ''}${out}`;
}

export function search(index, query, limit = 20) {
  const queryWords = words(query);
  if (!queryWords.length) return [];
  const terms = queryWords.map(stem);
  const prefixLast = terms.at(-1).length >= 4;
  const byArticle = new Map();
  for (const section of index.sections) {
    const title = words(section.title);
    const heading = words(section.heading);
    const body = words(section.text);
    if (!byArticle.has(section.slug)) {
      byArticle.set(section.slug, { matched: new Set(), score: 0, best: null, bestScore: -1, title: section.title });
    }
    const found = byArticle.get(section.slug);
    let sectionScore = 0;
    terms.forEach((term, position) => {
      const prefix = prefixLast && position === terms.length - 1;
      const score = termScore(term, prefix, body) + 5 * termScore(term, prefix, heading)
        + (section.anchor === '' ? 10 * termScore(term, prefix, title) : 0);
      if (score) found.matched.add(position);
      sectionScore += score;
    });
    found.score += sectionScore;
    if (sectionScore > found.bestScore) { found.best = section; found.bestScore = sectionScore; }
  }
  const results = [];
  for (const [slug, found] of byArticle) {
    if (found.matched.size !== terms.length) continue;
    const best = found.best;
    results.push({ slug, title: found.title, anchor: best.anchor, heading: best.heading,
      snippet: snippet(best.text, terms, prefixLast), score: found.score });
  }
  results.sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return results.slice(0, limit);
}
