"""Audit test support (loaded as a pytest plugin by tests/conftest.py): real SQLite files and a real PostgreSQL
schema per test (dropped afterwards); helpers to fill and to tamper with a log."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
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


class LoopbackProxy:
    """A TCP relay on 127.0.0.1 in front of the PostgreSQL server that can be cut and restored, so a test sees the
    team database go away and come back (connection refused while down; open connections are cut)."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def up(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        with self._lock:
            if self._listener is not None:
                with contextlib.suppress(OSError):  # wakes the thread blocked in accept() (Linux)
                    self._listener.shutdown(socket.SHUT_RDWR)
                self._listener.close()
                self._listener = None
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            with self._lock:
                self._sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                sink.shutdown(socket.SHUT_WR)


@pytest.fixture
def flaky_pg_url(pg_url: str) -> Iterator[tuple[str, LoopbackProxy]]:
    """The test's PostgreSQL schema reached through a proxy the test can cut."""
    url = make_url(pg_url)
    proxy = LoopbackProxy(url.host or "127.0.0.1", url.port or 5432)
    proxy.up()
    yield url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False), proxy
    proxy.down()
