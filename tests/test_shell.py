"""The app shell: client routes, manifest, and a service worker that changes when any asset does."""
import json
import re

from backend import shell


def _precache(response_text: str) -> list[dict]:
    match = re.search(r"self\.STEADY_PRECACHE = (\[.*?\]);\n", response_text)
    return json.loads(match.group(1))


def test_client_routes_serve_the_shell(api):
    for path in ["/", "/settings", "/signin", "/articles/faq", "/log/water"]:
        response = api.get(path)
        assert response.status_code == 200
        assert b'<main id="main"' in response.data
    assert api.get("/no-such-page").status_code == 404


def test_manifest_is_complete(api):
    response = api.get("/manifest.json")
    assert response.mimetype == "application/manifest+json"
    manifest = response.get_json(force=True)
    for key in ["name", "short_name", "description", "id", "start_url", "scope", "display",
                "theme_color", "background_color", "icons", "shortcuts"]:
        assert manifest[key], key
    assert manifest["display"] == "standalone" and manifest["scope"] == "/"
    purposes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")} <= purposes
    for icon in manifest["icons"]:
        assert api.get(icon["src"]).status_code == 200


def test_service_worker_lists_every_asset_with_its_hash(api):
    response = api.get("/service-worker.js")
    assert response.headers["Service-Worker-Allowed"] == "/"
    assert response.headers["Cache-Control"] == "no-cache"
    entries = _precache(response.get_data(as_text=True))
    urls = {entry["url"] for entry in entries}
    assert {"/", "/manifest.json", "/static/js/app.js", "/static/css/app.css"} <= urls
    for entry in entries:
        assert re.fullmatch(r"[0-9a-f]{16}", entry["revision"])
        assert api.get(entry["url"]).status_code == 200, entry["url"]


def test_changing_an_asset_changes_the_worker(api, monkeypatch, tmp_path):
    before = api.get("/service-worker.js").get_data(as_text=True)
    css = tmp_path / "app.css"
    css.write_text("body { color: red; }")
    original = shell._asset_files

    def patched():
        return [(url, css if url == "/static/css/app.css" else path) for url, path in original()]

    monkeypatch.setattr(shell, "_asset_files", patched)
    after = api.get("/service-worker.js").get_data(as_text=True)
    version = re.compile(r'STEADY_VERSION = "([0-9a-f]+)"')
    assert version.search(before).group(1) != version.search(after).group(1)


def test_shell_is_compressed(api):
    response = api.get("/static/js/app.js", headers={"Accept-Encoding": "br, gzip"})
    assert response.headers.get("Content-Encoding") in {"br", "gzip"}
