"""Tracker storage: one row per entry (any kind), a per-person change counter, and goals."""
from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from ..accounts.models import User
from ..extensions import db
from ..timeutil import now_utc


class Entry(db.Model):
    """A logged entry. The id is made on the device, so a resent entry is recognised, never doubled."""
    __tablename__ = "entries"
    __table_args__ = (
        Index("ix_entries_user_day", "user_id", "local_date"),
        Index("ix_entries_user_seq", "user_id", "change_seq"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The offset where it was logged, so the entry keeps its local day when the person travels.
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    local_date: Mapped[date] = mapped_column(Date)
    data: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Position in this person's change feed; other devices ask for changes after a cursor.
    change_seq: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)


class ChangeCounter(db.Model):
    """The last change number given out per person (row-locked while an entry is written)."""
    __tablename__ = "change_counters"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class GoalSettings(db.Model):
    __tablename__ = "goal_settings"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    values: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc, onupdate=now_utc)


# Goals are read on every summary: load them in the same query as the signed-in user. The database
# deletes them with the user (ON DELETE CASCADE), so the ORM need not.
GoalSettings.user = relationship(User, backref=backref("goal_settings", uselist=False, lazy="joined",
                                                       passive_deletes=True))
