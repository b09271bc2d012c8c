"""Tracker API: entries (idempotent by id, change feed for other devices), goals, summaries,
history, insights, export and import. Each person only ever sees their own entries."""
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, jsonify, request, url_for
from flask_login import current_user, login_required
from pydantic import BaseModel, Field, ValidationError

from ..api import ApiError, documented, json_body, query_args
from ..api.validation import parse_model
from ..extensions import db
from ..timeutil import now_utc
from . import exchange, store
from .goals import Goals
from .insights import compute_insights
from .models import GoalSettings
from .schemas import ChangesQuery, DayQuery, EntryIn, RangeQuery, valid_entry_id
from .summary import day_summary, range_summaries, streaks

bp = Blueprint("tracker", __name__, url_prefix="/api")


class DeleteQuery(BaseModel):
    updated_at: datetime


class InsightsQuery(BaseModel):
    days: int = Field(default=60, ge=7, le=365)


class ImportBody(BaseModel):
    entries: list[dict] = Field(max_length=100_000)


def _entry_id(raw: str) -> str:
    try:
        return valid_entry_id(raw)
    except ValueError:
        raise ApiError(400, "invalid_id", "Entry ids are UUIDs made on the device.", {"id": "Not a UUID."})


def _not_found():
    return ApiError(404, "not_found", "There is no such entry.")


def _zone() -> ZoneInfo:
    return ZoneInfo(current_user.time_zone)


def _today() -> date:
    return now_utc().astimezone(_zone()).date()


def _goals() -> Goals:
    row = current_user.goal_settings  # loaded together with the user
    return Goals.from_dict(row.values if row else {})


def _plain(entries) -> list[dict]:
    return [store.to_json(entry) for entry in entries]


@bp.get("/entries")
@documented("Changes since a cursor (including deletions), for catching up another device", tag="tracker")
@login_required
@query_args(ChangesQuery)
def changes(query: ChangesQuery):
    rows = store.changes_since(current_user.id, query.since, query.limit + 1)
    more = len(rows) > query.limit
    rows = rows[:query.limit]
    cursor = rows[-1].change_seq if rows else query.since
    return {"entries": _plain(rows), "cursor": cursor, "more": more}


@bp.get("/entries/range")
@documented("Entries whose local day falls between start and end (inclusive)", tag="tracker")
@login_required
@query_args(RangeQuery)
def entries_in_range(query: RangeQuery):
    return {"entries": store.between(current_user.id, query.start, query.end)}


@bp.get("/entries/<entry_id>")
@documented("One entry", tag="tracker")
@login_required
def get_entry(entry_id: str):
    try:
        return store.to_json(store.get(current_user.id, _entry_id(entry_id)))
    except store.NotYours:
        raise _not_found()


@bp.put("/entries/<entry_id>")
@documented("Create or update an entry by its device-made id (safe to resend)", tag="tracker",
            description="201 when created, 200 when it already existed. An edit with an older "
                        "updated_at than the stored one changes nothing (last write wins).")
@login_required
@json_body(EntryIn)
def put_entry(entry_id: str, body: EntryIn):
    entry_id = _entry_id(entry_id)
    if body.entry.id is not None and body.entry.id.lower() != entry_id:
        raise ApiError(400, "id_mismatch", "The id in the body differs from the id in the address.",
                       {"id": "Must match the address."})
    try:
        entry, created, _changed = store.upsert(current_user.id, entry_id, body.entry)
    except store.NotYours:
        raise _not_found()
    except store.KindChanged:
        raise ApiError(409, "kind_changed", "An entry cannot change its kind.", {"kind": "Differs from the stored entry."})
    response = jsonify(store.to_json(entry))
    if created:
        response.status_code = 201
        response.headers["Location"] = url_for("tracker.get_entry", entry_id=entry.id)
    return response


@bp.delete("/entries/<entry_id>")
@documented("Delete an entry (kept as a tombstone so other devices delete it too)", tag="tracker")
@login_required
@query_args(DeleteQuery)
def delete_entry(entry_id: str, query: DeleteQuery):
    try:
        return store.to_json(store.tombstone(current_user.id, _entry_id(entry_id), query.updated_at))
    except store.NotYours:
        raise _not_found()


