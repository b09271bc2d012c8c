"""Test fixtures: a fresh app and an empty database for every test.

The schema is built once per run by the real migrations (SQLite by default, or the database in
STEADY_TEST_DATABASE_URL, e.g. PostgreSQL in CI); every test then starts from empty tables.
"""
import os
import uuid

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from backend import create_app
from backend.extensions import db

pytest_plugins = ["push_fixtures"]


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    return os.environ.get("STEADY_TEST_DATABASE_URL") or \
        f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


@pytest.fixture(scope="session")
def instance_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("instance"))


def _make_app(database_url, instance_dir, **extra):
    overrides = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "REMINDERS_WORKER": False,
                 "SECRET_KEY": "test-secret-key-not-used-anywhere-else"}
    overrides.update(extra)
    return create_app(overrides, instance_path=instance_dir)


@pytest.fixture(scope="session")
def migrated(database_url, instance_dir):
    app = _make_app(database_url, instance_dir)
    with app.app_context():
        if database_url.startswith("postgresql"):
            db.session.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            db.session.commit()
        upgrade(revision="heads")
        db.engine.dispose()
    return True


def _empty_all_tables():
    tables = list(reversed(db.metadata.sorted_tables))
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{table.name}"' for table in tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture
def app(migrated, database_url, instance_dir):
    app = _make_app(database_url, instance_dir)
    with app.app_context():
        _empty_all_tables()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


class ApiClient:
    """A test client that speaks JSON and sends the CSRF header like the app does."""

    def __init__(self, client):
        self.client = client
        self.csrf = None

    def refresh_csrf(self):
        self.csrf = self.client.get("/api/auth/csrf").get_json()["csrf_token"]
        return self.csrf

    def request(self, method, path, json=None, csrf=True, **kwargs):
        headers = kwargs.pop("headers", {})
        if method != "GET" and csrf:
            headers.setdefault("X-CSRF-Token", self.csrf or self.refresh_csrf())
        response = self.client.open(path, method=method, json=json, headers=headers, **kwargs)
        if response.is_json and isinstance(response.get_json(silent=True), dict) and \
                "csrf_token" in response.get_json():
            self.csrf = response.get_json()["csrf_token"]
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, json=None, **kwargs):
        return self.request("POST", path, json, **kwargs)

    def put(self, path, json=None, **kwargs):
        return self.request("PUT", path, json, **kwargs)

    def patch(self, path, json=None, **kwargs):
        return self.request("PATCH", path, json, **kwargs)

    def delete(self, path, json=None, **kwargs):
        return self.request("DELETE", path, json, **kwargs)

    def sign_up(self, email=None, password="correct horse battery", **profile):
        email = email or f"person-{uuid.uuid4().hex[:8]}@example.com"
        response = self.post("/api/auth/signup", {"email": email, "password": password, **profile})
        assert response.status_code == 201, response.get_json()
        return response.get_json()["user"]


@pytest.fixture
def api(app):
    return ApiClient(app.test_client())


@pytest.fixture
def make_api(app):
    """Makes more independent clients (other people, other devices)."""
    return lambda: ApiClient(app.test_client())


@pytest.fixture
def user_api(api):
    """A client signed in as a new person; `.user` holds the profile."""
    api.user = api.sign_up(display_name="Sam", time_zone="Europe/London")
    return api
