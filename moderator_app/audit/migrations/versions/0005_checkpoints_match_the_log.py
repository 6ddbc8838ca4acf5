"""A checkpoint may only be inserted for a seq the log has reached and with the chain hash the log has there (a
BEFORE INSERT trigger on audit_checkpoint, SQLite and PostgreSQL). Before, any workstation (the application role
has INSERT on audit_checkpoint) could sign a checkpoint far ahead of the log, which every later `audit verify` then
reported, and nobody without the owner's rights could remove it (issue 16). Witness receipts, kept as rows under
``<log id>#witness``, follow the same rule against their log. Rows already stored are left as they are: `audit
verify` reports a checkpoint ahead of the log as `ahead`, and one the log has since passed as `disagrees`.

The DDL is written out here, not taken from ``moderator_app.audit.protections``: a revision stays what it was.

Revision ID: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

REFUSED = ("audit_checkpoint: checkpoint refused: the log has no event at that seq with that chain hash "
           "(a checkpoint may only name a head the log has reached)")

SQLITE_TRIGGER = f"""CREATE TRIGGER IF NOT EXISTS audit_checkpoint_matches_log BEFORE INSERT ON audit_checkpoint
WHEN NOT EXISTS (
  SELECT 1 FROM audit_event e JOIN audit_head h ON h.log_id = e.log_id
  WHERE e.log_id = (CASE WHEN substr(NEW.log_id, -8) = '#witness'
                         THEN substr(NEW.log_id, 1, length(NEW.log_id) - 8) ELSE NEW.log_id END)
    AND e.seq = NEW.seq AND e.seq <= h.seq AND e.chain_hash = NEW.chain_hash)
BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END"""

PG_FUNCTION = f"""CREATE OR REPLACE FUNCTION {{schema}}.audit_checkpoint_matches_log() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, {{schema}}, pg_temp AS $$
DECLARE v_log pg_catalog.text := NEW.log_id;
BEGIN
  IF pg_catalog.right(v_log, 8) OPERATOR(pg_catalog.=) '#witness' THEN
    v_log := pg_catalog.left(v_log, -8);
  END IF;
  IF NOT EXISTS (
      SELECT 1 FROM {{schema}}.audit_event e JOIN {{schema}}.audit_head h
        ON h.log_id OPERATOR(pg_catalog.=) e.log_id
      WHERE e.log_id OPERATOR(pg_catalog.=) v_log AND e.seq OPERATOR(pg_catalog.=) NEW.seq
        AND e.seq OPERATOR(pg_catalog.<=) h.seq AND e.chain_hash OPERATOR(pg_catalog.=) NEW.chain_hash) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = '{REFUSED}';
  END IF;
  RETURN NEW;
END $$"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql(SQLITE_TRIGGER)
        return
    schema = bind.dialect.identifier_preparer.quote(str(bind.exec_driver_sql("SELECT current_schema()").scalar()))
    bind.exec_driver_sql(PG_FUNCTION.replace("{schema}", schema))
    bind.exec_driver_sql("DROP TRIGGER IF EXISTS audit_checkpoint_matches_log ON audit_checkpoint")
    bind.exec_driver_sql("CREATE TRIGGER audit_checkpoint_matches_log BEFORE INSERT ON audit_checkpoint "
                         "FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_matches_log()")
    bind.exec_driver_sql("ALTER TABLE audit_checkpoint ENABLE ALWAYS TRIGGER audit_checkpoint_matches_log")


def downgrade() -> None:
    raise RuntimeError("the audit log is never downgraded: restore a backup instead")
