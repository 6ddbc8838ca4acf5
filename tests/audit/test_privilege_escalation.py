"""The application's own PostgreSQL login, set up as docs/audit.md says, tries to borrow the owner's rights through
``audit_append`` (SECURITY DEFINER): temporary objects named like the log's tables (the temporary schema is searched
first unless the function pins it last), and operator and function overloads in a schema every role may write. The
function must touch only the real tables with the real operators: no privilege gained, every trigger intact, the
chain still verifying with every signature checked."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from audit_support import PG_URL, OpenLog, event
from sqlalchemy import create_engine, insert, make_url, text
from sqlalchemy.exc import DBAPIError

from moderator_app.audit import migrate, protections
from moderator_app.audit.checkpoints import sign_checkpoint
from moderator_app.audit.schema import audit_checkpoint
from moderator_app.audit.store import AuditStore
from moderator_app.audit.witness import stored_receipts
from moderator_app.core.errors import StorageError
from moderator_app.platform_api import MemorySecretStore
from moderator_app.services.platform import make_client

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Layout:
    owner_url: str
    app_url: str
    schema: str
    shared: str
    owner: str
    app: str


def _url(user: str | None, search_path: str, role: str | None = None) -> str:
    url = make_url(PG_URL)
    options = f"-csearch_path={search_path}" + (f" -crole={role}" if role else "")
    if user:
        url = url.set(username=user)
    return url.update_query_dict({"options": options}).render_as_string(hide_password=False)


@pytest.fixture
def layout(pg_server: str) -> Iterator[Layout]:
    """docs/audit.md's layout: a NOLOGIN owner owns the schema and migrates it; the app login owns nothing and has the
    grants only. Worst case on top: the owner migrated with a world-writable schema on its search_path (as the old
    ``public`` schema was), and the database still lets PUBLIC create temporary objects."""
    tag = uuid.uuid4().hex[:10]
    owner, app, schema, shared = f"own_{tag}", f"app_{tag}", f"audit_{tag}", f"shared_{tag}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {owner} NOLOGIN")
        connection.exec_driver_sql(f"CREATE SCHEMA {schema} AUTHORIZATION {owner}")
        connection.exec_driver_sql(f"CREATE SCHEMA {shared}")
        connection.exec_driver_sql(f"GRANT USAGE, CREATE ON SCHEMA {shared} TO PUBLIC")
        connection.exec_driver_sql(f"CREATE ROLE {app} LOGIN")
    yield Layout(owner_url=_url(None, f"{schema},{shared}", owner), app_url=_url(app, schema),
                 schema=schema, shared=shared, owner=owner, app=app)
    with admin.connect() as connection:
        connection.exec_driver_sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{app}'")
        connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        connection.exec_driver_sql(f"DROP SCHEMA {shared} CASCADE")
        for role in (app, owner):
            connection.exec_driver_sql(f"DROP OWNED BY {role}")
            connection.exec_driver_sql(f"DROP ROLE {role}")
    admin.dispose()


# What the attacker's code does if it ever runs with the owner's rights.
_ESCALATE = """
  GRANT INSERT, UPDATE, DELETE, TRUNCATE ON {schema}.audit_event, {schema}.audit_head TO {app};
  ALTER TABLE {schema}.audit_event DISABLE TRIGGER USER;
  ALTER TABLE {schema}.audit_head DISABLE TRIGGER USER;
