"""The article library: every article publishable, links and anchors sound, HTML sanitised, and the
API serving it with ETags."""
from html.parser import HTMLParser
from pathlib import Path

import pytest

from backend.articles.content import check_links, load_library, sanitise
from backend.articles.search import search
from backend.shell import CLIENT_ROUTES

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = load_library(ROOT / "content" / "articles")
APP_ROUTES = {"/", "/log/water", "/log/caffeine", "/log/sleep", "/log/twitch", "/breathe", "/breathe/box",
              "/breathe/4-7-8", "/breathe/resonance", "/breathe/cyclic_sigh", "/check", "/reminders",
              "/doctor-summary", "/history", "/insights", "/settings"}
REQUIRED_ANCHORS = [
    "stopping-twitching#everyday-habits-that-help", "when-to-see-a-doctor#call-for-emergency-help",
    "when-to-see-a-doctor#severe-dehydration", "when-to-see-a-doctor#weakness-or-muscle-loss",
    "when-to-see-a-doctor#speech-or-swallowing-problems", "when-to-see-a-doctor#twitching-that-lasts-or-spreads",
    "when-to-see-a-doctor#other-symptoms-to-mention", "worry-and-coping#benign-fasciculation-syndrome",
]


def test_there_are_at_least_ten_articles():
    assert len(LIBRARY.articles) >= 10


@pytest.mark.parametrize("article", LIBRARY.articles, ids=lambda a: a.slug)
def test_every_article_is_complete(article):
    assert article.title and article.summary and len(article.summary) < 160
    assert article.tags and article.last_reviewed
    assert article.sources and all(s["url"].startswith("https://") for s in article.sources)
    assert 300 <= article.word_count <= 900
    assert "<h2" in article.html
    assert "information, not medical care" in article.html
    anchors = [h["anchor"] for h in article.headings]
    assert len(anchors) == len(set(anchors))


def test_no_internal_link_is_broken():
    assert check_links(LIBRARY, APP_ROUTES) == []


def test_app_routes_used_by_articles_are_client_routes():
    for route in APP_ROUTES:
        assert route.strip("/").split("/")[0] in CLIENT_ROUTES


@pytest.mark.parametrize("target", REQUIRED_ANCHORS)
def test_anchors_that_advice_links_to_exist(target):
    slug, anchor = target.split("#")
    assert anchor in {h["anchor"] for h in LIBRARY.by_slug[slug].headings}


class ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html):
    parser = ElementCollector()
    parser.feed(html)
    return parser.elements


def assert_harmless(html):
    for tag, attrs in elements(html):
        assert tag not in {"script", "iframe", "img", "style", "object", "embed", "span", "b"}, tag
        assert not any(name.startswith("on") or name == "style" for name in attrs), (tag, attrs)
        href = attrs.get("href") or ""
        assert not href.lower().startswith(("javascript:", "data:")), href


def test_a_hostile_file_renders_to_harmless_html():
    article = load_library(ROOT / "tests" / "fixtures" / "articles_hostile").articles[0]
    assert_harmless(article.html)
    assert ("a", {"href": "https://example.org/page", "rel": "noopener noreferrer"}) in elements(article.html)


def test_the_sanitiser_itself_strips_raw_html_tricks():
    raw = (Path(ROOT / "tests" / "fixtures" / "articles_hostile" / "hostile.md").read_text()
           + '<a href="javascript:alert(1)" onclick="x()">x</a><h2 id="ok" onclick="x()">t</h2>')
    cleaned = sanitise(raw)
    assert_harmless(cleaned)
    assert '<h2 id="ok">' in cleaned


@pytest.mark.parametrize("query, expected", [
    ("magnesium", {"nutrition-and-minerals"}),
    ("caffeine", {"caffeine-sleep-and-water"}),
    ("ALS", {"less-common-causes", "worry-and-coping", "faq"}),
    ("eyelid", {"what-is-muscle-twitching", "common-causes", "faq"}),
])
def test_search_finds_the_right_articles(query, expected):
    results = search(LIBRARY.search_index(), query)
    assert results and results[0]["slug"] in expected
    assert expected & {r["slug"] for r in results[:3]}


def test_api_lists_and_serves_articles_with_etags(api):
    listing = api.get("/api/articles")
    assert listing.status_code == 200 and len(listing.get_json()["articles"]) == len(LIBRARY.articles)
    etag = listing.headers["ETag"]
    assert api.get("/api/articles", headers={"If-None-Match": etag}).status_code == 304
    detail = api.get("/api/articles/when-to-see-a-doctor").get_json()
    assert detail["sources"] and 'id="call-for-emergency-help"' in detail["html"]
    assert detail["neighbours"]["previous"]["slug"] == "stopping-twitching"
    assert api.get("/api/articles/no-such-article").status_code == 404


def test_api_search_points_at_the_matching_section(api):
    body = api.get("/api/search?q=magnesium").get_json()
    assert body["results"][0]["slug"] == "nutrition-and-minerals"
    assert body["results"][0]["snippet"]
    assert api.get("/api/search?q=").get_json()["results"] == []


def test_articles_are_in_the_service_worker_precache(api):
    worker = api.get("/service-worker.js").get_data(as_text=True)
    assert '"/api/articles/faq"' in worker and '"/api/search-index"' in worker
