"""Audit test support (loaded as a pytest plugin by tests/conftest.py): real SQLite files and a real PostgreSQL
schema per test (dropped afterwards); helpers to fill and to tamper with a log."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import Connection, Engine

from moderator_app.audit import protections
from moderator_app.core.audit import AuditEvent, EventType
from moderator_app.services.audit_service import AuditLogService, open_audit_log

PG_URL = os.environ.get("MODAPP_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_admin_engine() -> Engine:
    return create_engine(PG_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The server URL, or a skip naming why it cannot be used."""
    engine = _pg_admin_engine()
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "no server here"
        pytest.skip(f"PostgreSQL not reachable at {make_url(PG_URL).render_as_string(hide_password=True)}: "
                    f"{str(exc).splitlines()[0]}")
    finally:
        engine.dispose()
    return PG_URL


def schema_url(schema: str) -> str:
    url = make_url(PG_URL)
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh schema for one test (created, then dropped with everything in it)."""
    schema = f"audit_test_{uuid.uuid4().hex[:12]}"
    engine = _pg_admin_engine()
    with engine.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield schema_url(schema)
    finally:
        with engine.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'audit.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'audit.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


OpenLog = Callable[..., AuditLogService]


@pytest.fixture
def open_log(tmp_path: Path, memory_keyring: object) -> Iterator[OpenLog]:
    opened: list[AuditLogService] = []

    def _open(url: str, **options: object) -> AuditLogService:
        options.setdefault("data_dir", tmp_path / "ws")
        options.setdefault("workstation", "ws-test")
        audit_log = open_audit_log(url, **options)  # type: ignore[arg-type]
        opened.append(audit_log)
        return audit_log

    yield _open
    for audit_log in opened:
        audit_log.store.close()


def event(number: int, actor: str = "mod1") -> AuditEvent:
    return AuditEvent.new(EventType.DECISION_RECORDED, actor=actor, workstation="ws-test", subject=f"post:{number}",
                          category="10.7", decision_kind="remove", payload={"n": number, "note": "赌博广告"})


def fill(audit_log: AuditLogService, count: int) -> None:
    for number in range(count):
        audit_log.append(event(number))


def tamper(url: str, action: Callable[[Connection], object], *, restore_protections: bool = True) -> None:
    """Change the database as its superuser would: append-only triggers out of the way, ``action`` run, and (a
    careful attacker) the triggers put back afterwards, so only the cryptography can tell."""
    engine = create_engine(make_url(url))
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            for (name,) in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").all():
                connection.exec_driver_sql(f"DROP TRIGGER {name}")
        else:
            for table in ("audit_event", "audit_head", "audit_checkpoint"):
                connection.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        action(connection)
        if restore_protections:
            protections.install(connection)
    engine.dispose()
