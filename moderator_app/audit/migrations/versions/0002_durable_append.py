"""The durable-append procedures (PostgreSQL).

``audit_append_durable`` is the procedure workstations call to append (one round trip: the append, its asynchronous
commit, then a synchronous commit that waits for the WAL flush), later joined by ``audit_append_durable_many``.
SQLite: nothing changes.

No table changes: the procedures are routines, which every migration run re-creates in their current form
(``protections.install`` in migrations/env.py). This revision marks the schema that workstations calling them
need, so an older workstation's ``ensure_ready`` asks for an upgrade rather than failing on a missing procedure.

Revision ID: 0002
"""

from __future__ import annotations

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to freeze: the routines come from the repeatable step at the end of the run."""


def downgrade() -> None:
    raise RuntimeError("the audit log is never downgraded: restore a backup instead")
