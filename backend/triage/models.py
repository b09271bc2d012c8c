"""Stored symptom checks and the person's response to each red-flag finding."""
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import now_utc


class SymptomCheck(db.Model):
    """One set of answers to the red-flag questions, with the advice level it gave."""
    __tablename__ = "symptom_checks"
    __table_args__ = (Index("ix_symptom_checks_user_time", "user_id", "checked_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # made on the device
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    answers: Mapped[dict] = mapped_column(JSON)
    level: Mapped[str] = mapped_column(String(16))
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)


class FindingResponse(db.Model):
    """"Seen a doctor" or "dismiss" for a finding, so its banner stays away."""
    __tablename__ = "finding_responses"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    finding_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    action: Mapped[str] = mapped_column(String(16))
    responded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
