"""The article library: Markdown files with YAML front matter, rendered by markdown-it-py and
sanitised by nh3, with stable heading anchors, reading time, content-hash revisions and the
plain-text sections that search uses. No Flask here."""
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import nh3
import yaml
from markdown_it import MarkdownIt

WORDS_PER_MINUTE = 200
ALLOWED_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "strong", "em", "a", "blockquote", "table", "thead",
                "tbody", "tr", "th", "td", "code", "pre", "hr", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "h2": {"id"}, "h3": {"id"}, "th": {"align"}, "td": {"align"}}
REQUIRED_KEYS = ("title", "summary", "tags", "last_reviewed", "order", "sources")


class ArticleError(ValueError):
    """An article file that cannot be published, with the file named in the message."""


def anchor_for(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class Article:
    slug: str
    title: str
    summary: str
    tags: list[str]
    last_reviewed: date
    order: int
    sources: list[dict]
    html: str
    headings: list[dict]
    sections: list[dict]
    links: list[str]
    word_count: int
    revision: str

    @property
    def reading_minutes(self) -> int:
        return max(1, -(-self.word_count // WORDS_PER_MINUTE))

    def to_summary(self) -> dict:
        return {"slug": self.slug, "title": self.title, "summary": self.summary, "tags": self.tags,
                "reading_minutes": self.reading_minutes, "last_reviewed": self.last_reviewed.isoformat(),
                "revision": self.revision}

    def to_detail(self) -> dict:
        return {**self.to_summary(), "html": self.html, "headings": self.headings, "sources": self.sources}


@dataclass
class Library:
    articles: list[Article]
    by_slug: dict[str, Article] = field(init=False)
    revision: str = field(init=False)

    def __post_init__(self):
        self.articles.sort(key=lambda a: (a.order, a.slug))
        self.by_slug = {a.slug: a for a in self.articles}
        self.revision = hashlib.sha256("".join(a.revision for a in self.articles).encode()).hexdigest()[:16]

    def neighbours(self, slug: str) -> tuple[Article | None, Article | None]:
        index = [a.slug for a in self.articles].index(slug)
        previous = self.articles[index - 1] if index > 0 else None
        following = self.articles[index + 1] if index + 1 < len(self.articles) else None
        return previous, following

    def search_index(self) -> dict:
        return {"revision": self.revision, "sections": [
            {"slug": a.slug, "title": a.title, **section} for a in self.articles for section in a.sections]}


def _split_front_matter(text: str, name: str) -> tuple[dict, str]:
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not match:
        raise ArticleError(f"{name}: the file must start with front matter between --- lines")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise ArticleError(f"{name}: front matter is not valid YAML ({exc})") from exc
    missing = [key for key in REQUIRED_KEYS if key not in meta]
    if missing:
        raise ArticleError(f"{name}: front matter lacks {', '.join(missing)}")
    return meta, match.group(2)


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")

    def heading_open(renderer, tokens, idx, options, env):
        token = tokens[idx]
        if token.tag in ("h2", "h3"):
            anchor = anchor_for(tokens[idx + 1].content)
            if anchor in env["anchors"]:
                raise ArticleError(f"{env['name']}: two headings share the anchor #{anchor}")
            env["anchors"].add(anchor)
            env["headings"].append({"level": int(token.tag[1]), "text": tokens[idx + 1].content, "anchor": anchor})
            token.attrSet("id", anchor)
        return renderer.renderToken(tokens, idx, options, env)

    md.add_render_rule("heading_open", heading_open)
    return md


def _sections(title: str, tokens) -> list[dict]:
    """Plain text grouped by heading: what search matches and points at."""
    sections = [{"anchor": "", "heading": title, "text": []}]
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3"):
            heading = tokens[index + 1].content
            sections.append({"anchor": anchor_for(heading), "heading": heading, "text": []})
        elif token.type == "inline" and not (index and tokens[index - 1].type == "heading_open"):
            text = "".join(child.content for child in token.children or [] if child.type in ("text", "code_inline"))
            sections[-1]["text"].append(text)
    return [{**s, "text": " ".join(s["text"]).strip()} for s in sections if s["text"] or s["anchor"]]


def _links(tokens) -> list[str]:
    return [child.attrs.get("href", "") for token in tokens if token.type == "inline"
            for child in token.children or [] if child.type == "link_open"]


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto", "tel"}, link_rel="noopener noreferrer")


def parse_article(path: Path) -> Article:
    raw = path.read_bytes()
    meta, body = _split_front_matter(raw.decode("utf-8"), path.name)
    md = _renderer()
    env = {"anchors": set(), "headings": [], "name": path.name}
    tokens = md.parse(body, env)
    html = sanitise(md.renderer.render(tokens, md.options, env))
    sources = meta["sources"] or []
    if not sources or not all({"organisation", "title", "url"} <= set(s) for s in sources):
        raise ArticleError(f"{path.name}: every source needs organisation, title and url")
    reviewed = meta["last_reviewed"]
    if not isinstance(reviewed, date):
        raise ArticleError(f"{path.name}: last_reviewed must be a date such as 2026-11-24")
    sections = _sections(meta["title"], tokens)
    return Article(slug=path.stem, title=str(meta["title"]), summary=str(meta["summary"]),
                   tags=[str(t) for t in meta["tags"]], last_reviewed=reviewed, order=int(meta["order"]),
                   sources=sources, html=html, headings=env["headings"], sections=sections,
                   links=_links(tokens), word_count=len(re.findall(r"\w+", " ".join(s["text"] for s in sections))),
                   revision=hashlib.sha256(raw).hexdigest()[:16])


def load_library(directory: Path) -> Library:
    return Library([parse_article(path) for path in sorted(Path(directory).glob("*.md"))])


def check_links(library: Library, app_routes: set[str]) -> list[str]:
    """Internal links that lead nowhere: a missing article or anchor, or an unknown app screen."""
    broken = []
    for article in library.articles:
        for href in article.links:
            if not href.startswith("/"):
                continue
            path, _, anchor = href.partition("#")
            if path.startswith("/articles/"):
                target = library.by_slug.get(path[len("/articles/"):])
                if target is None or (anchor and anchor not in {h["anchor"] for h in target.headings}):
                    broken.append(f"{article.slug}: {href}")
            elif path not in app_routes:
                broken.append(f"{article.slug}: {href}")
    return broken
