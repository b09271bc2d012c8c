"""Accounts: people who sign in, and the failed sign-ins used for rate limiting."""
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import DateTime, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import now_utc


def new_session_token() -> str:
    return secrets.token_urlsafe(16)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(80), default="")
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    units: Mapped[str] = mapped_column(String(8), default="metric")
    emergency_number: Mapped[str] = mapped_column(String(16), default="112")
    # Changing it signs every other device out (it is part of the login id).
    session_token: Mapped[str] = mapped_column(String(32), default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc, onupdate=now_utc)

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    def profile(self) -> dict:
        return {
            "id": self.id,
            "email": self.email,
            "display_name": self.display_name,
            "time_zone": self.time_zone,
            "units": self.units,
            "emergency_number": self.emergency_number,
        }


class SignInFailure(db.Model):
    """One failed sign-in, keyed by a hash of the address or of the client (never the raw value)."""
    __tablename__ = "sign_in_failures"
    __table_args__ = (Index("ix_sign_in_failures_key_time", "key", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