"""

_ATTACK = [
    # temporary schema: a view named like the events table over a function that escalates, and a trigger (also
    # temporary) that passes the insert on to the real table so the append itself still succeeds
    f"""CREATE FUNCTION pg_temp.escalate() RETURNS SETOF {{schema}}.audit_event LANGUAGE plpgsql AS $$
        BEGIN {_ESCALATE} RETURN; END $$""",
    "CREATE TEMP VIEW audit_event AS SELECT * FROM pg_temp.escalate()",
    """CREATE FUNCTION pg_temp.pass_on() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO {schema}.audit_event SELECT NEW.*; RETURN NEW; END $$""",
    """CREATE TRIGGER pass_on INSTEAD OF INSERT ON pg_temp.audit_event
        FOR EACH ROW EXECUTE FUNCTION pg_temp.pass_on()""",
    "GRANT SELECT, INSERT ON pg_temp.audit_event TO PUBLIC",
    # the world-writable schema: function and operator overloads of what audit_append calls
    f"""CREATE FUNCTION {{shared}}.trap_bytea(bytea) RETURNS bytea LANGUAGE plpgsql AS $$
        BEGIN {_ESCALATE} RETURN pg_catalog.sha256($1); END $$""",
    f"""CREATE FUNCTION {{shared}}.trap_cat(bytea, bytea) RETURNS bytea LANGUAGE plpgsql AS $$
        BEGIN {_ESCALATE} RETURN pg_catalog.byteacat($1, $2); END $$""",
    f"""CREATE FUNCTION {{shared}}.trap_eq(text, text) RETURNS boolean LANGUAGE plpgsql AS $$
        BEGIN {_ESCALATE} RETURN pg_catalog.texteq($1, $2); END $$""",
    f"""CREATE FUNCTION {{shared}}.trap_plus(bigint, integer) RETURNS bigint LANGUAGE plpgsql AS $$
        BEGIN {_ESCALATE} RETURN pg_catalog.int84pl($1, $2); END $$""",
    f"""CREATE FUNCTION {{shared}}.sha256(bytea) RETURNS bytea LANGUAGE plpgsql AS $$
        BEGIN {_ESCALATE} RETURN pg_catalog.sha256($1); END $$""",
    f"""CREATE FUNCTION {{shared}}.int8send(bigint) RETURNS bytea LANGUAGE plpgsql AS $$
        BEGIN {_ESCALATE} RETURN pg_catalog.int8send($1); END $$""",
    f"""CREATE FUNCTION {{shared}}.decode(text, text) RETURNS bytea LANGUAGE plpgsql AS $$
        BEGIN {_ESCALATE} RETURN pg_catalog.decode($1, $2); END $$""",
    f"""CREATE FUNCTION {{shared}}.set_config(text, text, boolean) RETURNS text LANGUAGE plpgsql AS $$
        BEGIN {_ESCALATE} RETURN pg_catalog.set_config($1, $2, $3); END $$""",
    "CREATE OPERATOR {shared}.|| (LEFTARG = bytea, RIGHTARG = bytea, FUNCTION = {shared}.trap_cat)",
    "CREATE OPERATOR {shared}.= (LEFTARG = text, RIGHTARG = text, FUNCTION = {shared}.trap_eq)",
    "CREATE OPERATOR {shared}.+ (LEFTARG = bigint, RIGHTARG = integer, FUNCTION = {shared}.trap_plus)",
]


def _privileges(layout: Layout) -> dict[str, bool]:
    admin = create_engine(PG_URL)
    with admin.connect() as connection:
        out = {}
        for table in ("audit_event", "audit_head"):
            for privilege in ("INSERT", "UPDATE", "DELETE", "TRUNCATE"):
                out[f"{table} {privilege}"] = bool(connection.execute(
                    text("SELECT has_table_privilege(:role, :table, :privilege)"),
                    {"role": layout.app, "table": f"{layout.schema}.{table}", "privilege": privilege}).scalar())
    admin.dispose()
    return out


def test_the_app_role_cannot_borrow_the_owners_rights_through_audit_append(layout: Layout, open_log: OpenLog,
                                                                           tmp_path: Path) -> None:
    owner_log = open_log(layout.owner_url, data_dir=tmp_path / "owner")
    owner_log.store.upgrade()
    with owner_log.store.writer.begin() as connection:
        protections.grant_app_role(connection, layout.app)
    workstation = open_log(layout.app_url, data_dir=tmp_path / "ws")
    for number in range(3):
        workstation.append(event(number))
    before = _privileges(layout)
    assert not any(before.values())

    attacker = create_engine(layout.app_url, isolation_level="AUTOCOMMIT")
    with attacker.connect() as connection:
        for statement in _ATTACK:
            connection.exec_driver_sql(statement.replace("{shared}", layout.shared).replace(
                "{schema}", layout.schema).replace("{app}", layout.app))
        # the attacker's own session, with the writable schema on its path as well
        connection.exec_driver_sql(f"SET search_path = {layout.schema}, {layout.shared}")
        outcome = connection.execute(text(
            f"SELECT out_seq FROM {layout.schema}.audit_append('main', :id, '\\x7b7d'::bytea, 'k', '\\x00'::bytea, "
            "'2026-11-30T00:00:00.000000Z', 'mod1', 'login', NULL, NULL, NULL)"), {"id": str(uuid.uuid4())},
        ).scalar()
        assert outcome == 4  # appended to the real table, through the real operators
        for statement in (f"UPDATE {layout.schema}.audit_event SET actor = 'x'",
                          f"DELETE FROM {layout.schema}.audit_event WHERE seq = 4",
                          f"TRUNCATE {layout.schema}.audit_event"):
            with pytest.raises(DBAPIError, match="permission denied"):
                connection.exec_driver_sql(statement)
    attacker.dispose()

    assert _privileges(layout) == before
    with owner_log.store.writer.connect() as connection:
        assert protections.missing(connection) == []
    # the attacker's row (no valid signature) is reported as forged; the three real events before it are intact
    report = open_log(layout.owner_url, data_dir=tmp_path / "reviewer").verify(all_signatures=True)
    assert report.first_problem is not None and report.first_problem.seq == 4
    assert report.first_problem.kind == "forged"


def _db_upgrade(url: str, *extra: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), "db", "upgrade", "--db", url, *extra],
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "MODAPP_DATA_DIR": str(data_dir)})


def test_db_upgrade_checks_the_app_role_it_hands_to_workstations(layout: Layout, tmp_path: Path) -> None:
    first = _db_upgrade(layout.owner_url, data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    # PUBLIC: the log's schema is no longer writable by everyone; the test database still allows TEMP (a warning)
    assert "PUBLIC: rights checked: it cannot change the log" in first.stdout
    assert "warning: PUBLIC may create temporary objects: REVOKE TEMP ON DATABASE" in first.stderr

    admin = create_engine(layout.owner_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        protections.grant_app_role(connection, layout.app)
    granted = _db_upgrade(layout.owner_url, "--app-role", layout.app, data_dir=tmp_path)
    assert granted.returncode == 0, granted.stderr
    assert f"{layout.app}: rights checked: it cannot change the log" in granted.stdout
    assert "lacks" not in granted.stderr

    with admin.connect() as connection:
        connection.exec_driver_sql(f"GRANT UPDATE ON audit_event TO {layout.app}")
    superuser = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with superuser.connect() as connection:
        connection.exec_driver_sql(f"GRANT {layout.owner} TO {layout.app}")
    superuser.dispose()
    refused = _db_upgrade(layout.owner_url, "--app-role", layout.app, data_dir=tmp_path)
    admin.dispose()
    assert refused.returncode == 1
    assert f"{layout.app} must not be handed to workstations: {layout.app} has UPDATE on audit_event" in refused.stderr
    assert f"acts as {layout.owner}, the owner of schema {layout.schema}" in refused.stderr
    assert "Traceback" not in refused.stderr


UNPINNED = """CREATE OR REPLACE FUNCTION audit_append(
    p_log text, p_event_id text, p_envelope bytea, p_key_id text, p_sig bytea, p_occurred_at text,
    p_actor text, p_event_type text, p_category text, p_subject text, p_decision_kind text)
