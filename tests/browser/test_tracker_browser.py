"""The tracker offline-first in a real browser: nothing lost, nothing doubled."""
import uuid

from browser_helpers import sign_up, wait_for_worker


def server_entries(page):
    """What the server holds for the signed-in person, fetched from the page (same cookie)."""
    return page.evaluate("""async () => {
        let all = [], since = 0;
        for (;;) {
            const r = await fetch(`/api/entries?since=${since}&limit=500`, { credentials: 'same-origin' });
            const body = await r.json();
            all = all.concat(body.entries);
            since = body.cursor;
            if (!body.more) return all;
        }
    }""")


def wait_for_outbox_empty(page):
    page.evaluate("""async () => {
        for (let i = 0; i < 300; i += 1) {
            if ((await globalThis.SteadyCore.pendingCount()) === 0) return;
            await globalThis.SteadyCore.flush({ ignoreBackoff: true });
            await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error('outbox did not empty');
    }""")


def test_three_entries_logged_offline_reach_the_server_exactly_once(page, context):
    sign_up(page, f"offline-{uuid.uuid4().hex[:8]}@example.com")
    wait_for_worker(page)
    page.goto("/log/water")
    context.set_offline(True)
    for amount, total in (("150", "150 mL"), ("250", "400 mL"), ("500", "900 mL")):
        page.get_by_role("button", name=f"+{amount} mL").click()
        page.locator("#water-total", has_text=total).wait_for()
    page.reload()
    page.get_by_text("Today so far:").wait_for()
    page.get_by_text("900 mL").wait_for()
    assert page.evaluate("globalThis.SteadyCore.pendingCount()") == 3
    context.set_offline(False)
    wait_for_outbox_empty(page)
    entries = server_entries(page)
    assert sorted(e["data"]["amount_ml"] for e in entries) == [150, 250, 500]
    assert len({e["id"] for e in entries}) == 3


def test_a_dropped_connection_mid_sync_loses_and_doubles_nothing(page, context, live_app):
    sign_up(page, f"bulk-{uuid.uuid4().hex[:8]}@example.com")
    page.goto("/log/water")
    page.get_by_text("Today so far:").wait_for()
    context.set_offline(True)
    page.evaluate("""async () => {
        const core = globalThis.SteadyCore;
        for (let i = 0; i < 200; i += 1) {
            await core.saveEntry({ id: crypto.randomUUID(), kind: 'water',
                occurred_at: new Date(Date.now() - i * 60000).toISOString().slice(0, 19) + '+00:00',
                data: { amount_ml: 100 + i }, updated_at: new Date().toISOString(), deleted: false });
        }
    }""")
    # The connection drops in the middle of the sync: after 60 entries have gone, every further
    # request fails at the network level (as when a phone loses signal).
    passed = []

    def cut_after_sixty(route):
        if route.request.method == "PUT" and len(passed) < 60:
            passed.append(route.request.url)
            route.continue_()
        elif route.request.method == "PUT":
            route.abort("internetdisconnected")
        else:
            route.continue_()

    context.route("**/api/entries/*", cut_after_sixty)  # the service worker's Background Sync too
    context.set_offline(False)  # the app starts sending on its own when the network returns
    page.evaluate("globalThis.SteadyCore.flush({ ignoreBackoff: true })")
    page.evaluate("globalThis.SteadyCore.flush({ ignoreBackoff: true })")
    waiting = page.evaluate("globalThis.SteadyCore.pendingCount()")
    sent = {url.rsplit("/", 1)[1] for url in passed}
    assert 0 < len(sent) <= 60 and waiting == 200 - len(sent)
    context.unroute("**/api/entries/*")
    wait_for_outbox_empty(page)
    entries = server_entries(page)
    assert len(entries) == 200
    assert sorted(e["data"]["amount_ml"] for e in entries) == list(range(100, 300))


