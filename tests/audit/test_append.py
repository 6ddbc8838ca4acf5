"""Appending: a retried event id is idempotent, and a run of events (a burst, a spool flushed) goes in as one group
commit with the same rules, interval checkpoints included, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from audit_support import OpenLog, event
from sqlalchemy import func, make_url, select

from moderator_app.audit.schema import audit_event
from moderator_app.audit.store import APPEND_BATCH
from moderator_app.core.audit import AuditEvent, EventType


def rows(audit_log: object) -> int:
    with audit_log.store.reader.connect() as connection:  # type: ignore[attr-defined]
        return int(connection.execute(select(func.count()).select_from(audit_event)).scalar_one())


def test_retrying_the_same_event_id_appends_it_once(any_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(any_url)
    prepared = audit_log.writer.prepare(event(0))
    first = audit_log.writer.append_prepared(prepared)
    audit_log.append(event(1))
    again = audit_log.writer.append_prepared(prepared)  # the caller did not hear back the first time
    assert (again.seq, again.chain_hash) == (first.seq, first.chain_hash) == (1, first.chain_hash)
    assert rows(audit_log) == 2 and audit_log.store.head()[0] == 2
    assert audit_log.verify().ok


def test_a_burst_is_one_group_commit_in_order(any_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(any_url, checkpoint_interval=5)
    audit_log.append(event(0))
    burst = [event(n) for n in range(1, 13)]
    receipts = audit_log.append_many(burst)
    assert [r.seq for r in receipts] == list(range(2, 14))
    assert [r.event_id for r in receipts] == [e.event_id for e in burst]
    assert [e.subject for e in audit_log.events()] == [f"post:{n}" for n in range(13)]
    assert [c.seq for c in audit_log.store.checkpoints()] == [5, 10]  # every boundary the burst reached
    assert audit_log.alarm is None and audit_log.verify(all_signatures=True).ok


def test_a_burst_retried_in_part_appends_only_what_is_new(any_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(any_url)
    stored = [audit_log.writer.prepare(event(n)) for n in range(3)]
    first = audit_log.writer.append_prepared_many(stored)
    fresh = audit_log.writer.prepare(event(3))
    bare = audit_log.writer.prepare(AuditEvent.new(EventType.LOGIN, actor="mod1", workstation="ws-test"))
    again = audit_log.writer.append_prepared_many([*stored, fresh, fresh, bare])  # repeats, and one id twice
    assert [r.seq for r in again] == [1, 2, 3, 4, 4, 5]
    assert [r.chain_hash for r in again[:3]] == [r.chain_hash for r in first]
    assert rows(audit_log) == 5 and audit_log.verify(all_signatures=True).ok


def test_a_long_burst_goes_in_several_group_commits(any_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(any_url, checkpoint_interval=10_000)
    receipts = audit_log.append_many([event(n) for n in range(APPEND_BATCH * 2 + 3)])
    assert [r.seq for r in receipts] == list(range(1, APPEND_BATCH * 2 + 4))
    assert audit_log.verify().ok


def test_a_postgresql_append_is_flushed_to_disk_when_it_returns(pg_url: str, open_log: OpenLog,
                                                                tmp_path: Path) -> None:
    """Synchronous commit for what the caller is told is stored: when append or append_many returns, the server's
    WAL is flushed past where it stood before the call (an asynchronous commit leaves it behind). Checked on the
    append connection itself, also with synchronous_commit=off as the session's default."""
    base = make_url(pg_url)
    for default in ("on", "off"):
        options = f"{base.query['options']} -csynchronous_commit={default}"
        audit_log = open_log(base.update_query_dict({"options": options}).render_as_string(hide_password=False),
                             data_dir=tmp_path / default)
        audit_log.append(event(0))
        connection = audit_log.store._append_cursor().connection
        behind = []
        for number in range(1, 21):
            before = connection.execute("SELECT pg_current_wal_insert_lsn()").fetchone()[0]
            if number % 2:
                audit_log.append(event(number))
            else:
                audit_log.append_many([event(number), event(number + 100)])
            flushed = connection.execute("SELECT pg_current_wal_flush_lsn()").fetchone()[0]
            if flushed <= before:
                behind.append(number)
        assert behind == [], f"not yet on disk when the append returned (synchronous_commit={default})"
