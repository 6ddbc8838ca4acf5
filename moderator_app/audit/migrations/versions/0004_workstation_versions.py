"""workstation_version: which workstations use this database, their app version and the newest schema each
understands; written when a workstation connects, read by `db upgrade` before it moves the schema on.
Not part of the audit chain (no triggers): a registry, updated in place.

Revision ID: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE TABLE workstation_version ("
        " workstation VARCHAR(255) NOT NULL PRIMARY KEY,"
        " app_version VARCHAR(64) NOT NULL,"
        " schema_head VARCHAR(64) NOT NULL,"  # the newest audit schema revision this app version understands
        " last_seen VARCHAR(40) NOT NULL"  # RFC 3339, UTC
        ")"
    )


def downgrade() -> None:
    raise RuntimeError("the audit log is never downgraded: restore a backup instead")
