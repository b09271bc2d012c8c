"""Guided breathing in a real browser, with the page clock driven by the test."""


def test_a_finished_session_logs_itself(page):
    page.clock.install()
    page.goto("/breathe/resonance")
    page.get_by_role("heading", name="Resonance breathing").wait_for()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(2000)
    assert page.locator("#pacer-phase").inner_text() == "Breathe in"
    page.clock.run_for(4000)
    assert page.locator("#pacer-phase").inner_text() == "Breathe out"
    page.clock.run_for(300_000)
    page.get_by_text("Logged 5 minutes of breathing.").wait_for()
    entries = page.evaluate("globalThis.SteadyCore.idb.getAll('entries')")
    assert [(e["kind"], e["data"]["exercise"], e["data"]["duration_s"]) for e in entries] == [("breathing", "resonance", 300)]


def test_a_short_stop_logs_nothing(page):
    page.clock.install()
    page.goto("/breathe/box")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(10_000)
    page.get_by_role("button", name="Stop").click()
    page.get_by_text("Stopped before 30 seconds").wait_for()
    assert page.evaluate("globalThis.SteadyCore.idb.count('entries')") == 0


def test_reduced_motion_shows_words_without_the_moving_circle(browser, live_server):
    context = browser.new_context(base_url=live_server, reduced_motion="reduce")
    page = context.new_page()
    page.goto("/breathe/box")
    page.get_by_role("button", name="Start").click()
    page.get_by_text("Breathe in", exact=True).wait_for()
    assert not page.locator(".pacer").is_visible()
    context.close()
