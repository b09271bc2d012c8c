"""The shell in a real browser: accounts through the screens, install, offline, updates, layout, a11y."""
import uuid

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_helpers import sign_up, wait_for_worker

SCREENS = ["/", "/signin", "/signup", "/settings", "/no-such-screen-here", "/articles",
           "/articles/when-to-see-a-doctor", "/articles/caffeine-sleep-and-water", "/search?q=caffeine",
           "/log/water", "/log/caffeine", "/log/sleep", "/log/twitch", "/history", "/history?span=month",
           "/insights", "/settings/goals", "/settings/data", "/breathe", "/breathe/box", "/check",
           "/doctor-summary", "/reminders"]


def new_email():
    return f"robin-{uuid.uuid4().hex[:8]}@example.com"


def test_sign_up_sign_out_and_sign_in_through_the_screens(page):
    email = new_email()
    sign_up(page, email)
    page.goto("/settings")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/")
    page.get_by_role("heading", name="Today").wait_for()
    page.goto("/signin?next=/settings")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("That email and password do not match an account.").wait_for()
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/settings")
    page.get_by_text(f"Signed in as {email}").wait_for()


def test_a_first_visit_signed_out_logs_no_errors(page):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/")
    page.get_by_role("heading", name="Today").wait_for()
    wait_for_worker(page)
    page.goto("/articles")
    page.get_by_role("heading", name="Learn about muscle twitches").wait_for()
    page.locator(".loading").wait_for(state="detached")
    assert errors == []


def test_a_screen_never_saved_on_the_device_says_so_offline(browser, live_server):
    """With no service worker yet (a first visit cut short), a screen not loaded before the
    connection went cannot open; the person is told why and how to get back."""
    context = browser.new_context(base_url=live_server, service_workers="block")
    page = context.new_page()
    page.goto("/")
    page.get_by_role("heading", name="Today").wait_for()
    context.set_offline(True)
    page.evaluate("() => { history.pushState(null, '', '/insights'); dispatchEvent(new PopStateEvent('popstate')); }")
    page.get_by_role("heading", name="This screen could not be opened").wait_for()
    page.get_by_role("link", name="Go to Today").click()
    page.get_by_role("heading", name="Today").wait_for()
    context.close()


def test_sign_in_ignores_a_next_pointing_elsewhere(page):
    email = new_email()
    sign_up(page, email)
    page.goto("/settings")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/")
    page.goto("/signin?next=//evil.example/steal")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    assert page.url.startswith(page.context.pages[0].url.split("/signin")[0])
    assert "evil" not in page.url


def test_profile_defaults_come_from_the_browser_and_can_be_changed(browser, live_server):
    context = browser.new_context(base_url=live_server, locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    sign_up(page, new_email())
    page.goto("/settings")
    assert page.get_by_label("Emergency phone number").input_value() == "999"
    assert page.get_by_label("Time zone").input_value() == "Europe/London"
    page.get_by_label("Emergency phone number").fill("112")
    page.get_by_role("button", name="Save profile").click()
    page.get_by_text("Saved.").wait_for()
    page.reload()
    assert page.get_by_label("Emergency phone number").input_value() == "112"
    context.close()


def test_manifest_has_no_installability_errors(persistent_context):
    page = persistent_context.new_page()
    page.goto("/")
    wait_for_worker(page)
    session = page.context.new_cdp_session(page)
    result = session.send("Page.getInstallabilityErrors")
    assert result["installabilityErrors"] == []


def test_offline_reload_and_deep_links_still_work(page, context):
    page.goto("/")
    wait_for_worker(page)
    page.reload()
    context.set_offline(True)
    page.reload()
    page.get_by_role("heading", name="Today").wait_for()
    assert page.locator("#offline-banner").is_visible()
    page.goto("/settings")
    page.get_by_role("heading", name="Settings").wait_for()
    page.get_by_role("link", name="Today").click()
    page.wait_for_url("**/")
    page.go_back()
    page.get_by_role("heading", name="Settings").wait_for()
    context.set_offline(False)
    page.locator("#offline-banner").wait_for(state="hidden")


def test_new_version_is_offered_not_forced(page, extra_precache):
    page.goto("/")
    wait_for_worker(page)
    first = page.evaluate("navigator.serviceWorker.controller.scriptURL")
    assert page.locator("#update-banner").is_hidden()
    extra_precache.build += 1
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    page.get_by_text("A new version is ready.").wait_for()
    page.wait_for_timeout(300)
    assert page.evaluate("!!navigator.serviceWorker.controller") and page.url.endswith("/")
    with page.expect_navigation():
        page.get_by_role("button", name="Reload").click()
    page.get_by_role("heading", name="Today").wait_for()
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == first
    assert page.locator("#update-banner").is_hidden()


@pytest.mark.parametrize("path", SCREENS)
def test_no_horizontal_scrolling_at_360px(browser, live_server, path):
    context = browser.new_context(base_url=live_server, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(path)
    page.locator("main h1").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screens_have_no_accessibility_violations(browser, live_server, scheme):
    context = browser.new_context(base_url=live_server, color_scheme=scheme)
    page = context.new_page()
    axe = Axe()
    sign_up(page, new_email())
    problems = {}
    for path in SCREENS:
        page.goto(path)
        page.locator("main h1").wait_for()
        results = axe.run(page)
        if results.violations_count:
            problems[path] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    page.goto("/settings")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/")
    for path in ["/", "/settings"]:
        page.goto(path)
        page.locator("main h1").wait_for()
        results = axe.run(page)
        if results.violations_count:
            problems[f"{path} (signed out)"] = [v["id"] for v in results.response["violations"]]
    context.close()
    assert problems == {}
