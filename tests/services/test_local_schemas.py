"""The local SQLite stores carry a schema version (PRAGMA user_version): a file from before versions (version 0)
is upgraded with every row kept, steps run in order once, and a file from a newer workstation is refused."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from moderator_app.audit.spool import SPOOL_SCHEMA, Spool
from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.errors import StorageError
from moderator_app.core.local_schema import LocalSchema, upgrade, version_of
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.demo_platform.store import PLATFORM_SCHEMA, PlatformStore
from moderator_app.services.outbox_journal import JOURNAL_SCHEMA, EntryState, OutboxJournal, decision_to_json


def set_version(path: Path, version: int) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {version}")
    connection.close()


def file_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return version_of(connection)
    finally:
        connection.close()


def a_decision(n: int) -> Decision:
    return Decision(PostId(f"p{n}"), DecisionKind.REMOVE, (CategoryId("10.7"),), "note", UserId("lead1"),
                    datetime.now(UTC), f"key-{n}")


def test_a_version_0_journal_is_upgraded_with_its_entries(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    old = sqlite3.connect(path)  # a journal as workstations wrote it before schema versions
    old.executescript(JOURNAL_SCHEMA.steps[0])
    old.close()
    journal = OutboxJournal(path)
    journal.add_many("acct", [a_decision(n) for n in range(3)])
    journal.close()
    set_version(path, 0)
    journal = OutboxJournal(path)
    try:
        assert journal.pending_count("acct") == 3 and journal.by_key("key-2").state is EntryState.PENDING
    finally:
        journal.close()
    assert file_version(path) == JOURNAL_SCHEMA.version


def test_a_version_1_journal_keeps_its_entries_and_sequence_and_can_dismiss_a_refusal(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    old = sqlite3.connect(path)  # a journal as released before the dismissed state (step 1 only)
    old.executescript(JOURNAL_SCHEMA.steps[0])
    old.execute("PRAGMA user_version = 1")
    old.close()
    connection = sqlite3.connect(path)
    for n in range(3):
        connection.execute(
            "INSERT INTO outbox(account, idempotency_key, post_id, decision, state, created_at, updated_at)"
            " VALUES ('acct', ?, ?, ?, ?, '2026-12-07T00:00:00+00:00', '2026-12-07T00:00:00+00:00')",
            (f"key-{n}", f"p{n}", decision_to_json(a_decision(n)), "failed" if n == 1 else "pending"))
    connection.commit()
    connection.close()
    journal = OutboxJournal(path)
    try:
        assert file_version(path) == JOURNAL_SCHEMA.version
        assert journal.pending_count("acct") == 2 and [e.seq for e in journal.failed("acct")] == [2]
        assert journal.dismiss(2) and not journal.dismiss(2) and not journal.dismiss(1)
        assert journal.failed("acct") == [] and journal.get(2).state is EntryState.DISMISSED
        journal.add("acct", a_decision(9))
        assert journal.by_key("key-9").seq == 4, "the sequence continues after the rebuild"
    finally:
        journal.close()


def test_a_version_0_spool_is_upgraded_with_its_events(tmp_path: Path) -> None:
    path = tmp_path / "spool.sqlite3"
    old = sqlite3.connect(path)
    old.execute(SPOOL_SCHEMA.steps[0])
    old.executemany("INSERT INTO spooled (event_id, envelope, occurred_at) VALUES (?, ?, ?)",
                    [(f"e{n}", b"{}", "2026-12-01T00:00:00Z") for n in range(4)])
    old.commit()
    old.close()
    spool = Spool(path)
    try:
        assert spool.count() == 4 and spool.oldest_occurred_at() == "2026-12-01T00:00:00Z"
    finally:
        spool.close()
    assert file_version(path) == SPOOL_SCHEMA.version


def test_a_version_0_platform_database_is_upgraded_and_not_reseeded(tmp_path: Path) -> None:
    path = tmp_path / "platform.sqlite3"
    PlatformStore(path, posts=30).close()
    set_version(path, 0)
    with sqlite3.connect(path) as connection:
        before = connection.execute("SELECT count(*), min(post_id) FROM posts").fetchone()
    connection.close()
    PlatformStore(path, posts=60).close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*), min(post_id) FROM posts").fetchone() == before
    connection.close()
    assert file_version(path) == PLATFORM_SCHEMA.version


@pytest.mark.parametrize("opener", [OutboxJournal, Spool, PlatformStore], ids=["journal", "spool", "platform"])
def test_a_file_from_a_newer_workstation_is_refused_by_name(tmp_path: Path, opener: type) -> None:
    path = tmp_path / "newer.sqlite3"
    set_version(path, 99)
    with pytest.raises(StorageError, match=r"schema version 99, newer than this workstation knows \(\d+\)") as refused:
        opener(path)
    assert str(path) in str(refused.value) and "move the file aside" in str(refused.value)
    assert file_version(path) == 99, "the newer file is left as it was"


def test_missing_steps_run_in_order_once_each(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    steps = ("CREATE TABLE IF NOT EXISTS t(a TEXT)",
             "ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x'",
             "UPDATE t SET b = b || '2'; CREATE INDEX t_b ON t(b)")
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        assert upgrade(connection, LocalSchema("test store", steps[:1]), path) == 1
        connection.execute("INSERT INTO t(a) VALUES ('kept')")
        assert upgrade(connection, LocalSchema("test store", steps), path) == 3
        assert upgrade(connection, LocalSchema("test store", steps), path) == 3  # nothing left to run
        assert connection.execute("SELECT a, b FROM t").fetchall() == [("kept", "x2")]
    finally:
        connection.close()


def test_a_failing_step_leaves_the_file_at_the_last_good_version(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError):
            upgrade(connection, LocalSchema("test store", ("CREATE TABLE t(a)", "ALTER TABLE nope ADD COLUMN c")),
                    path)
        assert version_of(connection) == 1
    finally:
        connection.close()
