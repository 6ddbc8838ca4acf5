"""The audit tables (SQLAlchemy Core). Every constraint is named: Alembic batch mode on SQLite copies names verbatim."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

# The single serialisation point: appends lock this row (PostgreSQL) or the whole file (SQLite BEGIN IMMEDIATE).
audit_head = Table(
    "audit_head", metadata,
    Column("log_id", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("chain_hash", LargeBinary, nullable=False),
    PrimaryKeyConstraint("log_id", name="pk_audit_head"),
)

audit_event = Table(
    "audit_event", metadata,
    Column("log_id", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("event_id", String(36), nullable=False),
    # The exact RFC 8785 bytes that were hashed and signed: the source of truth for verification.
    Column("envelope", LargeBinary, nullable=False),
    Column("leaf_hash", LargeBinary, nullable=False),
    Column("prev_hash", LargeBinary, nullable=False),
    Column("chain_hash", LargeBinary, nullable=False),
    Column("writer_key_id", String(32), nullable=False),
    Column("writer_sig", LargeBinary, nullable=False),
    # Indexed copies of header fields for filters and exports; verification re-derives nothing from them.
    Column("occurred_at", String(32), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("event_type", String(32), nullable=False),
    Column("category", String(32)),
    Column("subject", String(160)),
    Column("decision_kind", String(32)),
    PrimaryKeyConstraint("log_id", "seq", name="pk_audit_event"),
    UniqueConstraint("event_id", name="uq_audit_event_event_id"),
)
Index("ix_audit_event_occurred_at", audit_event.c.occurred_at)
Index("ix_audit_event_actor", audit_event.c.actor)
Index("ix_audit_event_event_type", audit_event.c.event_type)
Index("ix_audit_event_category", audit_event.c.category)
Index("ix_audit_event_subject", audit_event.c.subject)
Index("ix_audit_event_decision_kind", audit_event.c.decision_kind)

audit_checkpoint = Table(
    "audit_checkpoint", metadata,
    Column("checkpoint_id", String(36), nullable=False),
    Column("log_id", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("chain_hash", LargeBinary, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("reason", String(16), nullable=False),
    Column("key_id", String(32), nullable=False),
    Column("note", Text, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Column("witness_receipt", Text),
    PrimaryKeyConstraint("checkpoint_id", name="pk_audit_checkpoint"),
)
Index("ix_audit_checkpoint_log_id_seq", audit_checkpoint.c.log_id, audit_checkpoint.c.seq)

# A registry of workstation public keys: informative for verifiers, who also pin the keys they have seen.
audit_key = Table(
    "audit_key", metadata,
    Column("key_id", String(32), nullable=False),
    Column("public_key", LargeBinary, nullable=False),
    Column("workstation", String(128), nullable=False),
    Column("created_at", String(32), nullable=False),
    PrimaryKeyConstraint("key_id", name="pk_audit_key"),
)

PROTECTED_TABLES = ("audit_event", "audit_checkpoint", "audit_key", "audit_head")

# Which workstations use this database and the newest schema each understands (migration workstation_versions):
# a registry updated in place, outside the chain; `db upgrade` reads it before moving the schema on.
workstation_version = Table(
    "workstation_version", metadata,
    Column("workstation", String(255), primary_key=True),
    Column("app_version", String(64), nullable=False),
    Column("schema_head", String(64), nullable=False),
    Column("last_seen", String(40), nullable=False),
)
