"""The dispatcher against the push-service stand-in: the real Web Push protocol (pywebpush, VAPID,
aes128gcm), each occurrence once, retries, gone subscriptions, missed and skipped reminders."""
import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from backend.extensions import db
from backend.reminders import push
from backend.reminders.dispatcher import Dispatcher
from backend.reminders.models import PushSubscription, ReminderOccurrence

ROOT = Path(__file__).resolve().parent.parent
DUE = datetime(2026, 5, 4, 9, 0, tzinfo=timezone.utc)  # a Monday


def set_up_person(api, push_service, kind="breathing", **values):
    api.sign_up()
    api.patch("/api/profile", {"time_zone": "UTC"})
    subscription = push_service.new_subscription()
    assert api.post("/api/reminders/subscriptions", subscription).status_code == 201
    settings = {"enabled": True, "time": "09:00", **values}
    assert api.put(f"/api/reminders/settings/{kind}", settings).status_code == 200
    return subscription


def backdate_settings(app):
    """Pretend the reminders were switched on long ago (planning starts from that moment)."""
    from backend.reminders.models import ReminderSetting
    with app.app_context():
        for row in db.session.scalars(select(ReminderSetting)):
            row.active_since = DUE - timedelta(days=2)
        db.session.commit()


def run(app, now, worker_id=None, timeout=10.0):
    with app.app_context():
        dispatcher = Dispatcher(app.instance_path, worker_id=worker_id, timeout=timeout)
        try:
            return dispatcher.run_once(now)
        finally:
            dispatcher.close()


def statuses(app):
    with app.app_context():
        return sorted(db.session.scalars(select(ReminderOccurrence.status)))


def test_a_due_reminder_is_sent_once_with_the_real_protocol(app, api, push_service):
    subscription = set_up_person(api, push_service)
    backdate_settings(app)
    counts = run(app, DUE + timedelta(minutes=1))
    assert counts["sent"] == 1
    messages = push_service.messages_for(subscription)
    assert len(messages) == 1
    payload = messages[0]["payload"]
    assert payload["kind"] == "breathing" and payload["tag"] == "steady-breathing" and payload["url"] == "/breathe"
    assert {"action": "snooze", "title": "Snooze 30 min"} in payload["actions"]
    assert messages[0]["ttl"] == str(3 * 3600) and messages[0]["urgency"] == "normal"
    assert len(messages[0]["topic"]) <= 32 and messages[0]["claims"]["sub"].startswith("mailto:")
    # Later rounds, even much later, never send it again.
    run(app, DUE + timedelta(minutes=5))
    run(app, DUE + timedelta(hours=5))
    assert len(push_service.messages_for(subscription)) == 1
    assert statuses(app) == ["sent"]


def test_the_dispatcher_works_where_an_event_loop_is_already_running(app, api, push_service):
    """As in servers and tools that run asyncio in the thread that calls the dispatcher."""
    subscription = set_up_person(api, push_service)
    backdate_settings(app)

    async def dispatch_inside_a_running_loop():
        return run(app, DUE + timedelta(minutes=1))

    counts = {}
    # A thread of its own, so the loop started here is the only one in it.
    thread = threading.Thread(target=lambda: counts.update(asyncio.run(dispatch_inside_a_running_loop())))
    thread.start()
    thread.join(30)
    assert counts["sent"] == 1
    assert len(push_service.messages_for(subscription)) == 1


def test_hydration_has_a_log_water_action_in_the_persons_units(app, api, push_service):
    subscription = set_up_person(api, push_service, kind="hydration", window_start="09:00", window_end="09:30",
                                 interval_minutes=120)
    api.patch("/api/profile", {"units": "us"})
    backdate_settings(app)
    run(app, DUE + timedelta(minutes=1))
    actions = push_service.messages_for(subscription)[0]["payload"]["actions"]
    assert actions[0] == {"action": "log-water", "title": "+8 fl oz"}


@pytest.mark.parametrize("status", [404, 410])
def test_a_gone_subscription_is_removed(app, api, push_service, status):
    subscription = set_up_person(api, push_service)
    backdate_settings(app)
    push_service.answer_next(subscription, status)
    run(app, DUE + timedelta(minutes=1))
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PushSubscription)) == 0
    assert statuses(app) == ["failed"]


def test_429_is_retried_after_the_time_the_service_asks(app, api, push_service):
    subscription = set_up_person(api, push_service)
    backdate_settings(app)
    push_service.answer_next(subscription, 429, {"Retry-After": "120"})
    assert run(app, DUE + timedelta(minutes=1))["retry"] == 1
    assert run(app, DUE + timedelta(minutes=2)).get("sent", 0) == 0
    assert run(app, DUE + timedelta(minutes=3, seconds=1))["sent"] == 1
    assert len(push_service.messages_for(subscription)) == 1


def test_500_is_retried_with_backoff(app, api, push_service):
    subscription = set_up_person(api, push_service)
    backdate_settings(app)
    push_service.answer_next(subscription, 500, times=2)
    assert run(app, DUE + timedelta(minutes=1))["retry"] == 1
    assert run(app, DUE + timedelta(minutes=1, seconds=31))["retry"] == 1
    assert run(app, DUE + timedelta(minutes=3))["sent"] == 1


