"""Reminders API: the public VAPID key, settings per kind, push subscriptions per device, a test
reminder, snooze, and the recent history of occurrences."""
from datetime import timedelta
from typing import Literal

import click
from flask import Blueprint, current_app, jsonify
from flask_login import current_user, login_required
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, select

from ..api import ApiError, documented, json_body
from ..extensions import db
from ..timeutil import iso_utc, now_utc
from .dispatcher import Dispatcher, run_forever
from .models import PushSubscription, ReminderOccurrence, ReminderSetting
from .schedule import KINDS, ReminderSettings
from .vapid import VapidKeys

bp = Blueprint("reminders", __name__, url_prefix="/api/reminders")


class Keys(BaseModel):
    p256dh: str = Field(min_length=16, max_length=256)
    auth: str = Field(min_length=8, max_length=64)


class SubscriptionIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    endpoint: str = Field(pattern=r"^https?://", max_length=1024)
    keys: Keys
    old_endpoint: str | None = Field(default=None, max_length=1024)


class Unsubscribe(BaseModel):
    endpoint: str = Field(max_length=1024)


class SnoozeIn(BaseModel):
    kind: Literal["hydration", "wind_down", "caffeine_cutoff", "breathing", "checkin"]
    minutes: int = Field(default=30, ge=5, le=240)


def _settings_for(user_id: int) -> dict[str, ReminderSettings]:
    stored = {row.kind: row for row in db.session.scalars(select(ReminderSetting).where(ReminderSetting.user_id == user_id))}
    return {kind: ReminderSettings.from_dict(kind, stored[kind].values if kind in stored else {}) for kind in KINDS}


@bp.get("/key")
@documented("The public VAPID key browsers subscribe with", tag="reminders", auth=False)
def public_key():
    return {"public_key": VapidKeys(current_app.instance_path).public_key()}


@bp.get("/settings")
@documented("Every reminder kind with its settings", tag="reminders")
@login_required
def get_settings():
    return {kind: s.to_dict() for kind, s in _settings_for(current_user.id).items()}


@bp.put("/settings/<kind>")
@documented("Change one reminder kind (times are local to the profile's time zone)", tag="reminders")
@login_required
def put_settings(kind: str):
    from flask import request

    if kind not in KINDS:
        raise ApiError(404, "not_found", "There is no such reminder.")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_json", "The request body must be a JSON object.")
    current = _settings_for(current_user.id)[kind]
    try:
        updated = ReminderSettings.from_dict(kind, {**current.to_dict(), **body})
    except (TypeError, ValueError) as exc:
        raise ApiError(400, "invalid_request", str(exc))
    row = db.session.get(ReminderSetting, (current_user.id, kind))
    if row is None:
        row = ReminderSetting(user_id=current_user.id, kind=kind, values={})
        db.session.add(row)
    if updated.enabled and not current.enabled:
        row.active_since = now_utc()
    row.values = updated.to_dict()
    db.session.commit()
    return updated.to_dict()


@bp.post("/subscriptions")
@documented("Register this device's push subscription (also replaces one the browser renewed)",
            tag="reminders", status=201)
@login_required
@json_body(SubscriptionIn)
def subscribe(body: SubscriptionIn):
    if body.old_endpoint and body.old_endpoint != body.endpoint:
        db.session.execute(delete(PushSubscription).where(PushSubscription.endpoint == body.old_endpoint,
                                                          PushSubscription.user_id == current_user.id))
    row = db.session.scalar(select(PushSubscription).where(PushSubscription.endpoint == body.endpoint))
    status = 200 if row else 201
    if row is None:
        row = PushSubscription(endpoint=body.endpoint)
        db.session.add(row)
    # A device that signs in to another account now reminds that account's person only.
    row.user_id, row.p256dh, row.auth = current_user.id, body.keys.p256dh, body.keys.auth
    db.session.commit()
    response = jsonify({"endpoint": row.endpoint})
    response.status_code = status
    return response


@bp.delete("/subscriptions")
@documented("Stop reminders on this device", tag="reminders", status=204)
@login_required
@json_body(Unsubscribe)
def unsubscribe(body: Unsubscribe):
    db.session.execute(delete(PushSubscription).where(PushSubscription.endpoint == body.endpoint,
                                                      PushSubscription.user_id == current_user.id))
    db.session.commit()
    return "", 204


@bp.post("/test")
@documented("Send a test reminder to every device now", tag="reminders")
@login_required
def send_test():
    dispatcher = Dispatcher(current_app.instance_path)
    try:
        outcomes = dispatcher.send_test(current_user)
    finally:
        dispatcher.close()
    if not outcomes:
        raise ApiError(409, "no_device", "Turn on reminders on this device first.")
    return {"sent": outcomes.count("ok"), "outcomes": outcomes}


@bp.post("/snooze")
@documented("Snooze one kind of reminder", tag="reminders")
@login_required
@json_body(SnoozeIn)
def snooze(body: SnoozeIn):
    current = _settings_for(current_user.id)[body.kind]
    until = now_utc() + timedelta(minutes=body.minutes)
    row = db.session.get(ReminderSetting, (current_user.id, body.kind)) or \
        ReminderSetting(user_id=current_user.id, kind=body.kind, values={})
    row.values = {**current.to_dict(), "snoozed_until": until.isoformat()}
    db.session.add(row)
    db.session.commit()
    return {"kind": body.kind, "snoozed_until": iso_utc(until)}


@bp.get("/occurrences")
@documented("The latest reminders: sent, skipped (and why), missed", tag="reminders")
@login_required
def recent_occurrences():
    rows = db.session.scalars(select(ReminderOccurrence).where(ReminderOccurrence.user_id == current_user.id)
                              .order_by(ReminderOccurrence.due_at.desc()).limit(50))
    return {"occurrences": [{"kind": r.kind, "due_at": iso_utc(r.due_at), "status": r.status, "detail": r.detail}
                            for r in rows]}


def register_commands(app) -> None:
    group = click.Group("reminders", help="Web Push reminders.")

    @group.command("run")
    @click.option("--interval", default=20.0, help="Seconds between rounds.")
    def run_command(interval):
        """Run the dispatcher (for deployments with several web processes)."""
        import threading

        run_forever(current_app._get_current_object(), threading.Event(), interval)

    @group.command("key")
    @click.option("--rotate", is_flag=True, help="Make a new key pair; devices must subscribe again.")
    def key_command(rotate):
        """Print the public VAPID key (or rotate the key pair)."""
        keys = VapidKeys(current_app.instance_path)
        click.echo(keys.rotate() if rotate else keys.public_key())

    app.cli.add_command(group)
