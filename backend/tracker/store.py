"""Reading and writing entries: idempotent by id, last write wins on updated_at, tombstones kept."""
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..timeutil import as_utc, iso_utc, now_utc
from .models import ChangeCounter, Entry


class NotYours(Exception):
    """The id belongs to someone else's entry (answered as 404, revealing nothing)."""


class KindChanged(Exception):
    """An entry cannot change kind; a different kind means a different entry."""


_entries = Entry.__table__
_counters = ChangeCounter.__table__

# Statements built once: entries are written on every tap, and building an ORM statement per
# request cost more than running it.
_NEXT_SEQ = (update(_counters).where(_counters.c.user_id == bindparam("counter_owner"))
             .values(last_seq=_counters.c.last_seq + 1).returning(_counters.c.last_seq))
_INSERT_NEW = {
    # Inserts unless the id is already stored (a resend, or the same entry arriving twice at once).
    "postgresql": postgresql.insert(_entries).on_conflict_do_nothing(index_elements=["id"])
                            .returning(_entries.c.id),
    "sqlite": sqlite.insert(_entries).on_conflict_do_nothing(index_elements=["id"]).returning(_entries.c.id),
}


def next_change_seq(user_id: int) -> int:
    """The next number in this person's change feed; the row lock orders concurrent writers."""
    params = {"counter_owner": user_id}
    seq = db.session.execute(_NEXT_SEQ, params).scalar_one_or_none()
    if seq is None:
        try:
            with db.session.begin_nested():
                db.session.execute(insert(_counters).values(user_id=user_id, last_seq=0))
        except IntegrityError:
            pass  # another request created it first
        seq = db.session.execute(_NEXT_SEQ, params).scalar_one()
    return seq


def _local(value: datetime) -> tuple[datetime, int, date]:
    offset = value.utcoffset() or timedelta(0)
    return value.astimezone(timezone.utc), int(offset.total_seconds() // 60), value.date()


def _fields(body) -> dict:
    occurred_at, offset, local_date = _local(body.occurred_at)
    return {"occurred_at": occurred_at, "utc_offset_minutes": offset, "local_date": local_date,
            "data": body.data.model_dump(mode="json", exclude_none=True),
            "updated_at": body.updated_at, "deleted": body.deleted}


def _insert_if_new(row: dict) -> bool:
    """Inserts the row unless its id exists; True when it was inserted."""
    statement = _INSERT_NEW.get(db.engine.dialect.name)
    if statement is not None:
        return db.session.execute(statement, row).first() is not None
    try:  # other databases: a savepoint catches the duplicate
        with db.session.begin_nested():
            db.session.execute(insert(_entries), row)
        return True
    except IntegrityError:
        return False


def upsert(user_id: int, entry_id: str, body) -> tuple[Entry, bool, bool]:
    """Stores the entry. Returns (entry, created, changed): an older or equal updated_at than the
    stored one changes nothing, so resending is always safe."""
    row = {"id": entry_id, "user_id": user_id, "kind": body.kind, **_fields(body),
           "received_at": now_utc()}
    row["change_seq"] = next_change_seq(user_id)
    if _insert_if_new(row):
        db.session.commit()
        return Entry(**row), True, True
    db.session.rollback()  # the id exists: the change number is given back
    entry = db.session.get(Entry, entry_id)
    if entry is None:
        raise RuntimeError("entry could not be stored")
    if entry.user_id != user_id:
        raise NotYours()
    if entry.kind != body.kind:
        raise KindChanged()
    changed = body.updated_at > as_utc(entry.updated_at)
    if changed:
        for name, value in _fields(body).items():
            setattr(entry, name, value)
        entry.change_seq = next_change_seq(user_id)
        db.session.commit()
    return entry, False, changed


def tombstone(user_id: int, entry_id: str, updated_at: datetime) -> Entry:
    entry = db.session.get(Entry, entry_id)
    if entry is None or entry.user_id != user_id:
        raise NotYours()
    if updated_at > as_utc(entry.updated_at):
        entry.deleted = True
        entry.updated_at = updated_at
        entry.change_seq = next_change_seq(user_id)
    db.session.commit()
    return entry


def get(user_id: int, entry_id: str) -> Entry:
    entry = db.session.get(Entry, entry_id)
    if entry is None or entry.user_id != user_id:
        raise NotYours()
    return entry


def changes_since(user_id: int, since: int, limit: int) -> list[Entry]:
    return list(db.session.scalars(
        select(Entry).where(Entry.user_id == user_id, Entry.change_seq > since)
        .order_by(Entry.change_seq).limit(limit)))


# Built once with bound parameters: the day summary runs on every Today view, and building and
# keying a fresh statement per request cost more than running it.
_BETWEEN = (
    select(_entries.c.id, _entries.c.kind, _entries.c.occurred_at, _entries.c.utc_offset_minutes,
           _entries.c.data, _entries.c.updated_at, _entries.c.deleted, _entries.c.local_date)
    .where(_entries.c.user_id == bindparam("user_id"), _entries.c.local_date >= bindparam("start"),
           _entries.c.local_date <= bindparam("end"), _entries.c.deleted.is_(False))
    .order_by(_entries.c.occurred_at))


def between(user_id: int, start: date, end: date) -> list[dict]:
    """Live entries whose local day is in [start, end], as JSON dicts: an index range however long
    the history, and plain rows rather than ORM objects."""
    rows = db.session.execute(_BETWEEN, {"user_id": user_id, "start": start, "end": end})
    return [to_json(row) for row in rows]


def all_entries(user_id: int) -> list[Entry]:
    return list(db.session.scalars(select(Entry).where(Entry.user_id == user_id).order_by(Entry.occurred_at)))


def occurred_iso(entry: Entry) -> str:
    local = as_utc(entry.occurred_at).astimezone(timezone(timedelta(minutes=entry.utc_offset_minutes)))
    return local.isoformat()


def to_json(entry) -> dict:
    """The shared entry shape (the same the app keeps in IndexedDB)."""
    return {"id": entry.id, "kind": entry.kind, "occurred_at": occurred_iso(entry), "data": entry.data,
            "updated_at": iso_utc(entry.updated_at), "deleted": entry.deleted,
            "day": entry.local_date.isoformat()}
