"""When the team database goes away, appends are spooled locally in order, nothing blocks, nothing is lost, the
spool's state is visible; when it returns the spool drains into the chain in the original order."""

from __future__ import annotations

import time

from audit_support import LoopbackProxy, OpenLog, event


def test_events_spool_while_the_database_is_down_and_drain_in_order(
        flaky_pg_url: tuple[str, LoopbackProxy], open_log: OpenLog) -> None:
    url, proxy = flaky_pg_url
    audit_log = open_log(url, retry_seconds=0.0)
    before = [audit_log.append(event(n)) for n in range(3)]
    assert [r.seq for r in before] == [1, 2, 3] and not any(r.spooled for r in before)

    proxy.down()
    started = time.monotonic()
    during = [audit_log.append(event(n)) for n in range(3, 8)]
    assert time.monotonic() - started < 5  # refused at once: the moderator is not kept waiting
    assert all(r.spooled and r.seq is None for r in during), during
    status = audit_log.spool_status()
    assert status.pending == 5 and status.last_error and "cannot reach" in status.last_error
    assert status.oldest_occurred_at is not None

    proxy.up()
    after = audit_log.append(event(8))  # the database answers again: spool first, then this one
    assert after.spooled  # it queued behind the spooled events, to keep the order ...
    assert audit_log.spool_status().pending == 0  # ... and the flush on the same call drained everything
    subjects = [e.subject for e in audit_log.events()]
    assert subjects == [f"post:{n}" for n in range(9)]
    assert audit_log.verify().ok


def test_workstation_starts_with_the_database_down_and_catches_up(
        flaky_pg_url: tuple[str, LoopbackProxy], open_log: OpenLog) -> None:
    url, proxy = flaky_pg_url
    open_log(url).store.upgrade()
    proxy.down()
    audit_log = open_log(url, retry_seconds=0.0)  # no error: the workstation works offline
    receipts = [audit_log.append(event(n)) for n in range(4)]
    assert all(r.spooled for r in receipts) and audit_log.spool_status().pending == 4
    proxy.up()
    assert audit_log.flush_spool() == 4
    assert audit_log.spool_status().empty and audit_log.spool_status().last_flush_at
    assert [e.subject for e in audit_log.events()] == [f"post:{n}" for n in range(4)]
    assert audit_log.verify().ok


def test_spool_survives_a_restart(flaky_pg_url: tuple[str, LoopbackProxy], open_log: OpenLog) -> None:
    url, proxy = flaky_pg_url
    first = open_log(url, retry_seconds=0.0)
    first.append(event(0))
    proxy.down()
    first.append(event(1))
    first.close()  # the workstation shuts down with one event still spooled
    proxy.up()
    second = open_log(url, retry_seconds=0.0)
    assert second.spool_status().pending == 1
    second.append(event(2))
    assert [e.subject for e in second.events()] == ["post:0", "post:1", "post:2"]
