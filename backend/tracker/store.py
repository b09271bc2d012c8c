"""Reading and writing entries: idempotent by id, last write wins on updated_at, tombstones kept."""
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..timeutil import as_utc, iso_utc
from .models import ChangeCounter, Entry


class NotYours(Exception):
    """The id belongs to someone else's entry (answered as 404, revealing nothing)."""


class KindChanged(Exception):
    """An entry cannot change kind; a different kind means a different entry."""


def next_change_seq(user_id: int) -> int:
    """The next number in this person's change feed; the row lock orders concurrent writers."""
    stmt = (update(ChangeCounter).where(ChangeCounter.user_id == user_id)
            .values(last_seq=ChangeCounter.last_seq + 1).returning(ChangeCounter.last_seq))
    seq = db.session.execute(stmt).scalar_one_or_none()
    if seq is None:
        try:
            with db.session.begin_nested():
                db.session.add(ChangeCounter(user_id=user_id, last_seq=0))
        except IntegrityError:
            pass  # another request created it first
        seq = db.session.execute(stmt).scalar_one()
    return seq


def _local(value: datetime) -> tuple[datetime, int, date]:
    offset = value.utcoffset() or timedelta(0)
    return value.astimezone(timezone.utc), int(offset.total_seconds() // 60), value.date()


def _json_data(kind: str, data) -> dict:
    return data.model_dump(mode="json", exclude_none=True)


def upsert(user_id: int, entry_id: str, body) -> tuple[Entry, bool, bool]:
    """Stores the entry. Returns (entry, created, changed): an older or equal updated_at than the
    stored one changes nothing, so resending is always safe."""
    for _attempt in range(2):
        entry = db.session.get(Entry, entry_id)
        if entry is None:
            entry = Entry(id=entry_id, user_id=user_id, kind=body.kind)
            _apply(entry, body, user_id)
            db.session.add(entry)
            try:
                db.session.commit()
                return entry, True, True
            except IntegrityError:
                db.session.rollback()  # the same id arrived twice at once: the other one won
                continue
        if entry.user_id != user_id:
            raise NotYours()
        if entry.kind != body.kind:
            raise KindChanged()
        changed = body.updated_at > as_utc(entry.updated_at)
        if changed:
            _apply(entry, body, user_id)
            db.session.commit()
        return entry, False, changed
    raise RuntimeError("entry could not be stored")


def _apply(entry: Entry, body, user_id: int) -> None:
    entry.occurred_at, entry.utc_offset_minutes, entry.local_date = _local(body.occurred_at)
    entry.data = _json_data(body.kind, body.data)
    entry.updated_at = body.updated_at
    entry.deleted = body.deleted
    entry.change_seq = next_change_seq(user_id)


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


JSON_COLUMNS = (Entry.id, Entry.kind, Entry.occurred_at, Entry.utc_offset_minutes, Entry.data,
                Entry.updated_at, Entry.deleted, Entry.local_date)


def between(user_id: int, start: date, end: date) -> list[dict]:
    """Live entries whose local day is in [start, end], as JSON dicts: an index range however long
    the history, and plain rows rather than ORM objects (summaries run on every Today view)."""
    rows = db.session.execute(
        select(*JSON_COLUMNS)
        .where(Entry.user_id == user_id, Entry.local_date >= start, Entry.local_date <= end,
               Entry.deleted.is_(False))
        .order_by(Entry.occurred_at))
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
