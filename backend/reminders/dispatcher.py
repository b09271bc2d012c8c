"""The reminder dispatcher: plans occurrences into the database under a unique key, claims due ones
(FOR UPDATE SKIP LOCKED on PostgreSQL, so several dispatchers share the work), and sends them with
pywebpush, many at once from a sending thread. A crash leaves a claimed row that is claimed again later,
and the resent copy carries the same Topic, so the push service replaces rather than repeats it; an
occurrence past its useful window is recorded as missed instead of being sent late."""
import logging
import os
import socket
import threading
import uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..accounts.models import User
from ..extensions import db
from ..timeutil import as_utc, now_utc
from ..tracker import caffeine, store
from ..tracker.days import parse_instant
from ..tracker.goals import Goals
from ..tracker.models import GoalSettings
from ..tracker.summary import REFERENCE_COFFEE_MG, bedtime_instant
from . import push
from .models import PushSubscription, ReminderOccurrence, ReminderSetting
from .schedule import USEFUL_WINDOW, HabitContext, ReminderSettings, occurrences, should_skip
from .vapid import VapidKeys, subject

log = logging.getLogger(__name__)

PLAN_BACK = timedelta(hours=24)   # how far back missed occurrences are still recorded
PLAN_AHEAD = timedelta(minutes=1)
STALE_CLAIM = timedelta(minutes=2)  # a claim older than this belonged to a dispatcher that died
SENT_GROUP = 25  # sent occurrences recorded per commit
TTL_SECONDS = {kind: int(window.total_seconds()) for kind, window in USEFUL_WINDOW.items()}


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(1800, 30 * 2 ** max(0, attempts - 1)))


