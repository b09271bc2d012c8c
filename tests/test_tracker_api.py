"""Tracker API: idempotent writes by id, last write wins, tombstones, change feed, privacy,
validation, summaries, export and import."""
import csv
import io
import uuid
from datetime import datetime, timedelta, timezone

import pytest

UTC = timezone.utc


def iso(dt):
    return dt.isoformat()


def stamp(minutes=0):
    return (datetime.now(UTC) + timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")


def water(amount=250, when=None, updated=None, deleted=False):
    when = when or datetime.now(timezone(timedelta(hours=1))).replace(microsecond=0) - timedelta(minutes=5)
    return {"kind": "water", "occurred_at": iso(when), "data": {"amount_ml": amount},
            "updated_at": updated or stamp(), "deleted": deleted}


def test_same_entry_sent_twice_is_stored_once(user_api):
    entry_id = str(uuid.uuid4())
    first = user_api.put(f"/api/entries/{entry_id}", water())
    assert first.status_code == 201
    assert first.headers["Location"].endswith(f"/api/entries/{entry_id}")
    again = user_api.put(f"/api/entries/{entry_id}", water())
    assert again.status_code == 200
    feed = user_api.get("/api/entries?since=0").get_json()
    assert [e["id"] for e in feed["entries"]] == [entry_id]


def test_databases_without_on_conflict_store_once_too(user_api, monkeypatch):
    """Other databases insert inside a savepoint and recognise the duplicate by its error."""
    from backend.tracker import store
    monkeypatch.setattr(store, "_INSERT_NEW", {})
    entry_id = str(uuid.uuid4())
    assert user_api.put(f"/api/entries/{entry_id}", water(250, updated=stamp(-2))).status_code == 201
    again = user_api.put(f"/api/entries/{entry_id}", water(500, updated=stamp(-1)))
    assert again.status_code == 200 and again.get_json()["data"]["amount_ml"] == 500
    feed = user_api.get("/api/entries?since=0").get_json()
    assert [e["id"] for e in feed["entries"]] == [entry_id]


def test_last_write_wins_and_older_edits_change_nothing(user_api):
    entry_id = str(uuid.uuid4())
    user_api.put(f"/api/entries/{entry_id}", water(250, updated=stamp(-10)))
    user_api.put(f"/api/entries/{entry_id}", water(500, updated=stamp(-1)))
    stale = user_api.put(f"/api/entries/{entry_id}", water(150, updated=stamp(-5)))
    assert stale.status_code == 200 and stale.get_json()["data"]["amount_ml"] == 500
    assert user_api.get(f"/api/entries/{entry_id}").get_json()["data"]["amount_ml"] == 500


def test_deletes_leave_tombstones_in_the_change_feed(user_api):
    entry_id = str(uuid.uuid4())
    user_api.put(f"/api/entries/{entry_id}", water(updated=stamp(-3)))
    cursor = user_api.get("/api/entries?since=0").get_json()["cursor"]
    deleted = user_api.delete(f"/api/entries/{entry_id}?updated_at={stamp(-1).replace('+', '%2B')}")
    assert deleted.status_code == 200 and deleted.get_json()["deleted"] is True
    feed = user_api.get(f"/api/entries?since={cursor}").get_json()
    assert [(e["id"], e["deleted"]) for e in feed["entries"]] == [(entry_id, True)]
    day = datetime.now(UTC).date()
    span = f"start={day - timedelta(days=3)}&end={day + timedelta(days=1)}"
    assert user_api.get(f"/api/entries/range?{span}").get_json()["entries"] == []


def test_change_feed_pages_with_a_cursor(user_api):
    ids = [str(uuid.uuid4()) for _ in range(5)]
    for entry_id in ids:
        user_api.put(f"/api/entries/{entry_id}", water())
    page = user_api.get("/api/entries?since=0&limit=2").get_json()
    seen = [e["id"] for e in page["entries"]]
    while page["more"]:
        page = user_api.get(f"/api/entries?since={page['cursor']}&limit=2").get_json()
        seen += [e["id"] for e in page["entries"]]
    assert seen == ids


def test_another_persons_entry_is_not_found(user_api, make_api):
    entry_id = str(uuid.uuid4())
    user_api.put(f"/api/entries/{entry_id}", water())
    other = make_api()
    other.sign_up()
    assert other.get(f"/api/entries/{entry_id}").status_code == 404
    assert other.put(f"/api/entries/{entry_id}", water(999, updated=stamp(1))).status_code == 404
    assert other.delete(f"/api/entries/{entry_id}?updated_at=2030-01-01T00:00:00Z").status_code == 404
    assert other.get("/api/entries?since=0").get_json()["entries"] == []
    assert user_api.get(f"/api/entries/{entry_id}").get_json()["data"]["amount_ml"] == 250


def test_signed_out_requests_are_refused(api):
    assert api.get("/api/entries?since=0").status_code == 401
    assert api.put(f"/api/entries/{uuid.uuid4()}", water()).status_code == 401


@pytest.mark.parametrize("body, field", [
    ({**water(), "data": {"amount_ml": -5}}, "entry.water.data.amount_ml"),
    ({**water(), "data": {"amount_ml": 10**9}}, "entry.water.data.amount_ml"),
    ({**water(), "data": {"amount_ml": "lots"}}, "entry.water.data.amount_ml"),
    ({**water(), "occurred_at": "2026-01-01T08:00:00"}, "entry.water.occurred_at"),
    ({**water(), "occurred_at": "1899-01-01T08:00:00+00:00"}, "entry.water.occurred_at"),
    ({**water(), "occurred_at": "3026-01-01T08:00:00+00:00"}, "entry.water.occurred_at"),
    ({**water(), "kind": "beer"}, "entry"),
    ({"kind": "twitch", "occurred_at": iso(datetime.now(UTC) - timedelta(hours=1)), "updated_at": stamp(),
      "data": {"location": "leg", "intensity": 9}}, "entry.twitch.data.intensity"),
    ({"kind": "sleep", "occurred_at": "2026-11-20T07:00:00+00:00", "updated_at": stamp(),
      "data": {"bedtime": "2026-11-20T08:00:00+00:00", "wake_time": "2026-11-20T07:00:00+00:00", "quality": 3}},
     "entry.sleep.data"),
])
def test_bad_values_give_a_clear_400_and_keep_what_was_saved(user_api, body, field):
    saved_id = str(uuid.uuid4())
    user_api.put(f"/api/entries/{saved_id}", water())
    response = user_api.put(f"/api/entries/{uuid.uuid4()}", body)
    assert response.status_code == 400
    payload = response.get_json()
    assert payload["message"] and any(key.startswith(field) for key in payload["fields"]), payload
    assert user_api.get(f"/api/entries/{saved_id}").status_code == 200


def test_bad_ids_and_kind_changes(user_api):
    assert user_api.put("/api/entries/not-a-uuid", water()).status_code == 400
    entry_id = str(uuid.uuid4())
    user_api.put(f"/api/entries/{entry_id}", water())
    coffee = {"kind": "caffeine", "occurred_at": water()["occurred_at"], "updated_at": stamp(1),
              "data": {"mg": 96, "drink": "brewed_coffee"}}
    assert user_api.put(f"/api/entries/{entry_id}", coffee).status_code == 409


def test_entry_keeps_the_offset_and_local_day_where_it_was_logged(user_api):
    tokyo = datetime.now(timezone(timedelta(hours=9))).replace(hour=0, minute=30, second=0, microsecond=0)
    tokyo -= timedelta(days=1)
    entry_id = str(uuid.uuid4())
    stored = user_api.put(f"/api/entries/{entry_id}", water(when=tokyo)).get_json()
    assert stored["occurred_at"] == tokyo.isoformat()
    assert stored["day"] == tokyo.date().isoformat()


def test_deleting_the_account_removes_its_entries(user_api, app):
    from sqlalchemy import func, select

    from backend.extensions import db
    from backend.tracker.models import Entry

    user_api.put(f"/api/entries/{uuid.uuid4()}", water())
    assert user_api.delete("/api/auth/account", {"password": "correct horse battery"}).status_code == 204
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Entry)) == 0


