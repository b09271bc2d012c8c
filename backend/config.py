"""Configuration from environment variables, with safe defaults kept in the instance folder."""
import os
import secrets
from datetime import timedelta
from pathlib import Path


def _instance_secret(instance: Path, name: str) -> str:
    """Read a secret from the instance folder, creating it (mode 0600) on first run."""
    path = instance / name
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def database_url(raw: str | None, instance: Path) -> str:
    """Normalise DATABASE_URL; PostgreSQL URLs use the psycopg 3 driver."""
    if not raw:
        return f"sqlite:///{instance / 'steady.sqlite3'}"
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    return raw


def load_config(app, overrides: dict | None = None) -> None:
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    env = os.environ
    app.config.update(
        SECRET_KEY=env.get("SECRET_KEY") or _instance_secret(instance, "secret_key"),
        SQLALCHEMY_DATABASE_URI=database_url(env.get("DATABASE_URL"), instance),
        SQLALCHEMY_ENGINE_OPTIONS={"pool_pre_ping": True},
        SESSION_COOKIE_NAME="steady_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # Secure is also switched on per request whenever the request came over HTTPS.
        SESSION_COOKIE_SECURE=env.get("STEADY_SECURE_COOKIES", "") == "1",
        PERMANENT_SESSION_LIFETIME=timedelta(days=30),
        REMEMBER_COOKIE_SECURE=True,
        # Number of reverse proxies in front of the app whose X-Forwarded-* headers are trusted.
        PROXY_COUNT=int(env.get("STEADY_PROXY_COUNT", "0")),
        SIGN_IN_LIMIT_PER_ADDRESS=int(env.get("STEADY_SIGN_IN_LIMIT_PER_ADDRESS", "5")),
        SIGN_IN_LIMIT_PER_CLIENT=int(env.get("STEADY_SIGN_IN_LIMIT_PER_CLIENT", "20")),
        SIGN_IN_WINDOW_SECONDS=int(env.get("STEADY_SIGN_IN_WINDOW_SECONDS", "900")),
        REMINDERS_WORKER=env.get("STEADY_REMINDERS_WORKER", "1") == "1",
        COMPRESS_MIMETYPES=[
            "text/html", "text/css", "text/javascript", "application/javascript",
            "application/json", "application/manifest+json", "image/svg+xml", "text/markdown",
        ],
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_MIN_SIZE=256,
    )
    if overrides:
        app.config.update(overrides)
