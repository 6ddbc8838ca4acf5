"""PostgreSQL: ``audit_append`` (SECURITY DEFINER) pins its search_path (pg_catalog first, pg_temp last) and names
every table, function and operator with its schema. Before, it ran with the search_path of the migration and the
caller's temporary schema searched first: the application role could shadow ``audit_event`` with a temporary view
over its own function, which then ran with the owner's rights (issue 16). PUBLIC also loses CREATE on the log's
schema. SQLite: nothing changes.

The DDL is written out here, not taken from ``moderator_app.audit.protections``: a revision stays what it was.

Revision ID: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

AUDIT_APPEND = """CREATE OR REPLACE FUNCTION {schema}.audit_append(
    p_log text, p_event_id text, p_envelope bytea, p_key_id text, p_sig bytea, p_occurred_at text,
    p_actor text, p_event_type text, p_category text, p_subject text, p_decision_kind text)
RETURNS TABLE(out_seq bigint, out_chain bytea)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {schema}, pg_temp AS $$
DECLARE h_seq pg_catalog.int8; h_chain pg_catalog.bytea; v_leaf pg_catalog.bytea; v_chain pg_catalog.bytea;
BEGIN
  SELECT e.seq, e.chain_hash INTO h_seq, h_chain FROM {schema}.audit_event e
    WHERE e.event_id OPERATOR(pg_catalog.=) p_event_id;
  IF FOUND THEN RETURN QUERY SELECT h_seq, h_chain; RETURN; END IF;
  -- The head lock is held until COMMIT; an asynchronous commit releases it without waiting for the disk. The
  -- caller then waits for the WAL flush outside the lock (audit_append_durable), so an append is durable
  -- before it returns and concurrent flushes share one fsync (group commit).
  PERFORM pg_catalog.set_config('synchronous_commit', 'off', true);
  SELECT h.seq, h.chain_hash INTO h_seq, h_chain FROM {schema}.audit_head h
    WHERE h.log_id OPERATOR(pg_catalog.=) p_log FOR UPDATE;
  IF NOT FOUND THEN  -- the first event of this log
    INSERT INTO {schema}.audit_head(log_id, seq, chain_hash)
      VALUES (p_log, 0, pg_catalog.decode(pg_catalog.repeat('00', 32), 'hex'))
      ON CONFLICT (log_id) DO NOTHING;
    SELECT h.seq, h.chain_hash INTO h_seq, h_chain FROM {schema}.audit_head h
      WHERE h.log_id OPERATOR(pg_catalog.=) p_log FOR UPDATE;
  END IF;
  -- a retry of the same event may have committed while we waited for the lock
  SELECT e.seq, e.chain_hash INTO out_seq, out_chain FROM {schema}.audit_event e
    WHERE e.event_id OPERATOR(pg_catalog.=) p_event_id;
  IF FOUND THEN RETURN NEXT; RETURN; END IF;
  h_seq := h_seq OPERATOR(pg_catalog.+) 1;
  v_leaf := pg_catalog.sha256('\\x00'::pg_catalog.bytea OPERATOR(pg_catalog.||) p_envelope);
  v_chain := pg_catalog.sha256(h_chain OPERATOR(pg_catalog.||) pg_catalog.int8send(h_seq)
                               OPERATOR(pg_catalog.||) v_leaf);
  INSERT INTO {schema}.audit_event(log_id, seq, event_id, envelope, leaf_hash, prev_hash, chain_hash,
                                   writer_key_id, writer_sig, occurred_at, actor, event_type, category, subject,
                                   decision_kind)
    VALUES (p_log, h_seq, p_event_id, p_envelope, v_leaf, h_chain, v_chain, p_key_id, p_sig,
            p_occurred_at, p_actor, p_event_type, p_category, p_subject, p_decision_kind);
  UPDATE {schema}.audit_head SET seq = h_seq, chain_hash = v_chain WHERE log_id OPERATOR(pg_catalog.=) p_log;
  RETURN QUERY SELECT h_seq, v_chain;
END $$"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.dialect.identifier_preparer.quote(str(bind.exec_driver_sql("SELECT current_schema()").scalar()))
    bind.exec_driver_sql(AUDIT_APPEND.replace("{schema}", schema))
    bind.exec_driver_sql(f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC")


def downgrade() -> None:
    raise RuntimeError("the audit log is never downgraded: restore a backup instead")
