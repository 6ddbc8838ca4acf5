"""Engines for the audit database: SQLite (WAL, synchronous=FULL, BEGIN IMMEDIATE for writers) or PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import NullPool

from moderator_app.core.errors import UsageError

NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ceph", "glusterfs"}


def parse_url(url: str) -> URL:
    """A database URL we can use, or a UsageError naming what is wrong with it."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UsageError(f"not a database URL: {url!r} (expected sqlite:///PATH or postgresql+psycopg://...)") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise UsageError(f"unsupported database {backend!r} in {url!r}: use sqlite:///PATH or postgresql+psycopg://")
    if backend == "postgresql" and parsed.get_driver_name() not in ("psycopg", "psycopg2", "postgresql"):
        raise UsageError(f"unsupported PostgreSQL driver {parsed.get_driver_name()!r}: use postgresql+psycopg://")
    if backend == "postgresql" and parsed.get_driver_name() != "psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise UsageError(f"the audit log needs a SQLite file, not {url!r}")
        _check_sqlite_location(Path(parsed.database))
    return parsed


def _check_sqlite_location(path: Path) -> None:
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UsageError(f"the folder for the SQLite file does not exist: {folder}")
    fstype = _filesystem_type(folder)
    if fstype in NETWORK_FILESYSTEMS:
        # WAL needs shared memory on one host; over a network share it corrupts or fails (see docs/audit.md).
        raise UsageError(f"{path} is on a network filesystem ({fstype}); use PostgreSQL for a shared audit log")


def _filesystem_type(folder: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    best, best_type = "", None
    text = str(folder)
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3:
            mount_point = parts[1].replace("\\040", " ")
            inside = text == mount_point or text.startswith(mount_point.rstrip("/") + "/")
            if inside and len(mount_point) > len(best):
                best, best_type = mount_point, parts[2]
    return best_type


def make_engine(url: str | URL, *, writer: bool) -> Engine:
    """``writer``: SQLite transactions start with BEGIN IMMEDIATE, so concurrent appenders queue instead of failing
    with SQLITE_BUSY mid-transaction. Readers use deferred BEGIN and never block writers (WAL)."""
    parsed = url if isinstance(url, URL) else parse_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed, writer=writer)
        connect_args: dict[str, Any] = {"connect_timeout": int(os.environ.get("MODAPP_DB_CONNECT_TIMEOUT", "5"))}
        # pre-ping: a connection cut while the server was away is replaced, not reported. (Appends keep one
        # connection of their own, so the ping is not paid per event.)
        return create_engine(parsed, connect_args=connect_args, pool_pre_ping=True, pool_size=2, max_overflow=2)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise UsageError(f"cannot use database URL {parsed.render_as_string(hide_password=True)}: {exc}") from None


def _sqlite_engine(url: URL, *, writer: bool) -> Engine:
    engine = create_engine(url, poolclass=NullPool if not writer else None, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (pysqlite's own BEGIN is deferred)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB: index pages of a million-event log stay in memory
        cursor.close()

    begin = "BEGIN IMMEDIATE" if writer else "BEGIN"

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine


def display_url(url: str | URL) -> str:
    parsed = url if isinstance(url, URL) else make_url(url)
    return parsed.render_as_string(hide_password=True)
