"""Steady: the Flask application factory."""
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import load_config
from .extensions import compress, db, login_manager, migrate

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def create_app(overrides: dict | None = None, instance_path: str | None = None) -> Flask:
    app = Flask(__name__, instance_path=instance_path, instance_relative_config=True,
                static_folder="../frontend", static_url_path="/static")
    load_config(app, overrides)
    register_extensions(app)
    register_blueprints(app)
    register_api_basics(app)
    register_commands(app)
    register_proxy(app)
    return app


@event.listens_for(Engine, "connect")
def _sqlite_foreign_keys(dbapi_connection, _record):
    """SQLite enforces foreign keys (and so ON DELETE CASCADE) only when asked, per connection.
    WAL lets readers work during a write, and synchronous=NORMAL is safe with WAL (no corruption;
    at worst the last commits before a power cut are lost)."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    login_manager.init_app(app)
    compress.init_app(app)


def register_blueprints(app: Flask) -> None:
    from . import shell
    from .accounts.api import bp as accounts_bp
    from .api.docs import bp as docs_bp
    from .articles.api import bp as articles_bp
    from .articles.api import precache_entries as article_precache
    from .tracker.api import bp as tracker_bp
    from .reminders.api import bp as reminders_bp
    from .reminders.dispatcher import start_in_background
    from .triage.api import bp as triage_bp
    from .triage.api import precache_entries as triage_precache

    for blueprint in (accounts_bp, docs_bp, articles_bp, tracker_bp, triage_bp, reminders_bp, shell.bp):
        app.register_blueprint(blueprint)
    app.config.setdefault("PRECACHE_PROVIDERS", [])
    app.config.setdefault("BACKGROUND_WORKERS", [start_in_background])
    app.config["PRECACHE_PROVIDERS"] = [article_precache, triage_precache, *app.config["PRECACHE_PROVIDERS"]]


def register_api_basics(app: Flask) -> None:
    from .api.errors import register_error_handlers
    from .security import register_security

    register_error_handlers(app)
    register_security(app)
    app.config.setdefault("SEND_FILE_MAX_AGE_DEFAULT", None)


def register_commands(app: Flask) -> None:
    from .commands import register
    from .reminders.api import register_commands as register_reminder_commands

    register(app)
    register_reminder_commands(app)


def register_proxy(app: Flask) -> None:
    """Behind N reverse proxies, trust their X-Forwarded-For/Proto/Host so HTTPS is seen as HTTPS."""
    count = app.config["PROXY_COUNT"]
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count, x_prefix=count)
