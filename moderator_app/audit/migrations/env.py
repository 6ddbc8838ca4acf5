"""Alembic environment, run programmatically by moderator_app.audit.migrate (never by the alembic CLI).

Revisions are frozen DDL (they never import audit/schema.py). The protections (triggers, PostgreSQL functions and
procedures) are the one repeatable step: whatever the revisions did, ``protections.install`` re-creates them in
their current form before the run commits. They are routines and triggers, not data, so re-creating is safe.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from moderator_app.audit import protections


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        # SQLite cannot ALTER most things; batch mode rebuilds the table, which drops its triggers: see below.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        protections.before_migrations(connection)
        context.run_migrations()
        # Whatever a migration did, the append-only protections are in place when it commits.
        protections.install(connection)


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through moderator_app.audit.migrate.upgrade")
run_migrations(connection)
