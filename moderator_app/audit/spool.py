"""The local spool: when the team database cannot be reached, prepared (signed) events wait here in order, and
are appended when it returns. Appends by event id are idempotent, so a crash mid-flush never duplicates an event."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from moderator_app.audit.chain import PreparedEvent
from moderator_app.audit.store import APPEND_BATCH
from moderator_app.audit.writer import AuditWriter
from moderator_app.core.audit import AppendReceipt, AuditEvent, SpoolStatus, utc_timestamp
from moderator_app.core.errors import StorageUnavailable
from moderator_app.core.local_schema import LocalSchema, upgrade

_FIELDS = ("event_id", "envelope", "leaf_hash", "writer_key_id", "writer_sig", "occurred_at", "actor",
           "event_type", "category", "subject", "decision_kind")
# Released steps are never edited: a change to the spool is a new step at the end (core/local_schema.py).
SPOOL_SCHEMA = LocalSchema("audit spool", steps=(
    "CREATE TABLE IF NOT EXISTS spooled (id INTEGER PRIMARY KEY AUTOINCREMENT, event_id, envelope, leaf_hash, "
    "writer_key_id, writer_sig, occurred_at, actor, event_type, category, subject, decision_kind, UNIQUE(event_id))",
))


class Spool:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        try:
            upgrade(self._db, SPOOL_SCHEMA, path)
        except BaseException:
            self._db.close()
            raise

    def put(self, events: Sequence[PreparedEvent]) -> None:
        """In order, in one durable transaction."""
        rows = [[getattr(event, name) for name in _FIELDS] for event in events]
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany(f"INSERT OR IGNORE INTO spooled ({', '.join(_FIELDS)}) VALUES "
                                 f"({', '.join('?' * len(_FIELDS))})", rows)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def oldest(self, limit: int) -> list[tuple[int, PreparedEvent]]:
        rows = self._db.execute(f"SELECT id, {', '.join(_FIELDS)} FROM spooled ORDER BY id LIMIT ?", (limit,))
        return [(row[0], PreparedEvent(**dict(zip(_FIELDS, row[1:], strict=True)))) for row in rows]

    def remove_through(self, row_id: int) -> None:
        """Forget the oldest events, up to and including ``row_id`` (they are in the database now)."""
        self._db.execute("DELETE FROM spooled WHERE id <= ?", (row_id,))

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM spooled").fetchone()[0])

    def oldest_occurred_at(self) -> str | None:
        row = self._db.execute("SELECT occurred_at FROM spooled ORDER BY id LIMIT 1").fetchone()
        return None if row is None else str(row[0])

    def close(self) -> None:
        self._db.close()


class SpoolingWriter:
    """Appends through the writer while the database answers, through the spool while it does not (and while
    anything is still spooled, so the order is kept). After a failure the database is retried only every
    ``retry_seconds``: a dead server costs one connection timeout, not one per event."""

    def __init__(self, writer: AuditWriter, spool: Spool, *, retry_seconds: float = 10.0) -> None:
        self.writer, self.spool, self.retry_seconds = writer, spool, retry_seconds
        self._lock = threading.RLock()
        self._down_until = 0.0
        self.last_error: str | None = None
        self.last_flush_at: str | None = None
        self._pending = spool.count()  # kept in memory: the hot path does not query the spool file

    def append(self, event: AuditEvent) -> AppendReceipt:
        return self.append_many([event])[0]

    def append_many(self, events: Sequence[AuditEvent]) -> list[AppendReceipt]:
        """In order; several at once go to the database as one group commit (or to the spool in one transaction)."""
        prepared = [self.writer.prepare(event) for event in events]
        with self._lock:
            if self._pending == 0 and time.monotonic() >= self._down_until:
                try:
                    return self.writer.append_prepared_many(prepared)
                except StorageUnavailable as exc:  # some may have been appended: the flush retries them, idempotently
                    self._went_down(exc)
            self.spool.put(prepared)
            self._pending = self.spool.count()
            self.flush()
            return [AppendReceipt(event.event_id, None, spooled=True) for event in events]

    def flush(self, *, force: bool = False) -> int:
        """Append what is spooled, oldest first; stop at the first failure. Returns how many were appended."""
        appended = 0
        with self._lock:
            if not force and time.monotonic() < self._down_until:
                return 0
            while True:
                batch = self.spool.oldest(APPEND_BATCH)
                if not batch:
                    break
                try:  # one group commit per batch
                    self.writer.append_prepared_many([prepared for _row_id, prepared in batch])
                except StorageUnavailable as exc:
                    self._went_down(exc)
                    return appended
                self.spool.remove_through(batch[-1][0])
                self._pending -= len(batch)
                appended += len(batch)
            if appended:
                self.last_flush_at = utc_timestamp()
            self.last_error = None
            return appended

    def _went_down(self, exc: StorageUnavailable) -> None:
        self.last_error = str(exc)
        self._down_until = time.monotonic() + self.retry_seconds

    def status(self) -> SpoolStatus:
        with self._lock:
            return SpoolStatus(self.spool.count(), self.spool.oldest_occurred_at(), self.last_error,
                               self.last_flush_at)