def test_a_push_service_slower_than_the_timeout_is_retried_and_arrives_once(app, api, push_service):
    subscription = set_up_person(api, push_service)
    backdate_settings(app)
    push_service.delay = 1.0
    assert run(app, DUE + timedelta(minutes=1), timeout=0.2)["retry"] == 1
    push_service.delay = 0
    assert run(app, DUE + timedelta(minutes=2))["sent"] == 1
    deadline = time.time() + 5
    while len(push_service.messages_for(subscription)) < 2 and time.time() < deadline:
        time.sleep(0.05)  # the slow copy still reaches the service after the dispatcher gave up on it
    assert len(push_service.messages_for(subscription)) == 2
    # Both copies carry the same Topic, so the device gets one.
    assert len(push_service.deliver(subscription)) == 1


@pytest.mark.parametrize("endpoint, proxies, expected", [
    ("https://push.example.com/p/1", {}, None),
    ("https://push.example.com/p/1", {"https": "http://proxy:3128"}, "http://proxy:3128"),
    ("https://push.example.com/p/1", {"all": "http://proxy:3128"}, "http://proxy:3128"),
    ("https://push.example.com/p/1", {"http": "http://proxy:3128"}, None),
    ("https://push.example.com/p/1", {"https": "http://proxy:3128", "no": "example.com"}, None),
    ("http://127.0.0.1:9000/p/1", {"http": "http://proxy:3128", "no": "127.0.0.1,localhost"}, None),
])
def test_the_proxy_for_a_push_service_follows_the_settings(endpoint, proxies, expected):
    assert push.proxy_for(endpoint, proxies) == expected


def test_an_occurrence_past_its_useful_window_is_missed_not_sent_late(app, api, push_service):
    subscription = set_up_person(api, push_service, kind="hydration", window_start="09:00", window_end="09:30")
    backdate_settings(app)
    counts = run(app, DUE + timedelta(hours=2))
    assert counts["missed"] == 1 and push_service.messages_for(subscription) == []
    assert statuses(app) == ["missed"]


def test_hydration_is_skipped_when_water_was_just_logged(app, api, push_service):
    subscription = set_up_person(api, push_service, kind="hydration", window_start="09:00", window_end="09:30")
    backdate_settings(app)
    api.put(f"/api/entries/{uuid.uuid4()}", {"kind": "water", "occurred_at": (DUE - timedelta(minutes=20)).isoformat(),
                                             "updated_at": DUE.isoformat(), "data": {"amount_ml": 250}})
    assert run(app, DUE + timedelta(minutes=1))["skipped"] == 1
    assert push_service.messages_for(subscription) == []


def test_the_test_reminder_arrives(api, push_service):
    subscription = set_up_person(api, push_service)
    response = api.post("/api/reminders/test")
    assert response.status_code == 200 and response.get_json()["sent"] == 1
    assert push_service.messages_for(subscription)[0]["payload"]["kind"] == "test"


def test_snooze_and_settings_validation(app, api, push_service):
    set_up_person(api, push_service)
    assert api.post("/api/reminders/snooze", {"kind": "breathing", "minutes": 30}).status_code == 200
    assert api.get("/api/reminders/settings").get_json()["breathing"]["snoozed_until"]
    assert api.put("/api/reminders/settings/breathing", {"time": "99:99"}).status_code == 400
    assert api.put("/api/reminders/settings/naps", {}).status_code == 404
    assert api.post("/api/reminders/subscriptions", {"endpoint": "ftp://x", "keys": {}}).status_code == 400


def test_two_dispatchers_at_once_send_each_occurrence_once(app, make_api, push_service):
    subscriptions = [set_up_person(make_api(), push_service) for _ in range(12)]
    backdate_settings(app)
    push_service.delay = 0.02
    threads = [threading.Thread(target=run, args=(app, DUE + timedelta(minutes=1), f"worker-{i}")) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [len(push_service.messages_for(s)) for s in subscriptions] == [1] * 12
    assert statuses(app) == ["sent"] * 12


def test_a_dispatcher_killed_mid_batch_and_restarted_sends_each_occurrence_once(app, make_api, push_service,
                                                                                    database_url, instance_dir):
    subscriptions = [set_up_person(make_api(), push_service) for _ in range(10)]
    backdate_settings(app)
    push_service.delay = 0.3
    script = ("import sys; from datetime import datetime; from backend import create_app; "
              "from backend.reminders.dispatcher import Dispatcher; app = create_app(instance_path=sys.argv[2]); "
              "ctx = app.app_context(); ctx.push(); "
              "print(Dispatcher(app.instance_path, concurrency=4).run_once(datetime.fromisoformat(sys.argv[1])))")
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "test", "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen([sys.executable, "-c", script, (DUE + timedelta(minutes=1)).isoformat(), instance_dir],
                             env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while len(push_service.received) < 4 and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.1)  # now in the middle of a send
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert 0 < len(push_service.received) < 10
    assert "sending" in statuses(app)
    push_service.delay = 0
    # The restarted dispatcher takes over the abandoned claims once they are stale.
    counts = run(app, DUE + timedelta(minutes=4))
    assert counts["sent"] >= 1
    assert statuses(app) == ["sent"] * 10
    # Each device gets each occurrence once: a resent copy replaced the undelivered one (same Topic).
    assert [len(push_service.deliver(s)) for s in subscriptions] == [1] * 10
