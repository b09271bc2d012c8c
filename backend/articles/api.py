"""Articles API: the list, one article, server-side search and the offline search index.

Everything here is the same for every person, so it is cacheable (ETag from the content hash)
and the service worker keeps it for reading offline."""
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, current_app, jsonify, request
from pydantic import BaseModel, Field

from ..api import ApiError, documented, query_args
from .content import Library, load_library
from .search import search

bp = Blueprint("articles", __name__, url_prefix="/api")

ARTICLES_DIR = Path(__file__).resolve().parent.parent.parent / "content" / "articles"


class SearchQuery(BaseModel):
    q: str = Field(default="", max_length=200)
    limit: int = Field(default=20, ge=1, le=50)


@lru_cache(maxsize=4)
def _load(directory: str, stamp: tuple) -> Library:
    return load_library(Path(directory))


def library() -> Library:
    """The library, reloaded when any article file changes (so editors need no restart)."""
    directory = Path(current_app.config.get("ARTICLES_DIR", ARTICLES_DIR))
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in directory.glob("*.md")))
    return _load(str(directory), stamp)


def _cached(payload: dict, revision: str):
    """A JSON response that browsers and the service worker may keep, revalidated by ETag."""
    response = jsonify(payload)
    response.set_etag(revision)
    response.headers["Cache-Control"] = "public, no-cache"
    return response.make_conditional(request)


@bp.get("/articles")
@documented("All articles, with their summary fields", tag="articles", auth=False)
def list_articles():
    lib = library()
    return _cached({"revision": lib.revision, "articles": [a.to_summary() for a in lib.articles]}, lib.revision)


@bp.get("/articles/<slug>")
@documented("One article: sanitised HTML, metadata, sources and neighbours", tag="articles", auth=False)
def get_article(slug: str):
    lib = library()
    article = lib.by_slug.get(slug)
    if article is None:
        raise ApiError(404, "not_found", "There is no article with that name.")
    previous, following = lib.neighbours(slug)
    detail = article.to_detail()
    detail["neighbours"] = {"previous": previous.to_summary() if previous else None,
                            "next": following.to_summary() if following else None}
    return _cached(detail, article.revision)


@bp.get("/search")
@documented("Search titles, headings and text; results point at the matching section", tag="articles",
            auth=False)
@query_args(SearchQuery)
def search_articles(query: SearchQuery):
    lib = library()
    return {"query": query.q, "results": search(lib.search_index(), query.q, query.limit)}


@bp.get("/search-index")
@documented("The index the app searches offline", tag="articles", auth=False)
def search_index():
    lib = library()
    return _cached(lib.search_index(), lib.revision)


def precache_entries() -> list[dict]:
    """The article API responses, revisioned by content, for the service worker to precache."""
    lib = library()
    entries = [{"url": "/api/articles", "revision": lib.revision},
               {"url": "/api/search-index", "revision": lib.revision}]
    entries += [{"url": f"/api/articles/{a.slug}", "revision": a.revision} for a in lib.articles]
    return entries
