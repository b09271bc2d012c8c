"""Reminders in a real browser: a push delivered to the service worker through the DevTools
protocol shows a notification, and its "+250 mL" action logs water through the outbox."""
import json
import uuid

from browser_helpers import sign_up, wait_for_worker


def registration_id(page):
    session = page.context.new_cdp_session(page)
    found = []
    session.on("ServiceWorker.workerRegistrationUpdated",
               lambda event: found.extend(r["registrationId"] for r in event["registrations"] if not r["isDeleted"]))
    session.send("ServiceWorker.enable")
    for _ in range(50):
        if found:
            break
        page.wait_for_timeout(100)
    return session, found[0]


def test_a_pushed_reminder_logs_water_from_its_action(page, context, live_server):
    context.grant_permissions(["notifications"], origin=live_server)
    sign_up(page, f"push-{uuid.uuid4().hex[:8]}@example.com")
    wait_for_worker(page)
    session, reg_id = registration_id(page)
    payload = {"kind": "hydration", "title": "Time for some water", "body": "A glass now keeps you on track.",
               "tag": "steady-hydration", "url": "/log/water", "occurrence_key": "hydration:2026-05-04T09:00",
               "water_ml": 250, "actions": [{"action": "log-water", "title": "+250 mL"},
                                           {"action": "snooze", "title": "Snooze 30 min"}]}
    session.send("ServiceWorker.deliverPushMessage",
                 {"origin": live_server, "registrationId": reg_id, "data": json.dumps(payload)})
    notifications = []
    for _ in range(50):
        notifications = page.evaluate("""async () => (await (await navigator.serviceWorker.ready).getNotifications())
            .map((n) => ({ title: n.title, tag: n.tag, actions: n.actions.map((a) => a.title) }))""")
        if notifications:
            break
        page.wait_for_timeout(100)
    assert notifications == [{"title": "Time for some water", "tag": "steady-hydration", "actions": ["+250 mL", "Snooze 30 min"]}]
    # Tap "+250 mL": the service worker receives the notificationclick for that action.
    worker = context.service_workers[0]
    worker.evaluate("""async () => {
        const [notification] = await self.registration.getNotifications();
        self.dispatchEvent(new NotificationEvent('notificationclick', { notification, action: 'log-water' }));
    }""")
    for _ in range(50):
        stored = page.evaluate("""async () => (await fetch('/api/entries?since=0').then((r) => r.json())).entries""")
        if stored:
            break
        page.wait_for_timeout(100)
    assert [(e["kind"], e["data"]["amount_ml"]) for e in stored] == [("water", 250)]
    # The same occurrence pushed again (a retried send) replaces the notification, never doubles it.
    session.send("ServiceWorker.deliverPushMessage",
                 {"origin": live_server, "registrationId": reg_id, "data": json.dumps(payload)})
    page.wait_for_timeout(500)
    count = page.evaluate("async () => (await (await navigator.serviceWorker.ready).getNotifications()).length")
    assert count <= 1


def test_reminder_settings_screen_saves_a_kind(page):
    sign_up(page, f"settings-{uuid.uuid4().hex[:8]}@example.com")
    page.goto("/reminders")
    form = page.locator('form[data-kind="breathing"]')
    form.get_by_label("Remind me").check()
    form.get_by_label("At", exact=True).fill("07:45")
    form.get_by_role("button", name="Save").click()
    form.get_by_text("Saved.").wait_for()
    settings = page.evaluate("fetch('/api/reminders/settings').then((r) => r.json())")
    assert settings["breathing"]["enabled"] is True and settings["breathing"]["time"] == "07:45"
