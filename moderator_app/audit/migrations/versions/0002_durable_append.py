"""PostgreSQL: ``audit_append_durable``, the procedure workstations call to append (one round trip: the append,
its asynchronous commit, then a synchronous commit that waits for the WAL flush), and ``audit_append_durable_many``,
the same for a run of events in one group commit. SQLite: nothing changes.

Revision ID: 0002
"""

from __future__ import annotations

from alembic import op

from moderator_app.audit import protections

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    protections.install(op.get_bind())  # creates the procedures (every migration run ends with install anyway)


def downgrade() -> None:
    raise RuntimeError("the audit log is never downgraded: restore a backup instead")
