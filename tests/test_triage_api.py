"""Triage API: rules served, checks stored once, the level the log gives, responses remembered."""
import uuid
from datetime import datetime, timedelta, timezone


def now_iso():
    return datetime.now(timezone.utc).isoformat()


def twitch(api, days_ago, location="leg", answers=None):
    when = (datetime.now(timezone.utc) - timedelta(days=days_ago)).replace(microsecond=0)
    body = {"kind": "twitch", "occurred_at": when.isoformat(), "updated_at": now_iso(),
            "data": {"location": location, "intensity": 2, "answers": answers or {}}}
    assert api.put(f"/api/entries/{uuid.uuid4()}", body).status_code == 201


def test_rules_are_public_and_cacheable(api):
    response = api.get("/api/triage/rules")
    assert response.status_code == 200 and "findings" in response.get_json()
    assert api.get("/api/triage/rules", headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
    assert '"/api/triage/rules"' in api.get("/service-worker.js").get_data(as_text=True)


def test_a_check_is_stored_once_and_gives_the_level(user_api):
    user_api.patch("/api/profile", {"time_zone": "UTC"})
    check_id = str(uuid.uuid4())
    body = {"id": check_id, "answers": {"speech_swallowing": True, "weakness": False}, "checked_at": now_iso()}
    first = user_api.post("/api/triage/checks", body)
    assert first.status_code == 201 and first.get_json()["level"] == "emergency"
    assert first.get_json()["reasons"] == ["You said you have slurred speech or trouble swallowing."]
    assert user_api.post("/api/triage/checks", body).status_code == 200
    assert len(user_api.get("/api/triage/checks").get_json()["checks"]) == 1


def test_bad_checks_are_refused(user_api):
    bad = user_api.post("/api/triage/checks", {"id": "nope", "answers": {"itchy": True}, "checked_at": "2026-01-01"})
    assert bad.status_code == 400
    fields = set(bad.get_json()["fields"])
    assert {"id", "checked_at"} <= fields and any(f.startswith("answers.itchy") for f in fields), fields


def test_the_log_raises_the_level_and_responses_are_remembered(user_api):
    user_api.patch("/api/profile", {"time_zone": "UTC"})
    assert user_api.get("/api/triage/status").get_json()["level"] == "self_care"
    for days_ago in range(0, 21, 1):
        if days_ago % 3 != 1:
            twitch(user_api, days_ago)
    status = user_api.get("/api/triage/status").get_json()
    assert status["level"] == "see_doctor"
    assert [f["id"] for f in status["open_findings"]] == ["lasting"]
    assert user_api.put("/api/triage/responses/lasting", {"action": "seen_doctor"}).status_code == 200
    after = user_api.get("/api/triage/status").get_json()
    assert after["open_findings"] == [] and after["responses"] == {"lasting": "seen_doctor"}
    assert user_api.put("/api/triage/responses/unknown", {"action": "dismissed"}).status_code == 404
    assert user_api.put("/api/triage/responses/lasting", {"action": "ignore"}).status_code == 400


def test_checks_are_private(user_api, make_api):
    check_id = str(uuid.uuid4())
    user_api.post("/api/triage/checks", {"id": check_id, "answers": {}, "checked_at": now_iso()})
    other = make_api()
    other.sign_up()
    assert other.get("/api/triage/checks").get_json()["checks"] == []
    assert other.post("/api/triage/checks", {"id": check_id, "answers": {}, "checked_at": now_iso()}).status_code == 404
