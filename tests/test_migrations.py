"""The migrations build exactly the schema the models describe (on SQLite and on PostgreSQL)."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from backend.extensions import db


def test_migrations_match_the_models(app):
    with app.app_context(), db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []
