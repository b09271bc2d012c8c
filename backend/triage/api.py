"""Triage API: the rules (the same file the app evaluates offline), symptom checks, the level the
stored log gives now, and the person's responses to findings."""
import hashlib
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from flask import Blueprint, jsonify, request, url_for
from flask_login import current_user, login_required
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select

from ..api import ApiError, documented, json_body, query_args
from ..extensions import db
from ..timeutil import iso_utc, now_utc
from ..tracker import store
from ..tracker.schemas import QUESTION_IDS, valid_entry_id
from .engine import RULES_PATH, evaluate, load_rules
from .models import FindingResponse, SymptomCheck

bp = Blueprint("triage", __name__, url_prefix="/api/triage")

# How long the log is looked back on (the longest window a history rule uses).
HISTORY_DAYS = 28


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    answers: dict[QUESTION_IDS, bool]
    checked_at: datetime

    @field_validator("id")
    @classmethod
    def _id(cls, value):
        return valid_entry_id(value)

    @field_validator("checked_at")
    @classmethod
    def _when(cls, value):
        if value.tzinfo is None:
            raise ValueError("checked_at needs a UTC offset.")
        if abs(now_utc() - value) > timedelta(days=366):
            raise ValueError("checked_at is too far from today.")
        return value


class ResponseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["seen_doctor", "dismissed"]


class ChecksQuery(BaseModel):
    days: int = Field(default=30, ge=1, le=365)


def _rules():
    return load_rules()


def _today():
    return now_utc().astimezone(ZoneInfo(current_user.time_zone)).date()


def _recent_log():
    today = _today()
    return store.between(current_user.id, today - timedelta(days=HISTORY_DAYS), today), today


@bp.get("/rules")
@documented("The red-flag rules the app evaluates (also offline)", tag="triage", auth=False)
def rules():
    raw = RULES_PATH.read_bytes()
    response = jsonify(_rules())
    response.set_etag(hashlib.sha256(raw).hexdigest()[:16])
    response.headers["Cache-Control"] = "public, no-cache"
    return response.make_conditional(request)


@bp.post("/checks")
@documented("Store a symptom check and get the advice for it and the stored log", tag="triage", status=201,
            description="Idempotent by id: sending the same id again updates that check's answers.")
@login_required
@json_body(CheckIn)
def create_check(body: CheckIn):
    entries, today = _recent_log()
    result = evaluate(_rules(), dict(body.answers), entries, today)
    check = db.session.get(SymptomCheck, body.id)
    if check is not None and check.user_id != current_user.id:
        raise ApiError(404, "not_found", "There is no such check.")
    status = 200 if check else 201
    if check is None:
        check = SymptomCheck(id=body.id, user_id=current_user.id)
        db.session.add(check)
    check.answers, check.level, check.checked_at = dict(body.answers), result["level"], body.checked_at
    db.session.commit()
    response = jsonify({"id": check.id, "checked_at": iso_utc(check.checked_at), **result})
    response.status_code = status
    if status == 201:
        response.headers["Location"] = url_for("triage.list_checks")
    return response


@bp.get("/checks")
@documented("Recent symptom checks (for the doctor summary)", tag="triage")
@login_required
@query_args(ChecksQuery)
def list_checks(query: ChecksQuery):
    since = now_utc() - timedelta(days=query.days)
    rows = db.session.scalars(select(SymptomCheck).where(SymptomCheck.user_id == current_user.id,
                                                        SymptomCheck.checked_at >= since)
                              .order_by(SymptomCheck.checked_at.desc()))
    return {"checks": [{"id": c.id, "answers": c.answers, "level": c.level, "checked_at": iso_utc(c.checked_at)}
                       for c in rows]}


@bp.get("/status")
@documented("The advice the stored log gives now, without the findings already answered", tag="triage")
@login_required
def status():
    entries, today = _recent_log()
    result = evaluate(_rules(), {}, entries, today)
    responses = {r.finding_id: r.action for r in db.session.scalars(
        select(FindingResponse).where(FindingResponse.user_id == current_user.id))}
    open_findings = [f for f in result["findings"] if f["id"] not in responses]
    return {**result, "open_findings": open_findings, "responses": responses}


@bp.put("/responses/<finding_id>")
@documented("Mark a finding as 'seen a doctor' or 'dismissed'", tag="triage")
@login_required
@json_body(ResponseIn)
def respond(finding_id: str, body: ResponseIn):
    known = {f["id"] for f in _rules()["findings"]} | {c["id"] for c in _rules()["combinations"]}
    if finding_id not in known:
        raise ApiError(404, "not_found", "There is no such finding.")
    row = db.session.get(FindingResponse, (current_user.id, finding_id)) or \
        FindingResponse(user_id=current_user.id, finding_id=finding_id)
    row.action = body.action
    row.responded_at = now_utc()
    db.session.add(row)
    db.session.commit()
    return {"finding_id": finding_id, "action": row.action, "responded_at": iso_utc(row.responded_at)}


def precache_entries() -> list[dict]:
    """The rules, revisioned by content, so the app has them offline from the first visit."""
    return [{"url": "/api/triage/rules", "revision": hashlib.sha256(RULES_PATH.read_bytes()).hexdigest()[:16]}]
