"""The audit log: head, events, checkpoints, keys; triggers and the PostgreSQL append function.

Revision ID: 0001
"""

from __future__ import annotations

from alembic import op

from moderator_app.audit import protections
from moderator_app.audit.schema import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    metadata.create_all(bind)
    protections.install(bind)


def downgrade() -> None:
    raise RuntimeError("the audit log is never downgraded: restore a backup instead")
