"""Browser fixtures: the real app served on 127.0.0.1 and Debian's Chromium driven by Playwright.

Chromium is never downloaded: it is /usr/bin/chromium or $STEADY_CHROMIUM. Without it the browser
tests are skipped on a developer machine and fail under CI=true.
"""
import os
import threading

import pytest
from flask_migrate import upgrade
from werkzeug.serving import make_server

from backend import create_app

CHROMIUM = os.environ.get("STEADY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class ExtraPrecache:
    """Lets a test change what the service worker precaches, as a new deployment would."""

    def __init__(self):
        self.build = 0

    def __call__(self):
        return [{"url": f"/static/icons/icon.svg?build={self.build}", "revision": f"{self.build:016x}"}]


@pytest.fixture(scope="session")
def extra_precache():
    return ExtraPrecache()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory, extra_precache):
    folder = tmp_path_factory.mktemp("live")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'live.sqlite3'}",
                      "REMINDERS_WORKER": False, "PRECACHE_PROVIDERS": [extra_precache],
                      "SIGN_IN_LIMIT_PER_CLIENT": 1000},
                     instance_path=str(folder / "instance"))
    with app.app_context():
        upgrade(revision="heads")
    return app


@pytest.fixture(scope="session")
def live_server(live_app):
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def playwright():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI but missing at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def persistent_context(playwright, live_server, tmp_path):
    """A profile on disk (not incognito), as an installed app would have."""
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
        base_url=live_server)
    yield context
    context.close()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                  service_workers="allow", locale="en-GB", timezone_id="Europe/London")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    assert not errors, f"JavaScript errors: {errors}"
