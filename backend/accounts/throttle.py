"""Sign-in rate limiting: failures counted per address and per client over a sliding window.

Stored in the database so that several web processes share the count.
"""
import hashlib
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select

from ..extensions import db
from ..timeutil import as_utc, now_utc
from .models import SignInFailure


@dataclass(frozen=True)
class Limits:
    per_address: int
    per_client: int
    window: timedelta


def _key(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()


def keys_for(email: str, client: str) -> tuple[str, str]:
    return _key("address", email.strip().lower()), _key("client", client)


def retry_after(email: str, client: str, limits: Limits) -> int | None:
    """Seconds to wait if either key is over its limit, else None."""
    since = now_utc() - limits.window
    address_key, client_key = keys_for(email, client)
    waits = []
    for key, limit in ((address_key, limits.per_address), (client_key, limits.per_client)):
        rows = db.session.execute(
            select(func.count(), func.min(SignInFailure.created_at))
            .where(SignInFailure.key == key, SignInFailure.created_at >= since)
        ).one()
        count, oldest = rows
        if count >= limit:
            waits.append(int((as_utc(oldest) + limits.window - now_utc()).total_seconds()) + 1)
    return max(waits) if waits else None


def record_failure(email: str, client: str) -> None:
    for key in keys_for(email, client):
        db.session.add(SignInFailure(key=key))
    db.session.commit()


def clear_address(email: str, limits: Limits) -> None:
    """After a good sign-in, forget this address's failures and prune expired rows."""
    address_key, _ = keys_for(email, "")
    db.session.execute(delete(SignInFailure).where(SignInFailure.key == address_key))
    db.session.execute(delete(SignInFailure).where(SignInFailure.created_at < now_utc() - limits.window))
    db.session.commit()