RETURNS TABLE(out_seq bigint, out_chain bytea)
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN RETURN QUERY SELECT 0::bigint, '\\x'::bytea; END $$"""


def test_upgrading_a_0002_database_pins_the_function_and_writers_refuse_until_then(pg_url: str,
                                                                                 open_log: OpenLog) -> None:
    """A team database from before revision 0003, with the old definition: the log reports the missing protection
    and workstations refuse to write until `db upgrade` has run; afterwards the function is pinned."""
    store = AuditStore(pg_url)
    try:
        with store.writer.connect() as connection:
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "0002")
            connection.exec_driver_sql(UNPINNED)
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0002'")
            connection.commit()
        with store.writer.connect() as connection:
            assert [p for p in protections.missing(connection) if "search_path" in p] == [
                "SECURITY DEFINER function audit_append(text,text,bytea,text,bytea,text,text,text,text,text,text) "
                "does not pin its search_path (pg_temp last)"]
        assert store.revision() == "0002"
        with pytest.raises(StorageError, match="run 'moderator-app db upgrade'"):
            store.ensure_ready()  # what every writer checks before it appends
        store.upgrade()
        assert store.revision() == migrate.head_revision()
        with store.writer.connect() as connection:
            assert protections.missing(connection) == []
            config_row = connection.exec_driver_sql(
                "SELECT proconfig FROM pg_proc WHERE oid = to_regprocedure("
                f"'audit_append({protections.APPEND_SIGNATURE})')").scalar()
        assert config_row == [f"search_path=pg_catalog, {make_url(pg_url).query['options'].split('=')[1]}, pg_temp"]
    finally:
        store.close()
    audit_log = open_log(pg_url)
    audit_log.append(event(1))
    assert audit_log.verify(all_signatures=True).ok


def test_the_app_role_cannot_plant_a_checkpoint_ahead_of_the_log(layout: Layout, open_log: OpenLog,
                                                                 platform_server: Callable[..., Any],
                                                                 tmp_path: Path) -> None:
    """Issue 16: the app role (INSERT on audit_checkpoint) signed a checkpoint far ahead of the log, and every later
    `audit verify` failed for good. The database now refuses it, whatever the role's own session shadows; appends,
    interval checkpoints and witness receipts go on as before."""
    owner_log = open_log(layout.owner_url, data_dir=tmp_path / "owner")
    owner_log.store.upgrade()
    with owner_log.store.writer.begin() as connection:
        protections.grant_app_role(connection, layout.app)
    client = make_client(platform_server(posts=5).url)
    client.secrets = MemorySecretStore()
    client.login("mod1", "demo")
    workstation = open_log(layout.app_url, data_dir=tmp_path / "ws", checkpoint_interval=5, platform=client)
    for number in range(12):
        workstation.append(event(number))
    assert workstation.witness is not None and workstation.witness.flush() is not None
    assert [r.seq for r in stored_receipts(workstation.store)] == [12]
    key, log_id = workstation.writer.key, workstation.store.log_id
    head_chain = workstation.store.head()[1]
    for seq, chain in ((10_000, "ab" * 32), (10, head_chain.hex())):
        with pytest.raises(StorageError, match="checkpoint refused"):
            workstation.store.add_checkpoint(sign_checkpoint(key, log_id, seq, chain, "manual"))

    bogus = AuditStore._checkpoint_row(sign_checkpoint(key, log_id, 10_000, "ab" * 32, "manual"))
    attacker = create_engine(layout.app_url, isolation_level="AUTOCOMMIT")
    with attacker.connect() as connection:
        # temporary tables named like the log's, holding the head it wants the check to find
        for table in ("audit_event", "audit_head"):
            connection.exec_driver_sql(f"CREATE TEMP TABLE {table} (LIKE {layout.schema}.{table})")
        connection.exec_driver_sql(f"INSERT INTO pg_temp.audit_event SELECT * FROM {layout.schema}.audit_event "
                                   "WHERE seq = 1")
        connection.exec_driver_sql("UPDATE pg_temp.audit_event SET seq = 10000, chain_hash = "
                                   "decode(repeat('ab', 32), 'hex')")
        connection.execute(text("INSERT INTO pg_temp.audit_head VALUES (:log, 10000, decode(repeat('ab', 32), "
                                "'hex'))"), {"log": log_id})
        connection.exec_driver_sql(f"SET search_path = pg_temp, {layout.schema}")
        with pytest.raises(DBAPIError, match="checkpoint refused"):
            connection.execute(insert(audit_checkpoint).values(bogus))
        for statement in (f"DROP TRIGGER {protections.CHECKPOINT_TRIGGER} ON {layout.schema}.audit_checkpoint",
                          f"ALTER TABLE {layout.schema}.audit_checkpoint DISABLE TRIGGER USER"):
            with pytest.raises(DBAPIError, match="must be owner"):
                connection.exec_driver_sql(statement)
    attacker.dispose()

    for number in range(12, 16):
        workstation.append(event(number))
    assert workstation.witness.flush() is not None
    assert [c.seq for c in workstation.store.checkpoints()] == [5, 10, 15]
    assert [r.seq for r in stored_receipts(workstation.store)] == [12, 16]
    with owner_log.store.writer.connect() as connection:
        assert protections.missing(connection) == []
    assert workstation.alarm is None
    assert open_log(layout.owner_url, data_dir=tmp_path / "reviewer").verify(all_signatures=True).ok
