"""The outbox's durable journal: one SQLite file (WAL, synchronous=FULL) of decisions and their delivery state.

A decision is committed here, with its idempotency key, before any attempt to send it; so a crash or ``kill -9``
at any moment loses nothing, and a replay after restart is harmless (the platform deduplicates by key).

Decisions inside their undo window are ``held`` rows: durable too, but neither recorded nor sent. Releasing a hold
turns its rows into outbox entries in one transaction; a hold left by a process that died is offered again at the
next start (``services.decisions``).
"""

from __future__ import annotations

import enum
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from moderator_app.core.decisions import Decision, DecisionKind, PlatformDecision
from moderator_app.core.errors import StorageError
from moderator_app.core.local_schema import LocalSchema, upgrade
from moderator_app.core.models import CategoryId, PostId, UserId

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    account TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    post_id TEXT NOT NULL,
    decision TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    failure_kind TEXT,
    platform_decision TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox(account, state, seq);
CREATE TABLE IF NOT EXISTS held(
    hold_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    account TEXT NOT NULL,
    holder TEXT NOT NULL,
    what TEXT NOT NULL CHECK (what IN ('decision', 'second_review')),
    body TEXT NOT NULL,
    held_at TEXT NOT NULL,
    PRIMARY KEY (hold_id, position)
);
CREATE INDEX IF NOT EXISTS held_account ON held(account, holder);
"""
# Step 2: a refused decision the moderator has seen and set aside is ``dismissed`` (kept, no longer counted).
# SQLite cannot change a CHECK constraint in place, so the table is rebuilt with its rows and sequence.
_STATES_V1 = "CHECK (state IN ('pending', 'delivered', 'failed'))"
_OUTBOX_V1 = SCHEMA.split(";")[0]  # the table as step 1 made it; the copy below differs only in its states
assert _STATES_V1 in _OUTBOX_V1
DISMISSED_STEP = f"""
{_OUTBOX_V1.replace("IF NOT EXISTS outbox(", "outbox_v2(").replace(
    _STATES_V1, "CHECK (state IN ('pending', 'delivered', 'failed', 'dismissed'))")};
INSERT INTO outbox_v2 SELECT seq, account, idempotency_key, post_id, decision, state, attempts, last_error,
    failure_kind, platform_decision, created_at, updated_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox(account, state, seq)
