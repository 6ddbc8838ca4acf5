"""The tamper-evident audit log: SQLAlchemy schema, hash chain, append, verify, exports, migrations."""
