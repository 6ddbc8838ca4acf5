"""Alembic environment, run programmatically by moderator_app.audit.migrate (never by the alembic CLI)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from moderator_app.audit import protections
from moderator_app.audit.schema import metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table, which drops its triggers: see below.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
        # Whatever a migration did, the append-only protections are in place when it commits.
        protections.install(connection)


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through moderator_app.audit.migrate.upgrade")
run_migrations(connection)
