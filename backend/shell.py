"""The app shell: index page for every client route, the manifest, and a service worker whose
precache list carries a content hash per file (so any change to an asset makes a new worker)."""
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, send_from_directory

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend"

bp = Blueprint("shell", __name__)

# First path segment of every screen the app routes on the client.
CLIENT_ROUTES = {"", "log", "breathe", "history", "insights", "check", "doctor-summary", "articles",
                 "search", "reminders", "settings", "signin", "signup", "account"}
# Files that are not part of the offline shell (sources of generated assets, notes).
NOT_PRECACHED = {".py", ".md", ".txt"}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _asset_files() -> list[tuple[str, Path]]:
    files = [("/", FRONTEND / "index.html"), ("/manifest.json", ROOT / "manifest.json")]
    for path in sorted(FRONTEND.rglob("*")):
        if path.is_file() and path.suffix not in NOT_PRECACHED and path.name != "index.html":
            files.append(("/static/" + path.relative_to(FRONTEND).as_posix(), path))
    return files


def _extra_precache() -> list[dict]:
    """Entries other features add (article pages, rules) through app.config['PRECACHE_PROVIDERS']."""
    entries: list[dict] = []
    for provider in current_app.config.get("PRECACHE_PROVIDERS", []):
        entries.extend(provider())
    return entries


def precache_manifest() -> list[dict]:
    return [{"url": url, "revision": _digest(path.read_bytes())} for url, path in _asset_files()] + \
        _extra_precache()


def worker_source() -> str:
    entries = precache_manifest()
    version = _digest(json.dumps(entries, sort_keys=True).encode())
    header = (f"self.STEADY_VERSION = {json.dumps(version)};\n"
              f"self.STEADY_PRECACHE = {json.dumps(entries)};\n")
    return header + (ROOT / "service-worker.js").read_text()


@lru_cache(maxsize=1)
def _index_html_cached(mtime: float) -> bytes:
    return (FRONTEND / "index.html").read_bytes()


def index_response(status: int = 200) -> Response:
    path = FRONTEND / "index.html"
    response = Response(_index_html_cached(path.stat().st_mtime), status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/service-worker.js")
def service_worker():
    response = Response(worker_source(), mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@bp.get("/manifest.json")
def manifest():
    response = send_from_directory(ROOT, "manifest.json", mimetype="application/manifest+json")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/favicon.ico")
def favicon():
    return send_from_directory(FRONTEND / "icons", "favicon.png", mimetype="image/png")


@bp.get("/")
def home():
    return index_response()


@bp.get("/<path:path>")
def client_route(path: str):
    if "." in path.rsplit("/", 1)[-1] or path.startswith(("api/", "static/")):
        abort(404)  # a missing file or API route, not a screen
    first = path.split("/", 1)[0]
    # Unknown screens still get the shell (with 404), so the app can show its own "not found" page.
    return index_response(200 if first in CLIENT_ROUTES else 404)
