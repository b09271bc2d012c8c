"""Red flags in a real browser: emergency advice with no network, and the log raising the level."""
import uuid

from browser_helpers import sign_up, wait_for_worker


def test_offline_trouble_swallowing_shows_the_emergency_screen(page, context):
    sign_up(page, f"flag-{uuid.uuid4().hex[:8]}@example.com")
    page.goto("/")
    wait_for_worker(page)
    context.set_offline(True)
    page.goto("/log/twitch")
    page.get_by_label("Leg").check()
    page.get_by_label("Do you have slurred speech or trouble swallowing?").check()
    page.get_by_role("button", name="Save twitch").click()
    page.get_by_role("heading", name="Call for emergency help now").wait_for()
    call = page.get_by_role("link", name="Call 999 now")
    assert call.get_attribute("href") == "tel:999"
    assert page.get_by_text("You said you have slurred speech or trouble swallowing.").is_visible()
    assert page.locator('a[href="/articles/when-to-see-a-doctor#speech-or-swallowing-problems"]').count() >= 1
    # Changing the answer changes the advice.
    page.get_by_label("Do you have slurred speech or trouble swallowing?").uncheck()
    page.get_by_role("heading", name="Look after yourself at home").wait_for()
    page.get_by_label("Does the twitching area feel weak, or have you lost strength?").check()
    page.get_by_role("heading", name="Book an appointment with a doctor").wait_for()


def test_twitches_over_three_weeks_bring_see_a_doctor_to_today(page):
    page.goto("/")
    page.evaluate("""async () => {
        const core = globalThis.SteadyCore;
        const days = [0, 1, 2, 4, 5, 7, 8, 9, 11, 12, 14, 15, 17, 19, 20];
        for (const back of days) {
            const d = new Date(Date.now() - back * 86400000);
            const day = d.toISOString().slice(0, 10);
            await core.saveEntry({ id: crypto.randomUUID(), kind: 'twitch', occurred_at: `${day}T12:00:00+00:00`,
                data: { location: 'leg', intensity: 2 }, updated_at: new Date().toISOString(), deleted: false });
        }
    }""")
    page.reload()
    banner = page.locator(".banner-flag")
    banner.get_by_role("heading", name="Book an appointment with a doctor").wait_for()
    assert "Your log shows twitching on days spread over more than 2 weeks." in banner.inner_text()
    banner.get_by_role("button", name="Dismiss").click()
    banner.get_by_role("heading").wait_for(state="detached")
    page.reload()
    page.get_by_role("heading", name="Water").wait_for()
    assert page.locator(".banner-flag").count() == 0


def test_doctor_summary_lists_twitches_with_answers(page):
    page.goto("/log/twitch")
    page.get_by_label("Eyelid").check()
    page.get_by_label("Do you have numbness, tingling or pins and needles?").check()
    page.get_by_role("button", name="Save twitch").click()
    page.get_by_role("heading", name="Book an appointment with a doctor").wait_for()
    page.goto("/doctor-summary")
    page.get_by_role("heading", name="Twitches (1)").wait_for()
    row = page.locator("tbody tr").first.inner_text()
    assert "eyelid" in row and "numbness" in row


def test_every_advice_level_is_accessible_in_light_and_dark(browser, live_server):
    from axe_playwright_python.sync_playwright import Axe

    for scheme in ("light", "dark"):
        context = browser.new_context(base_url=live_server, color_scheme=scheme, locale="en-GB")
        page = context.new_page()
        page.goto("/check")
        for label, heading in [("Has your control of your bladder or bowels changed?", "See a doctor within 24 hours"),
                               ("Are you finding it hard to breathe?", "Call for emergency help now")]:
            page.get_by_label(label).check()
            page.get_by_role("heading", name=heading).wait_for()
            results = Axe().run(page)
            assert results.violations_count == 0, (scheme, heading, [v["id"] for v in results.response["violations"]])
        context.close()