class Dispatcher:
    def __init__(self, instance_path: str, worker_id: str | None = None, batch: int = 200,
                 timeout: float = 10.0, concurrency: int = 16):
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"
        self.batch = batch
        self.keys = VapidKeys(instance_path)
        signer = push.VapidSigner(push.vapid_from_pem(self.keys.private_pem()), {"sub": subject()})
        self.sender = push.PushSender(signer, timeout=timeout, concurrency=concurrency)

    # --- planning ---

    def plan(self, now: datetime) -> int:
        rows = []
        settings_rows = db.session.execute(
            select(ReminderSetting, User.time_zone).join(User, User.id == ReminderSetting.user_id)).all()
        for setting, tz_name in settings_rows:
            settings = ReminderSettings.from_dict(setting.kind, setting.values)
            if not settings.enabled:
                continue
            goals = self._goals(setting.user_id)
            start = max(now - PLAN_BACK, as_utc(setting.active_since))
            cutoff = self._cutoff_clock(setting.user_id, goals, tz_name, now) if setting.kind == "caffeine_cutoff" else None
            for occurrence in occurrences(settings, tz_name, start, now + PLAN_AHEAD,
                                          bedtime=goals.bedtime, cutoff_time=cutoff):
                rows.append({"user_id": setting.user_id, "kind": occurrence.kind, "key": occurrence.key,
                             "due_at": occurrence.due_utc, "next_attempt_at": occurrence.due_utc,
                             "status": "pending", "attempts": 0, "detail": ""})
        if not rows:
            return 0
        dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
        result = db.session.execute(dialect.insert(ReminderOccurrence).values(rows)
                                    .on_conflict_do_nothing(index_elements=["user_id", "key"]))
        db.session.commit()
        return result.rowcount or 0

    def _goals(self, user_id: int) -> Goals:
        row = db.session.get(GoalSettings, user_id)
        return Goals.from_dict(row.values if row else {})

    def _cutoff_clock(self, user_id: int, goals: Goals, tz_name: str, now: datetime) -> str | None:
        """The latest time today a brewed coffee keeps bedtime caffeine under the goal's threshold."""
        zone = ZoneInfo(tz_name)
        today = now.astimezone(zone).date()
        entries = store.between(user_id, today - timedelta(days=1), today)
        doses = [(parse_instant(e["occurred_at"]), e["data"]["mg"]) for e in entries if e["kind"] == "caffeine"]
        start_of_day = datetime.combine(today, datetime.min.time(), zone)
        latest = caffeine.latest_dose_time(doses, bedtime_instant(today, goals, tz_name), REFERENCE_COFFEE_MG,
                                           goals.bedtime_caffeine_mg, goals.caffeine_half_life_h, start_of_day)
        return latest.astimezone(zone).strftime("%H:%M") if latest else None

    # --- claiming and sending ---

    def claim(self, now: datetime) -> list[ReminderOccurrence]:
        """Takes up to a batch of due rows for this dispatcher. PostgreSQL skips rows another
        dispatcher has locked; the conditional UPDATE makes the claim atomic on any database."""
        due = or_(and_(ReminderOccurrence.status == "pending", ReminderOccurrence.next_attempt_at <= now),
                  and_(ReminderOccurrence.status == "sending", ReminderOccurrence.claimed_at < now - STALE_CLAIM))
        ids = list(db.session.scalars(select(ReminderOccurrence.id).where(due)
                                      .order_by(ReminderOccurrence.due_at).limit(self.batch)
                                      .with_for_update(skip_locked=True)))
        if not ids:
            db.session.commit()
            return []
        # One conditional UPDATE: a row another dispatcher took meanwhile no longer matches `due`.
        token = f"{self.worker_id[:27]}:{uuid.uuid4().hex}"  # fits the 64-character column
        db.session.execute(update(ReminderOccurrence).where(ReminderOccurrence.id.in_(ids), due)
                           .values(status="sending", claimed_by=token, claimed_at=now)
                           .execution_options(synchronize_session=False))
        db.session.commit()
        return list(db.session.scalars(
            select(ReminderOccurrence).where(ReminderOccurrence.claimed_by == token, ReminderOccurrence.status == "sending")
            .order_by(ReminderOccurrence.due_at).execution_options(populate_existing=True)))

    def _context(self, user: User, now: datetime) -> HabitContext:
        today = now.astimezone(ZoneInfo(user.time_zone)).date()
        entries = store.between(user.id, today, today)
        water = [e for e in entries if e["kind"] == "water"]
        last_water = max((parse_instant(e["occurred_at"]) for e in water), default=None)
        goals = self._goals(user.id)
        return HabitContext(
            minutes_since_water=(now - last_water).total_seconds() / 60 if last_water else None,
            water_goal_met=sum(e["data"]["amount_ml"] for e in water) >= goals.water_ml,
            breathing_done_today=any(e["kind"] == "breathing" for e in entries),
            twitch_logged_today=any(e["kind"] == "twitch" for e in entries),
            caffeine_today_mg=sum(e["data"]["mg"] for e in entries if e["kind"] == "caffeine"))

    def _finish(self, row, status: str, now: datetime, detail: str = "") -> None:
        row.status, row.finished_at, row.detail = status, now, detail[:200]
        db.session.commit()

    def _person(self, user_id: int, now: datetime, cache: dict) -> dict:
        """What a round needs about one person, read once however many of their reminders are due."""
        if user_id not in cache:
            user = db.session.get(User, user_id)
            cache[user_id] = {
                "user": user,
                "settings": {row.kind: ReminderSettings.from_dict(row.kind, row.values) for row in
                             db.session.scalars(select(ReminderSetting).where(ReminderSetting.user_id == user_id))},
                "context": self._context(user, now),
                "subscriptions": [s.info() for s in db.session.scalars(
                    select(PushSubscription).where(PushSubscription.user_id == user_id))],
            }
        return cache[user_id]

    def prepare(self, row: ReminderOccurrence, now: datetime, cache: dict) -> dict | None:
        """Decides an occurrence: records it as missed, skipped or failed, or returns what to send."""
        if now - as_utc(row.due_at) > USEFUL_WINDOW[row.kind]:
            self._finish(row, "missed", now, "not sent within its useful window")
            return None
        person = self._person(row.user_id, now, cache)
        settings = person["settings"].get(row.kind) or ReminderSettings.from_dict(row.kind, {})
        if not settings.enabled:
            self._finish(row, "skipped", now, "reminder switched off")
            return None
        reason = should_skip(row.kind, settings.interval_minutes, person["context"])
        if reason:
            self._finish(row, "skipped", now, reason)
            return None
        if not person["subscriptions"]:
            self._finish(row, "failed", now, "no device is subscribed")
            return None
        user = person["user"]
        usual = 237 if user.units == "us" else 250  # one 8 fl oz glass, or 250 mL
        return {"subscriptions": person["subscriptions"], "topic": push.topic_for(row.key),
                "payload": push.build_payload(row.kind, row.key, units=user.units, usual_water_ml=usual),
                "ttl": TTL_SECONDS.get(row.kind, 3600)}

    def send_and_record(self, jobs: list, now: datetime, counts: dict) -> None:
        """Network waits overlap in the sender's thread; every result is recorded (and committed)
        here, one occurrence at a time, as soon as its sends are done."""
        messages = [[push.Message(subscription, job["payload"], job["ttl"], "normal", job["topic"])
                     for subscription in job["subscriptions"]] for _, job in jobs]
        sent: list[int] = []
        for index, results in self.sender.send_jobs(messages):
            row, job = jobs[index]
            endpoints = [subscription["endpoint"] for subscription in job["subscriptions"]]
            outcome = self.record(row, list(zip(endpoints, results)), now, sent)
            counts[outcome] = counts.get(outcome, 0) + 1
        self._mark_sent(sent, now)

    def _mark_sent(self, ids: list[int], now: datetime) -> None:
        if ids:
            db.session.execute(update(ReminderOccurrence).where(ReminderOccurrence.id.in_(ids))
                               .values(status="sent", finished_at=now, detail="")
                               .execution_options(synchronize_session=False))
            db.session.commit()
            ids.clear()

    def record(self, row: ReminderOccurrence, results, now: datetime, sent: list[int]) -> str:
        """Records one occurrence's sends. Sent ones are committed in small groups (`sent`); a crash
        before that commit resends them with the same Topic, which the push service replaces."""
        outcomes = [result.outcome for _, result in results]
        gone = [endpoint for endpoint, result in results if result.outcome == "gone"]
        if gone:
            db.session.execute(delete(PushSubscription).where(PushSubscription.endpoint.in_(gone)))
        if "ok" in outcomes:
            sent.append(row.id)
            if len(sent) >= SENT_GROUP:
                self._mark_sent(sent, now)
            return "sent"
        if "retry" in outcomes:
            waits = [r.retry_after for _, r in results if r.outcome == "retry" and r.retry_after is not None]
            row.attempts += 1
            wait = timedelta(seconds=max(waits)) if waits else _backoff(row.attempts)
            row.status, row.next_attempt_at, row.claimed_by = "pending", now + wait, None
            row.detail = f"retrying after {int(wait.total_seconds())} s"
            db.session.commit()
            return "retry"
        self._finish(row, "failed", now, "every device refused or is gone")
        return "failed"

    def run_once(self, now: datetime | None = None) -> dict:
        now = now or now_utc()
        counts = {"planned": self.plan(now)}
        while True:
            rows = self.claim(now)
            if not rows:
                break
            cache: dict = {}
            jobs = []
            for row in rows:
                job = self.prepare(row, now, cache)
                if job is None:
                    counts[row.status] = counts.get(row.status, 0) + 1
                else:
                    jobs.append((row, job))
            self.send_and_record(jobs, now, counts)
        return counts

    def close(self) -> None:
        self.sender.close()

    def send_test(self, user: User) -> list[str]:
        """Sends a test reminder to every device of this person at once (not planned, not repeated)."""
        now = now_utc()
        key = f"test:{now.isoformat()}"
        payload = push.build_payload("test", key, units=user.units)
        subscriptions = list(db.session.scalars(select(PushSubscription).where(PushSubscription.user_id == user.id)))
        messages = [push.Message(subscription.info(), payload, 300, "high", push.topic_for(key))
                    for subscription in subscriptions]
        [(_, results)] = list(self.sender.send_jobs([messages]))
        for subscription, result in zip(subscriptions, results):
            if result.outcome == "gone":
                db.session.delete(subscription)
        db.session.commit()
        return [result.outcome for result in results]


def run_forever(app, stop: threading.Event, interval: float = 20.0) -> None:
    with app.app_context():
        dispatcher = Dispatcher(app.instance_path)
        while not stop.is_set():
            try:
                counts = dispatcher.run_once()
                if any(v for k, v in counts.items() if k != "planned"):
                    log.info("reminders: %s", counts)
            except Exception:  # noqa: BLE001 - keep the loop alive; the next round retries
                log.exception("reminder round failed")
                db.session.rollback()
            finally:
                db.session.remove()
            stop.wait(interval)


def start_in_background(app) -> threading.Event:
    stop = threading.Event()
    threading.Thread(target=run_forever, args=(app, stop), name="reminders", daemon=True).start()
    log.info("reminder dispatcher started in this process")
    return stop
