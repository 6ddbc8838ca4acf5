"""The audit log: head, events, checkpoints, keys.

Frozen DDL: this revision never changes, whatever ``audit/schema.py`` becomes; a later change to the tables is a
new revision. The append-only triggers and the PostgreSQL functions are not here: they are re-created by every
migration run (``protections.install``, see migrations/env.py), like a repeatable migration.

Revision ID: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = """
CREATE TABLE audit_checkpoint (
    checkpoint_id VARCHAR(36) NOT NULL,
    log_id VARCHAR(64) NOT NULL,
    seq BIGINT NOT NULL,
    chain_hash {binary} NOT NULL,
    created_at VARCHAR(32) NOT NULL,
    reason VARCHAR(16) NOT NULL,
    key_id VARCHAR(32) NOT NULL,
    note TEXT NOT NULL,
    signature {binary} NOT NULL,
    witness_receipt TEXT,
    CONSTRAINT pk_audit_checkpoint PRIMARY KEY (checkpoint_id)
);
CREATE INDEX ix_audit_checkpoint_log_id_seq ON audit_checkpoint (log_id, seq);
CREATE TABLE audit_event (
    log_id VARCHAR(64) NOT NULL,
    seq BIGINT NOT NULL,
    event_id VARCHAR(36) NOT NULL,
    envelope {binary} NOT NULL,
    leaf_hash {binary} NOT NULL,
    prev_hash {binary} NOT NULL,
    chain_hash {binary} NOT NULL,
    writer_key_id VARCHAR(32) NOT NULL,
    writer_sig {binary} NOT NULL,
    occurred_at VARCHAR(32) NOT NULL,
    actor VARCHAR(128) NOT NULL,
    event_type VARCHAR(32) NOT NULL,
    category VARCHAR(32),
    subject VARCHAR(160),
    decision_kind VARCHAR(32),
    CONSTRAINT pk_audit_event PRIMARY KEY (log_id, seq),
    CONSTRAINT uq_audit_event_event_id UNIQUE (event_id)
);
CREATE INDEX ix_audit_event_actor ON audit_event (actor);
CREATE INDEX ix_audit_event_category ON audit_event (category);
CREATE INDEX ix_audit_event_decision_kind ON audit_event (decision_kind);
CREATE INDEX ix_audit_event_event_type ON audit_event (event_type);
CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_subject ON audit_event (subject);
CREATE TABLE audit_head (
    log_id VARCHAR(64) NOT NULL,
    seq BIGINT NOT NULL,
    chain_hash {binary} NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (log_id)
);
CREATE TABLE audit_key (
    key_id VARCHAR(32) NOT NULL,
    public_key {binary} NOT NULL,
    workstation VARCHAR(128) NOT NULL,
    created_at VARCHAR(32) NOT NULL,
    CONSTRAINT pk_audit_key PRIMARY KEY (key_id)
);
"""
BINARY = {"sqlite": "BLOB", "postgresql": "BYTEA"}


def upgrade() -> None:
    bind = op.get_bind()
    ddl = TABLES.replace("{binary}", BINARY[bind.dialect.name])
    for statement in filter(None, (s.strip() for s in ddl.split(";"))):
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    raise RuntimeError("the audit log is never downgraded: restore a backup instead")