"""
# Released steps are never edited: a change to the journal is a new step at the end (core/local_schema.py).
JOURNAL_SCHEMA = LocalSchema("decision journal", steps=(SCHEMA, DISMISSED_STEP))


class EntryState(enum.StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"
    DISMISSED = "dismissed"  # refused, seen and set aside by the moderator: kept, no longer counted


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    seq: int
    account: str
    decision: Decision
    state: EntryState
    attempts: int
    last_error: str | None
    failure_kind: str | None  # conflict | invalid | lease | not_found | forbidden | protocol
    platform_decision: PlatformDecision | None  # the acknowledgement, or the winner of a conflict
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class HeldRow:
    """One decision (or second-review verdict) of a hold; ``body`` is its JSON, ``holder`` the process holding it."""

    hold_id: str
    position: int
    account: str
    holder: str
    what: str  # decision | second_review
    body: str
    held_at: datetime


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def decision_to_json(decision: Decision) -> str:
    return json.dumps({
        "post_id": decision.post_id, "kind": decision.kind.value, "categories": list(decision.categories),
        "note": decision.note, "moderator": decision.moderator, "client_time": _time(decision.client_time),
        "idempotency_key": decision.idempotency_key, "restriction_days": decision.restriction_days,
        "refutation": decision.refutation,
    } | ({"revises": decision.revises} if decision.revises else {}), ensure_ascii=False, sort_keys=True)


def decision_from_json(text: str) -> Decision:
    d = json.loads(text)
    return Decision(PostId(d["post_id"]), DecisionKind(d["kind"]), tuple(CategoryId(c) for c in d["categories"]),
                    d["note"], UserId(d["moderator"]), datetime.fromisoformat(d["client_time"]),
                    d["idempotency_key"], d["restriction_days"], d["refutation"], d.get("revises"))


def platform_decision_to_json(decision: PlatformDecision) -> str:
    return json.dumps({
        "decision_id": decision.decision_id, "seq": decision.seq, "post_id": decision.post_id,
        "kind": decision.kind.value, "categories": list(decision.categories), "note": decision.note,
        "decided_by": decision.decided_by, "decided_at": _time(decision.decided_at),
        "restriction_days": decision.restriction_days, "refutation": decision.refutation,
        "client_time": _time(decision.client_time),
    } | ({"revises": decision.revises} if decision.revises else {}), ensure_ascii=False, sort_keys=True)


def platform_decision_from_json(text: str) -> PlatformDecision:
    d = json.loads(text)
    return PlatformDecision(
        d["decision_id"], d["seq"], PostId(d["post_id"]), DecisionKind(d["kind"]),
        tuple(CategoryId(c) for c in d["categories"]), d["note"], UserId(d["decided_by"]),
        datetime.fromisoformat(d["decided_at"]), d["restriction_days"], d["refutation"],
        datetime.fromisoformat(d["client_time"]) if d["client_time"] else None, revises=d.get("revises"),
    )


class OutboxJournal:
    """Thread-safe (one connection behind a lock); several processes may share the file (SQLite locking)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")  # a decision acknowledged to the moderator is on disk
            upgrade(self._db, JOURNAL_SCHEMA, path)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(f"cannot open the decision journal {path}: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _write(self, *, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """A write transaction. ``durable=False`` (delivery marks) skips the fsync: losing such a mark in a power
        cut only means the decision is sent again under the same key, which the platform answers with the
        original. A new decision is always written durably (synchronous=FULL)."""
        with self._lock:
            try:
                self._db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                raise StorageError(f"the decision journal {self.path} failed: {exc}") from exc

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._db.execute(sql, tuple(params)).fetchall()
            except sqlite3.Error as exc:
                raise StorageError(f"the decision journal {self.path} failed: {exc}") from exc

    def add_many(self, account: str, decisions: Iterable[Decision]) -> list[tuple[OutboxEntry, bool]]:
        """Journal decisions in one durable transaction; a key journalled before returns its entry, not a copy."""
        with self._write() as db:
            keys, created = self._insert(db, account, decisions)
        return [(self.by_key(key), new) for key, new in zip(keys, created, strict=True)]

    @staticmethod
    def _insert(db: sqlite3.Connection, account: str, decisions: Iterable[Decision]) -> tuple[list[str], list[bool]]:
        now = datetime.now(UTC).isoformat()
        keys: list[str] = []
        created: list[bool] = []
        for decision in decisions:
            cursor = db.execute(
                "INSERT INTO outbox(account, idempotency_key, post_id, decision, state, created_at, updated_at)"
                " VALUES (?,?,?,?,'pending',?,?) ON CONFLICT(idempotency_key) DO NOTHING",
                (account, decision.idempotency_key, decision.post_id, decision_to_json(decision), now, now),
            )
            keys.append(decision.idempotency_key)
            created.append(cursor.rowcount == 1)
        return keys, created

    def add(self, account: str, decision: Decision) -> tuple[OutboxEntry, bool]:
        return self.add_many(account, [decision])[0]

    def by_key(self, key: str) -> OutboxEntry:
        return _entry(self._read("SELECT * FROM outbox WHERE idempotency_key=?", (key,))[0])

    def get(self, seq: int) -> OutboxEntry | None:
        rows = self._read("SELECT * FROM outbox WHERE seq=?", (seq,))
        return _entry(rows[0]) if rows else None

    def next_pending(self, account: str) -> OutboxEntry | None:
        rows = self._read("SELECT * FROM outbox WHERE account=? AND state='pending' ORDER BY seq LIMIT 1",
                          (account,))
        return _entry(rows[0]) if rows else None

    def pending_count(self, account: str) -> int:
        return int(self._read("SELECT count(*) FROM outbox WHERE account=? AND state='pending'", (account,))[0][0])

    def failed(self, account: str) -> list[OutboxEntry]:
        return [_entry(r) for r in self._read(
            "SELECT * FROM outbox WHERE account=? AND state='failed' ORDER BY seq", (account,))]

    def delivered(self, account: str, limit: int) -> list[OutboxEntry]:
        """The newest acknowledged decisions first (recent decisions, to revise)."""
        return [_entry(r) for r in self._read(
            "SELECT * FROM outbox WHERE account=? AND state='delivered' ORDER BY seq DESC LIMIT ?", (account, limit))]

    def pending(self, account: str, limit: int, *, after_seq: int = 0) -> list[OutboxEntry]:
        return [_entry(r) for r in self._read(
            "SELECT * FROM outbox WHERE account=? AND state='pending' AND seq>? ORDER BY seq LIMIT ?",
            (account, after_seq, limit))]

    # --- the undo window -----------------------------------------------------------------------------------

    def hold(self, account: str, holder: str, hold_id: str, rows: Iterable[tuple[str, str]]) -> None:
        """Keep ``(what, body)`` rows durably under ``hold_id`` for the undo window."""
        now = datetime.now(UTC).isoformat()
        with self._write() as db:
            db.executemany("INSERT INTO held(hold_id, position, account, holder, what, body, held_at)"
                           " VALUES (?,?,?,?,?,?,?)",
                           [(hold_id, n, account, holder, what, body, now) for n, (what, body) in enumerate(rows)])

    def held(self, account: str, hold_id: str | None = None) -> list[HeldRow]:
        where, params = ("account=? AND hold_id=?", (account, hold_id)) if hold_id else ("account=?", (account,))
        return [HeldRow(r["hold_id"], r["position"], r["account"], r["holder"], r["what"], r["body"],
                        datetime.fromisoformat(r["held_at"]))
                for r in self._read(f"SELECT * FROM held WHERE {where} ORDER BY held_at, hold_id, position", params)]

    def drop_hold(self, hold_id: str) -> int:
        """Undo, or a second review recorded: the hold's rows go; returns how many there were."""
        with self._write() as db:
            return db.execute("DELETE FROM held WHERE hold_id=?", (hold_id,)).rowcount

    def release_hold(self, account: str, hold_id: str, decisions: Iterable[Decision]) -> list[tuple[OutboxEntry, bool]]:
        """The undo window is over: the hold's rows become outbox entries, in one durable transaction."""
        with self._write() as db:
            db.execute("DELETE FROM held WHERE hold_id=?", (hold_id,))
            keys, created = self._insert(db, account, decisions)
        return [(self.by_key(key), new) for key, new in zip(keys, created, strict=True)]

    # Transient failures are not written one by one; the attempts of a delivery are added when it ends, and a
    # crash in between only forgets how many tries it took.

    def mark_delivered(self, seq: int, ack: PlatformDecision, attempts: int = 1) -> None:
        with self._write(durable=False) as db:
            db.execute("UPDATE outbox SET state='delivered', attempts=attempts+?, platform_decision=?, updated_at=?"
                       " WHERE seq=?", (attempts, platform_decision_to_json(ack), datetime.now(UTC).isoformat(), seq))

    def mark_failed(self, seq: int, kind: str, reason: str, winner: PlatformDecision | None = None,
                    attempts: int = 1) -> None:
        with self._write(durable=False) as db:
            db.execute(
                "UPDATE outbox SET state='failed', attempts=attempts+?, failure_kind=?, last_error=?,"
                " platform_decision=?, updated_at=? WHERE seq=?",
                (attempts, kind, reason, platform_decision_to_json(winner) if winner else None,
                 datetime.now(UTC).isoformat(), seq),
            )

    def dismiss(self, seq: int) -> bool:
        """A refused entry set aside; False when it was not (or no longer) a failed entry."""
        with self._write() as db:
            return db.execute("UPDATE outbox SET state='dismissed', updated_at=? WHERE seq=? AND state='failed'",
                              (datetime.now(UTC).isoformat(), seq)).rowcount == 1

    def requeue(self, seq: int) -> None:
        with self._write() as db:
            db.execute("UPDATE outbox SET state='pending', failure_kind=NULL, updated_at=? WHERE seq=? AND "
                       "state='failed'", (datetime.now(UTC).isoformat(), seq))


def _entry(row: sqlite3.Row) -> OutboxEntry:
    return OutboxEntry(
        seq=row["seq"], account=row["account"], decision=decision_from_json(row["decision"]),
        state=EntryState(row["state"]), attempts=row["attempts"], last_error=row["last_error"],
        failure_kind=row["failure_kind"],
        platform_decision=platform_decision_from_json(row["platform_decision"]) if row["platform_decision"] else None,
        created_at=datetime.fromisoformat(row["created_at"]), updated_at=datetime.fromisoformat(row["updated_at"]),
    )