def test_a_refused_entry_is_shown_and_kept(page):
    sign_up(page, f"refused-{uuid.uuid4().hex[:8]}@example.com")
    page.goto("/")
    result = page.evaluate("""async () => {
        const core = globalThis.SteadyCore;
        await core.saveEntry({ id: crypto.randomUUID(), kind: 'water', occurred_at: '1890-01-01T08:00:00+00:00',
            data: { amount_ml: 250 }, updated_at: new Date().toISOString(), deleted: false });
        return core.flush({ ignoreBackoff: true });
    }""")
    assert result["rejected"] == 1
    items = page.evaluate("globalThis.SteadyCore.rejectedItems()")
    assert items[0]["error"]["status"] == 400 and "too far" in str(items[0]["error"]["fields"])
    assert page.evaluate("globalThis.SteadyCore.idb.count('entries')") == 1


def test_entries_made_before_an_account_are_uploaded_on_sign_up(page):
    page.goto("/log/water")
    page.get_by_role("button", name="+250 mL").click()
    page.locator("#water-total", has_text="250 mL").wait_for()
    sign_up(page, f"later-{uuid.uuid4().hex[:8]}@example.com")
    wait_for_outbox_empty(page)
    assert [e["data"]["amount_ml"] for e in server_entries(page)] == [250]


def test_a_second_device_catches_up_including_deletions(browser, live_server, page):
    email = f"two-{uuid.uuid4().hex[:8]}@example.com"
    sign_up(page, email)
    page.goto("/log/water")
    page.get_by_role("button", name="+500 mL").click()
    page.locator("#water-total", has_text="500 mL").wait_for()
    wait_for_outbox_empty(page)
    other = browser.new_context(base_url=live_server).new_page()
    other.goto("/signin")
    other.get_by_label("Email").fill(email)
    other.get_by_label("Password").fill("correct horse battery")
    other.get_by_role("button", name="Sign in").click()
    other.wait_for_url("**/")
    other.goto("/log/water")
    other.get_by_text("500 mL").first.wait_for()
    page.get_by_role("button", name="Undo").click()
    page.get_by_text("Removed.").wait_for()
    wait_for_outbox_empty(page)
    other.reload()
    other.evaluate("globalThis.SteadyCore.pull()")
    other.reload()
    other.get_by_text("Today so far:").wait_for()
    assert other.locator("#water-total").inner_text() == "0 mL"
    other.context.close()


def test_history_edit_and_delete_an_entry(page):
    page.goto("/log/caffeine")
    page.get_by_label("Espresso").check()
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Saved 63 mg of caffeine.").wait_for()
    page.goto("/history")
    row = page.locator(".entry-row", has_text="Espresso, 63 mg")
    row.get_by_role("link", name="Edit").click()
    page.get_by_label("Caffeine (mg)").fill("80")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/history")
    page.locator(".entry-row", has_text="Espresso, 80 mg").get_by_role("link", name="Edit").click()
    page.get_by_role("button", name="Delete this entry").click()
    page.wait_for_url("**/history")
    page.get_by_text("Nothing logged in this period yet.").wait_for()


def test_importing_the_same_file_twice_changes_nothing(page, tmp_path):
    import json
    entry = {"id": str(uuid.uuid4()), "kind": "water", "occurred_at": "2026-11-20T09:00:00+00:00",
             "data": {"amount_ml": 300}, "updated_at": "2026-11-20T09:00:01.000Z", "deleted": False}
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "steady-export", "version": 1, "entries": [entry]}))
    page.goto("/settings/data")
    page.get_by_label("Steady export file (.json)").set_input_files(str(path))
    page.get_by_text("Imported: 1 new, 0 updated, 0 already here.").wait_for()
    page.get_by_label("Steady export file (.json)").set_input_files([])
    page.get_by_label("Steady export file (.json)").set_input_files(str(path))
    page.get_by_text("Imported: 0 new, 0 updated, 1 already here.").wait_for()
    assert page.evaluate("globalThis.SteadyCore.idb.count('entries')") == 1


def test_goals_change_what_today_measures(page):
    page.goto("/settings/goals")
    page.get_by_label("Water from drinks each day (mL)").fill("1000")
    page.get_by_role("button", name="Save goals").click()
    page.get_by_text("Saved.").wait_for()
    page.goto("/log/water")
    page.get_by_role("button", name="+500 mL").click()
    page.locator("#water-total", has_text="500 mL").wait_for()
    page.get_by_role("button", name="+500 mL").click()
    page.locator("#water-total", has_text="1 L").wait_for()
    page.goto("/")
    page.get_by_text("of 1 L · goal met").wait_for()
