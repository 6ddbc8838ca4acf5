"""The database refuses changes itself; migrations keep the triggers; the PostgreSQL role layout holds."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from audit_support import OpenLog, event, fill
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import DBAPIError

from moderator_app.audit import migrate, protections
from moderator_app.audit.store import AuditStore

BATCH_MIGRATION = '''"""A later migration that rebuilds audit_event the SQLite way (batch: copy, drop, rename).

Revision ID: 9001
"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"


def upgrade() -> None:
    with op.batch_alter_table("audit_event", recreate="always") as batch:
        batch.add_column(sa.Column("note_for_test", sa.Text(), nullable=True))
'''


@pytest.mark.parametrize("statement", [
    "UPDATE audit_event SET actor = 'someone-else' WHERE seq = 3",
    "DELETE FROM audit_event WHERE seq = 3",
    "UPDATE audit_head SET seq = 1",
    "DELETE FROM audit_checkpoint",
    "DELETE FROM audit_key",
])
def test_changes_are_refused_by_the_database(any_url: str, open_log: OpenLog, statement: str) -> None:
    audit_log = open_log(any_url, checkpoint_interval=5)
    fill(audit_log, 6)
    with pytest.raises(DBAPIError, match=r"append-only|only moves forward"), audit_log.store.writer.begin() as c:
        c.exec_driver_sql(statement)
    assert audit_log.verify().ok


def test_postgresql_refuses_truncate_and_replica_mode(pg_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(pg_url)
    fill(audit_log, 3)
    engine = create_engine(pg_url)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.exec_driver_sql("TRUNCATE audit_event")
    with engine.begin() as connection:
        connection.exec_driver_sql("SET session_replication_role = replica")  # skips triggers not ENABLE ALWAYS
        with pytest.raises(DBAPIError, match="append-only"):
            connection.exec_driver_sql("DELETE FROM audit_event")
    engine.dispose()
    assert audit_log.verify().events_checked == 3


def test_batch_migration_on_sqlite_keeps_the_triggers(sqlite_url: str, open_log: OpenLog, tmp_path: Path) -> None:
    audit_log = open_log(sqlite_url)
    fill(audit_log, 5)
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "9001_rebuild.py").write_text(BATCH_MIGRATION.replace("{head}", str(migrate.head_revision())),
                                              encoding="utf-8")
    migrate.upgrade(audit_log.store.writer, migrate.alembic_config([versions]))
    with audit_log.store.reader.connect() as connection:
        columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(audit_event)")]
        assert "note_for_test" in columns  # the table really was rebuilt
        assert protections.missing(connection) == []
    with pytest.raises(DBAPIError, match="append-only"), audit_log.store.writer.begin() as c:
        c.exec_driver_sql("DELETE FROM audit_event")
    assert audit_log.verify().ok


def test_upgrade_reinstalls_lost_triggers_and_the_writer_refuses_until_then(sqlite_url: str,
                                                                             open_log: OpenLog) -> None:
    audit_log = open_log(sqlite_url)
    fill(audit_log, 2)
    with audit_log.store.writer.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER audit_event_no_delete")
    store = AuditStore(sqlite_url)
    with pytest.raises(Exception, match="lost its protections"):
        store.ensure_ready()
    migrate.upgrade(store.writer)  # `db upgrade`: every migration run ends by installing the protections
    store.ensure_ready()
    store.close()


@pytest.fixture
def app_role(pg_url: str, open_log: OpenLog) -> Iterator[str]:
    """A login role with the application's grants only, on a schema the owner has migrated; dropped afterwards."""
    open_log(pg_url).store.upgrade()
    role = f"audit_app_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
        protections.grant_app_role(connection, role)
    yield role
    with admin.connect() as connection:
        connection.exec_driver_sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'")
        connection.exec_driver_sql(f"DROP OWNED BY {role}")
        connection.exec_driver_sql(f"DROP ROLE {role}")
    admin.dispose()


def test_least_privilege_role_can_append_and_read_but_change_nothing(pg_url: str, open_log: OpenLog,
                                                                     app_role: str) -> None:
    fill(open_log(pg_url), 3)
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"SET ROLE {app_role}")
        seq = connection.execute(text(
            "SELECT out_seq FROM audit_append('main', :id, '\\x7b7d'::bytea, 'k', '\\x00'::bytea, "
            "'2026-11-30T00:00:00.000000Z', 'mod1', 'login', NULL, NULL, NULL)"), {"id": str(uuid.uuid4())},
        ).scalar()
        assert seq == 4
        assert connection.exec_driver_sql("SELECT count(*) FROM audit_event").scalar() == 4
        for statement, reason in [
            ("UPDATE audit_event SET actor = 'x'", "permission denied"),
            ("DELETE FROM audit_event", "permission denied"),
            ("TRUNCATE audit_event", "permission denied"),
            ("INSERT INTO audit_event SELECT * FROM audit_event LIMIT 1", "permission denied"),
            ("UPDATE audit_head SET seq = 99", "permission denied"),
            ("ALTER TABLE audit_event DISABLE TRIGGER USER", "must be owner"),
            ("DROP TABLE audit_event", "must be owner"),
        ]:
            with pytest.raises(DBAPIError, match=reason):
                connection.exec_driver_sql(statement)
        connection.exec_driver_sql("RESET ROLE")
    admin.dispose()


def test_the_workstation_runs_as_the_least_privilege_role(pg_url: str, open_log: OpenLog, tmp_path: Path,
                                                          app_role: str) -> None:
    """The whole app path (open, append, interval checkpoint, verify, shutdown) as a login with only the grants."""
    app_url = make_url(pg_url).set(username=app_role).render_as_string(hide_password=False)
    audit_log = open_log(app_url, checkpoint_interval=5, data_dir=tmp_path / "app")
    fill(audit_log, 7)
    assert [c.seq for c in audit_log.store.checkpoints()] == [5]
    assert [r.seq for r in audit_log.append_many([event(n) for n in range(7, 12)])] == [8, 9, 10, 11, 12]
    assert [c.seq for c in audit_log.store.checkpoints()] == [5, 10]
    assert audit_log.verify().ok
    audit_log.close()
    assert [c.reason for c in open_log(pg_url).store.checkpoints()] == ["interval", "interval", "shutdown"]
