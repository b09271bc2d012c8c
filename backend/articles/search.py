"""Search over the article sections. frontend/js/lib/search.js follows exactly the same rules so
that searching offline in the app gives the same results as the server.

Rules: lower-case, accents removed, words are runs of a-z and 0-9; a light stemmer (below) so
"twitches" finds "twitching"; every query word must occur in the article; the last query word of
four letters or more also matches as a prefix. Score per section: an exact word 3, a prefix 1,
times 5 in a heading and 10 in the title; results go to the best-scoring section."""
import re
import unicodedata

SNIPPET_CHARS = 160


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def stem(word: str) -> str:
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and (word.endswith(("ches", "shes")) or (word.endswith("es") and word[-3] in "sxz")):
        return word[:-2]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", normalise(text))


def _term_score(term: str, prefix: bool, tokens: list[str]) -> int:
    score = 0
    for token in tokens:
        stemmed = stem(token)
        if stemmed == term:
            score += 3
        elif prefix and (token.startswith(term) or stemmed.startswith(term)):
            score += 1
    return score


def _snippet(text: str, terms: list[str], prefix_last: bool) -> str:
    pieces = re.findall(r"\S+", text)
    start = 0
    for index, piece in enumerate(pieces):
        found = [stem(w) for w in words(piece)]
        if any(t in found or (prefix_last and t == terms[-1] and any(f.startswith(t) for f in found))
               for t in terms):
            start = max(0, index - 6)
            break
    out = ""
    for piece in pieces[start:]:
        if len(out) + len(piece) + 1 > SNIPPET_CHARS:
            return ("… " if start else "") + out + " …"
        out = f"{out} {piece}".strip()
    return ("… " if start else "") + out


def search(index: dict, query: str, limit: int = 20) -> list[dict]:
    query_words = words(query)
    if not query_words:
        return []
    terms = [stem(w) for w in query_words]
    prefix_last = len(terms[-1]) >= 4
    by_article: dict[str, dict] = {}
    for section in index["sections"]:
        title, heading, body = words(section["title"]), words(section["heading"]), words(section["text"])
        found = by_article.setdefault(section["slug"], {"matched": set(), "score": 0, "best": None,
                                                        "best_score": -1, "title": section["title"]})
        section_score = 0
        for position, term in enumerate(terms):
            prefix = prefix_last and position == len(terms) - 1
            score = (_term_score(term, prefix, body) + 5 * _term_score(term, prefix, heading)
                     + (10 * _term_score(term, prefix, title) if section["anchor"] == "" else 0))
            if score:
                found["matched"].add(position)
            section_score += score
        found["score"] += section_score
        if section_score > found["best_score"]:
            found["best"], found["best_score"] = section, section_score
    results = []
    for slug, found in by_article.items():
        if len(found["matched"]) != len(terms):
            continue
        best = found["best"]
        results.append({"slug": slug, "title": found["title"], "anchor": best["anchor"],
                        "heading": best["heading"], "snippet": _snippet(best["text"], terms, prefix_last),
                        "score": found["score"]})
    results.sort(key=lambda r: (-r["score"], r["slug"]))
    return results[:limit]