@bp.get("/goals")
@documented("The person's goals (defaults from published guidance until changed)", tag="tracker")
@login_required
def get_goals():
    return _goals().to_dict()


@bp.put("/goals")
@documented("Change goals", tag="tracker")
@login_required
def put_goals():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_json", "The request body must be a JSON object.")
    try:
        goals = Goals.from_dict({**_goals().to_dict(), **data})
    except (ValueError, TypeError) as exc:
        raise ApiError(400, "invalid_request", str(exc))
    row = db.session.get(GoalSettings, current_user.id) or GoalSettings(user_id=current_user.id)
    row.values = goals.to_dict()
    db.session.add(row)
    db.session.commit()
    return goals.to_dict()


@bp.get("/summary")
@documented("A day's summary against the goals (today by default)", tag="tracker")
@login_required
@query_args(DayQuery)
def summary(query: DayQuery):
    day = query.date or _today()
    # The day before too, because caffeine from yesterday evening is still in the body.
    entries = store.between(current_user.id, day - timedelta(days=1), day)
    return day_summary(entries, day, _goals(), now_utc(), current_user.time_zone)


@bp.get("/history")
@documented("Per-day summaries and streaks for a range of days", tag="tracker")
@login_required
@query_args(RangeQuery)
def history(query: RangeQuery):
    entries = store.between(current_user.id, query.start - timedelta(days=1), query.end)
    days = range_summaries(entries, query.start, query.end, _goals(), current_user.time_zone)
    return {"days": days, "streaks": streaks(days)}


@bp.get("/insights")
@documented("How twitch days compare with water, caffeine, sleep and breathing", tag="tracker")
@login_required
@query_args(InsightsQuery)
def insights(query: InsightsQuery):
    end = _today()
    start = end - timedelta(days=query.days - 1)
    entries = store.between(current_user.id, start - timedelta(days=1), end)
    return {"start": start.isoformat(), "end": end.isoformat(),
            **compute_insights(entries, start, end, _goals(), current_user.time_zone)}


@bp.get("/export.json")
@documented("Everything logged, as JSON (importable again)", tag="tracker")
@login_required
def export_json():
    response = jsonify(exchange.export_document(current_user, _plain(store.all_entries(current_user.id)),
                                                _goals().to_dict()))
    response.headers["Content-Disposition"] = 'attachment; filename="steady-export.json"'
    return response


@bp.get("/export.csv")
@documented("Everything logged, as CSV (one row per entry)", tag="tracker")
@login_required
def export_csv():
    text = exchange.export_csv(_plain(store.all_entries(current_user.id)))
    return Response(text, mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="steady-export.csv"'})


@bp.post("/import")
@documented("Import a JSON export (importing the same file twice changes nothing)", tag="tracker")
@login_required
@json_body(ImportBody)
def import_json(body: ImportBody):
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    problems: dict[str, str] = {}
    parsed = []
    for index, raw in enumerate(body.entries):
        try:
            entry_id = valid_entry_id(str(raw.get("id", "")))
            fields = {k: v for k, v in raw.items() if k != "day"}
            parsed.append((entry_id, parse_model(EntryIn, fields, "entry").entry))
        except (ValueError, ApiError) as exc:
            problems[f"entries.{index}"] = getattr(exc, "message", None) or "Not a valid entry id."
    if problems:
        # Nothing is imported from a file with errors, so a fixed file can simply be imported again.
        raise ApiError(400, "invalid_import", f"{len(problems)} entries in the file are not valid; nothing was imported.",
                       dict(list(problems.items())[:50]))
    for entry_id, entry in parsed:
        try:
            _stored, created, changed = store.upsert(current_user.id, entry_id, entry)
        except (store.NotYours, store.KindChanged):
            raise ApiError(409, "id_conflict", f"Entry {entry_id} clashes with an existing entry.")
        counts["created" if created else "updated" if changed else "unchanged"] += 1
    return counts
