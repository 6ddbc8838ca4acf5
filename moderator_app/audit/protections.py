"""What the database itself does to keep the log append-only, and the check that it is still in place.

SQLite: BEFORE UPDATE/DELETE triggers. PostgreSQL: row triggers, a TRUNCATE statement trigger, all ENABLE ALWAYS
(so ``session_replication_role = replica`` does not skip them), and ``audit_append``, a SECURITY DEFINER function that
is the only way an application role writes events (workstations call it through ``audit_append_durable``, which
returns once the append is durable). Everything here is idempotent: every migration ends by calling ``install``
because Alembic batch mode on SQLite silently drops triggers when it rebuilds a table.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from moderator_app.audit.schema import PROTECTED_TABLES

CHECKPOINT_TRIGGER = "audit_checkpoint_matches_log"
WITNESS_SUFFIX = "#witness"  # audit.witness.RECEIPT_SUFFIX (that module imports the store, which imports this one)
CHECKPOINT_REFUSED = ("audit_checkpoint: checkpoint refused: the log has no event at that seq with that chain hash "
                      "(a checkpoint may only name a head the log has reached)")

# audit_head may move forward (appends) but never back, and never disappear.
_SQLITE = [
    *(f"""CREATE TRIGGER IF NOT EXISTS {t}_no_update BEFORE UPDATE ON {t}
          BEGIN SELECT RAISE(ABORT, '{t} is append-only: UPDATE refused'); END"""
      for t in PROTECTED_TABLES if t != "audit_head"),
    *(f"""CREATE TRIGGER IF NOT EXISTS {t}_no_delete BEFORE DELETE ON {t}
          BEGIN SELECT RAISE(ABORT, '{t} is append-only: DELETE refused'); END""" for t in PROTECTED_TABLES),
    """CREATE TRIGGER IF NOT EXISTS audit_head_forward_only BEFORE UPDATE ON audit_head
       WHEN NEW.seq <= OLD.seq OR NEW.log_id <> OLD.log_id
       BEGIN SELECT RAISE(ABORT, 'audit_head only moves forward'); END""",
    # A checkpoint (or a witness receipt, kept under "<log>#witness") only for a seq the log has reached, with the
    # chain hash the log has there: a workstation cannot sign a head ahead of the log (issue 16). Migration 0005.
    f"""CREATE TRIGGER IF NOT EXISTS {CHECKPOINT_TRIGGER} BEFORE INSERT ON audit_checkpoint
       WHEN NOT EXISTS (
         SELECT 1 FROM audit_event e JOIN audit_head h ON h.log_id = e.log_id
         WHERE e.log_id = (CASE WHEN substr(NEW.log_id, -8) = '{WITNESS_SUFFIX}'
                                THEN substr(NEW.log_id, 1, length(NEW.log_id) - 8) ELSE NEW.log_id END)
           AND e.seq = NEW.seq AND e.seq <= h.seq AND e.chain_hash = NEW.chain_hash)
       BEGIN SELECT RAISE(ABORT, '{CHECKPOINT_REFUSED}'); END""",
]
SQLITE_TRIGGERS = {
    *(f"{t}_no_update" for t in PROTECTED_TABLES if t != "audit_head"),
    *(f"{t}_no_delete" for t in PROTECTED_TABLES),
    "audit_head_forward_only",
    CHECKPOINT_TRIGGER,
}

_PG_FUNCTIONS = [
    """CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
        MESSAGE = TG_TABLE_NAME || ' is append-only: ' || TG_OP || ' refused';
    END $$""",
    """CREATE OR REPLACE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.seq <= OLD.seq OR NEW.log_id <> OLD.log_id THEN
        RAISE EXCEPTION 'audit_head only moves forward' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END $$""",
    # SECURITY INVOKER (the inserting role reads both tables anyway), but search_path pinned and every table named
    # with its schema all the same: the caller's temporary view or operator must not answer the question for it.
    f"""CREATE OR REPLACE FUNCTION {{schema}}.{CHECKPOINT_TRIGGER}() RETURNS trigger
    LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, {{schema}}, pg_temp AS $$
    DECLARE v_log pg_catalog.text := NEW.log_id;
    BEGIN
      IF pg_catalog.right(v_log, 8) OPERATOR(pg_catalog.=) '{WITNESS_SUFFIX}' THEN
        v_log := pg_catalog.left(v_log, -8);
      END IF;
      IF NOT EXISTS (
          SELECT 1 FROM {{schema}}.audit_event e JOIN {{schema}}.audit_head h
            ON h.log_id OPERATOR(pg_catalog.=) e.log_id
          WHERE e.log_id OPERATOR(pg_catalog.=) v_log AND e.seq OPERATOR(pg_catalog.=) NEW.seq
            AND e.seq OPERATOR(pg_catalog.<=) h.seq AND e.chain_hash OPERATOR(pg_catalog.=) NEW.chain_hash) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = '{CHECKPOINT_REFUSED}';
      END IF;
      RETURN NEW;
    END $$""",
    # One statement per append: the head row lock is held only inside the server, never across a round trip.
    # SECURITY DEFINER runs as the schema's owner, so nothing in it may be found through the caller: search_path is
    # pinned (pg_catalog first, pg_temp last, or the caller's temporary objects would be searched first) and every
    # table, function and operator is named with its schema (no overload in a writable schema can be picked).
    """CREATE OR REPLACE FUNCTION {schema}.audit_append(
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
    END $$""",
]


# What workstations call: one round trip per durable append. audit_append's transaction commits asynchronously (the
# head lock goes without waiting for the disk); then a second transaction commits synchronously, so CALL returns
# only once the WAL is flushed past the append's commit record, and concurrent appenders share fsyncs.
# A retry that finds its event already stored waits for that flush too. A procedure that COMMITs cannot be SECURITY
# DEFINER nor carry a SET clause: these run with the caller's rights (who needs EXECUTE on audit_append) and name
# audit_append with its schema, fixed when they are installed.
_WAIT_DURABLE = """COMMIT;
  IF current_setting('synchronous_commit') = 'off' THEN  -- a role or database default must not make it async
    PERFORM set_config('synchronous_commit', 'on', true);
  END IF;
  -- A commit waits for the flush only if its transaction has an xid AND wrote WAL (txid_current() alone gives an
  -- xid but writes nothing, so that commit is asynchronous). A transactional logical message, a few bytes that
  -- only a logical decoder of this database would see, gives it both.
  PERFORM pg_catalog.pg_logical_emit_message(true, 'moderator-audit', 'flush');"""
_PG_APPEND_DURABLE = """CREATE OR REPLACE PROCEDURE audit_append_durable(
    p_log text, p_event_id text, p_envelope bytea, p_key_id text, p_sig bytea, p_occurred_at text,
    p_actor text, p_event_type text, p_category text, p_subject text, p_decision_kind text,
    INOUT out_seq bigint DEFAULT NULL, INOUT out_chain bytea DEFAULT NULL)
LANGUAGE plpgsql AS $$
BEGIN
  SELECT a.out_seq, a.out_chain INTO out_seq, out_chain
    FROM {schema}.audit_append(p_log, p_event_id, p_envelope, p_key_id, p_sig, p_occurred_at, p_actor,
                               p_event_type, p_category, p_subject, p_decision_kind) a;
  {wait_durable}
END $$"""
# Group commit for a run of events (a spool flushed, a burst): one call, one lock, one WAL flush. The events are
# appended in order by audit_append itself, so every rule (idempotent event ids, gap-free seq) is the same.
_PG_APPEND_DURABLE_MANY = """CREATE OR REPLACE PROCEDURE audit_append_durable_many(
    p_log text, p_event_id text[], p_envelope bytea[], p_key_id text[], p_sig bytea[], p_occurred_at text[],
    p_actor text[], p_event_type text[], p_category text[], p_subject text[], p_decision_kind text[],
    INOUT out_seq bigint[] DEFAULT NULL, INOUT out_chain bytea[] DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE v_seq bigint; v_chain bytea;
BEGIN
  out_seq := '{}'; out_chain := '{}';
  FOR i IN 1 .. coalesce(cardinality(p_event_id), 0) LOOP
    SELECT a.out_seq, a.out_chain INTO v_seq, v_chain
      FROM {schema}.audit_append(p_log, p_event_id[i], p_envelope[i], p_key_id[i], p_sig[i], p_occurred_at[i],
                                 p_actor[i], p_event_type[i], p_category[i], p_subject[i], p_decision_kind[i]) a;
    out_seq := out_seq || v_seq;
    out_chain := out_chain || v_chain;
  END LOOP;
  {wait_durable}
END $$"""
APPEND_SIGNATURE = "text,text,bytea,text,bytea,text,text,text,text,text,text"
APPEND_DURABLE_SIGNATURE = f"{APPEND_SIGNATURE},bigint,bytea"
APPEND_DURABLE_MANY_SIGNATURE = "text," + ",".join(f"{t}[]" for t in [*APPEND_SIGNATURE.split(",")[1:],
                                                                      "bigint", "bytea"])


def _pg_triggers() -> list[tuple[str, str, str]]:
    """(table, trigger name, CREATE statement)."""
    out = []
    for table in PROTECTED_TABLES:
        row_ops = "DELETE" if table == "audit_head" else "UPDATE OR DELETE"
        out.append((table, f"{table}_no_change",
                    f"CREATE TRIGGER {table}_no_change BEFORE {row_ops} ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()"))
        out.append((table, f"{table}_no_truncate",
                    f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()"))
    out.append(("audit_head", "audit_head_forward_only",
                "CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head "
                "FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only()"))
    out.append(("audit_checkpoint", CHECKPOINT_TRIGGER,
                f"CREATE TRIGGER {CHECKPOINT_TRIGGER} BEFORE INSERT ON audit_checkpoint "
                f"FOR EACH ROW EXECUTE FUNCTION {CHECKPOINT_TRIGGER}()"))
    return out


def install(connection: Connection) -> None:
    """Create (or re-create) every trigger and function. Safe to run any number of times."""
    if connection.dialect.name == "sqlite":
        for statement in _SQLITE:
            connection.exec_driver_sql(statement)
        return
    schema = connection.exec_driver_sql("SELECT current_schema()").scalar()
    quoted_schema = connection.dialect.identifier_preparer.quote(str(schema))
    for statement in _PG_FUNCTIONS:
        connection.exec_driver_sql(statement.replace("{schema}", quoted_schema))
    for procedure in (_PG_APPEND_DURABLE, _PG_APPEND_DURABLE_MANY):
        connection.exec_driver_sql(procedure.replace("{schema}", quoted_schema).replace("{wait_durable}",
                                                                                           _WAIT_DURABLE))
    for table, name, create in _pg_triggers():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        connection.exec_driver_sql(create)
        connection.exec_driver_sql(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {name}")


def before_migrations(connection: Connection) -> None:
    """SQLite: drop the trigger that reads other tables before the revisions run. A batch rebuild of audit_event
    (copy, drop, rename) fails while a trigger names it; ``install`` puts it back before the run commits."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {CHECKPOINT_TRIGGER}")


def missing(connection: Connection) -> list[str]:
    """Protections that are not in place, in words (empty when all are)."""
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").all()
        present = {row[0] for row in rows}
        return [f"trigger {name} is missing" for name in sorted(SQLITE_TRIGGERS - present)]
    problems = []
    for table, name, _create in _pg_triggers():
        row = connection.execute(
            text("SELECT t.tgenabled FROM pg_trigger t WHERE t.tgrelid = to_regclass(:table) AND t.tgname = :name"),
            {"table": table, "name": name},
        ).first()
        if row is None:
            problems.append(f"trigger {name} on {table} is missing")
        elif row[0] != "A":
            problems.append(f"trigger {name} on {table} is not ENABLE ALWAYS (state {row[0]!r})")
    function = connection.exec_driver_sql(f"SELECT to_regprocedure('audit_append({APPEND_SIGNATURE})')").scalar()
    if function is None:
        problems.append("function audit_append is missing")
    problems.extend(f"SECURITY DEFINER function {name} does not pin its search_path (pg_temp last)"
                    for name in unpinned_definers(connection))
    return problems


def unpinned_definers(connection: Connection) -> list[str]:
    """SECURITY DEFINER functions of the log's schema whose search_path the caller could still influence."""
    rows = connection.exec_driver_sql(
        "SELECT p.oid::regprocedure::text, p.proconfig FROM pg_catalog.pg_proc p "
        "WHERE p.prosecdef AND p.pronamespace = pg_catalog.current_schema()::regnamespace").all()
    return sorted(name for name, config in rows if not _pins_search_path(config or []))


def _pins_search_path(config: list[str]) -> bool:
    paths = [item.split("=", 1)[1] for item in config if item.startswith("search_path=")]
    if not paths:
        return False
    schemas = [part.strip().strip('"') for part in paths[0].split(",")]
    return schemas[0] == "pg_catalog" and schemas[-1] == "pg_temp"


def grant_app_role(connection: Connection, role: str) -> None:
    """The least-privilege layout: the application role reads, appends through ``audit_append`` only, and adds
    checkpoints and keys; no UPDATE, DELETE or TRUNCATE on the audit tables (it may update the
    workstation_version registry, which is not part of the chain), and it owns nothing (so it cannot drop a trigger).
    Run as the owner of the schema (the role that ran ``db upgrade``)."""
    quoted = connection.dialect.identifier_preparer.quote(role)
    schema = connection.exec_driver_sql("SELECT current_schema()").scalar()
    quoted_schema = connection.dialect.identifier_preparer.quote(str(schema))
    connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA {quoted_schema} TO {quoted}")
    connection.exec_driver_sql(
        f"GRANT SELECT ON audit_event, audit_head, audit_checkpoint, audit_key, alembic_version TO {quoted}")
    connection.exec_driver_sql(f"GRANT INSERT ON audit_checkpoint, audit_key TO {quoted}")
    # The registry of workstation versions (not part of the audit chain) is updated in place at each connect.
    connection.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE ON workstation_version TO {quoted}")
    for routine in (f"FUNCTION audit_append({APPEND_SIGNATURE})",
                    f"PROCEDURE audit_append_durable({APPEND_DURABLE_SIGNATURE})",
                    f"PROCEDURE audit_append_durable_many({APPEND_DURABLE_MANY_SIGNATURE})"):
        connection.exec_driver_sql(f"REVOKE ALL ON {routine} FROM PUBLIC")
        connection.exec_driver_sql(f"GRANT EXECUTE ON {routine} TO {quoted}")