def test_export_and_import_round_trip_is_idempotent(user_api, make_api):
    for amount in (150, 250):
        user_api.put(f"/api/entries/{uuid.uuid4()}", water(amount))
    document = user_api.get("/api/export.json").get_json()
    assert len(document["entries"]) == 2
    rows = list(csv.DictReader(io.StringIO(user_api.get("/api/export.csv").get_data(as_text=True))))
    assert sorted(int(r["amount_ml"]) for r in rows) == [150, 250]
    again = user_api.post("/api/import", {"entries": document["entries"]})
    assert again.get_json() == {"created": 0, "updated": 0, "unchanged": 2}
    fresh = make_api()
    fresh.sign_up()
    assert fresh.post("/api/import", {"entries": document["entries"]}).status_code == 409
    mine = [{**e, "id": str(uuid.uuid4())} for e in document["entries"]]
    assert fresh.post("/api/import", {"entries": mine}).get_json()["created"] == 2
    assert fresh.post("/api/import", {"entries": mine}).get_json()["unchanged"] == 2


def test_import_with_a_bad_entry_imports_nothing(user_api):
    good = {**water(), "id": str(uuid.uuid4())}
    bad = {**water(-1), "id": str(uuid.uuid4())}
    response = user_api.post("/api/import", {"entries": [good, bad]})
    assert response.status_code == 400 and "entries.1" in response.get_json()["fields"]
    assert user_api.get("/api/entries?since=0").get_json()["entries"] == []


def test_goals_default_and_validate(user_api):
    goals = user_api.get("/api/goals").get_json()
    assert goals["caffeine_limit_mg"] == 400
    assert user_api.put("/api/goals", {"water_ml": -1}).status_code == 400
    assert user_api.put("/api/goals", {"water_ml": 3000}).get_json()["water_ml"] == 3000
    assert user_api.get("/api/goals").get_json()["water_ml"] == 3000


def test_day_summary_adds_up_the_day(user_api):
    zone = timezone(timedelta(hours=0))
    user_api.patch("/api/profile", {"time_zone": "UTC"})
    day = datetime.now(zone).date() - timedelta(days=1)
    base = datetime(day.year, day.month, day.day, 9, tzinfo=zone)
    for hours, amount in ((0, 250), (3, 500)):
        user_api.put(f"/api/entries/{uuid.uuid4()}", water(amount, when=base + timedelta(hours=hours)))
    user_api.put(f"/api/entries/{uuid.uuid4()}", {"kind": "caffeine", "occurred_at": iso(base), "updated_at": stamp(),
                                                  "data": {"mg": 96, "drink": "brewed_coffee"}})
    summary = user_api.get(f"/api/summary?date={day.isoformat()}").get_json()
    assert summary["water_ml"] == 750
    assert summary["caffeine_mg"] == 96
    history = user_api.get(f"/api/history?start={(day - timedelta(days=6)).isoformat()}&end={day.isoformat()}").get_json()
    assert len(history["days"]) == 7 and history["days"][-1]["water_ml"] == 750
    assert user_api.get("/api/history?start=2026-01-10&end=2026-01-01").status_code == 400
    assert user_api.get("/api/summary?date=yesterday").status_code == 400
