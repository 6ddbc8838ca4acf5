"""The decision outbox against the real reference platform: durable, ordered, exactly once, failures parked."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from moderator_app.core.decisions import Decision, DecisionKind, PlatformDecision
from moderator_app.core.errors import PlatformError, UsageError
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.platform_api import HttpOptions, PlatformClient
from moderator_app.services.outbox import (
    Outbox,
    RetryPolicy,
    account_key,
    derived_idempotency_key,
    journal_path,
    new_idempotency_key,
)
from moderator_app.services.outbox_journal import EntryState, OutboxEntry, OutboxJournal

FAST = RetryPolicy(initial_delay=0.001, max_delay=0.01)


def decision(post_id: str, *, user: str = "lead1", kind: DecisionKind = DecisionKind.REMOVE,
             categories: tuple[str, ...] = ("10.7",), key: str | None = None) -> Decision:
    return Decision(PostId(post_id), kind, tuple(CategoryId(c) for c in categories), "", UserId(user),
                    datetime.now(UTC), key or new_idempotency_key())


def logged_in(url: str, user: str = "lead1") -> PlatformClient:
    api = PlatformClient(url, options=HttpOptions(retry_after_cap=0.01, backoff_factor=0.001, retries=12))
    api.login(user, "demo")
    return api


def outbox_for(api: PlatformClient, user: str = "lead1", **kwargs: Any) -> Outbox:
    return Outbox(api, account_key(api.base_url, user), retry=FAST, **kwargs)


def all_decisions(api: PlatformClient) -> list[PlatformDecision]:
    found: list[PlatformDecision] = []
    since = 0
    while True:
        page = api.decisions(since=since, limit=1000)
        if not page.items:
            return found
        found += page.items
        since = page.next_since


def post_ids(api: PlatformClient, n: int) -> list[PostId]:
    return [item.post_id for item in api.queue_page(limit=n).items]


def test_a_decision_is_on_disk_before_anything_is_sent() -> None:
    unreachable = PlatformClient("http://127.0.0.1:9")
    outbox = Outbox(unreachable, "http://127.0.0.1:9#lead1")
    entry = outbox.record(decision("7531996225420194870"))
    outbox.close()
    assert journal_path().is_file()
    reopened = Outbox(unreachable, "http://127.0.0.1:9#lead1")
    assert reopened.state().pending == 1
    assert reopened.journal.get(entry.seq) == entry
    with sqlite3.connect(journal_path()) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert reopened.journal._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_delivers_in_order_and_reports_each_acknowledgement(platform_server: Callable[..., Any]) -> None:
    api = logged_in(platform_server().url)
    delivered: list[tuple[OutboxEntry, PlatformDecision]] = []
    outbox = outbox_for(api, on_delivered=lambda entry, ack: delivered.append((entry, ack)))
    ids = post_ids(api, 10)
    outbox.record_many([decision(p) for p in ids])
    report = outbox.deliver_pending()
    assert [e.decision.post_id for e in report.delivered] == ids
    assert [ack.post_id for _e, ack in delivered] == ids
    assert all(e.state is EntryState.DELIVERED and e.platform_decision == ack for e, ack in delivered)
    assert [d.post_id for d in all_decisions(api)] == ids
    assert outbox.state().pending == 0 and outbox.state().failed == ()


def test_a_lost_acknowledgement_is_replayed_without_a_second_decision(platform_server: Callable[..., Any]) -> None:
    api = logged_in(platform_server().url)
    made = decision(post_ids(api, 1)[0])
    applied = api.submit_decision(made)  # the platform applied it, then the workstation died before marking it
    outbox = outbox_for(api)
    outbox.record(made)
    report = outbox.deliver_pending()
    assert report.delivered[0].platform_decision == applied
    assert all_decisions(api) == [applied]


def test_conflicts_are_parked_with_the_winner_and_can_be_retried(platform_server: Callable[..., Any]) -> None:
    url = platform_server().url
    lead, mod1 = logged_in(url), logged_in(url, "mod1")
    target = mod1.claim(count=1).lease.post_ids[0]
    winner = mod1.submit_decision(decision(target, user="mod1"))
    failures: list[tuple[OutboxEntry, PlatformError]] = []
    outbox = outbox_for(lead, on_failed=lambda entry, error: failures.append((entry, error)))
    mine = outbox.record(decision(target, kind=DecisionKind.NO_VIOLATION, categories=()))
    later = outbox.record(decision(post_ids(lead, 1)[0]))
    report = outbox.deliver_pending()
    assert [e.seq for e in report.failed] == [mine.seq] and [e.seq for e in report.delivered] == [later.seq]
    parked = outbox.state().failed[0]
    assert parked.failure_kind == "conflict" and parked.platform_decision == winner
    assert "already decided by mod1" in (parked.last_error or "")
    assert failures[0][0].seq == mine.seq
    outbox.retry(mine.seq)
    assert outbox.state().pending == 1
    outbox.deliver_pending()
    assert outbox.state().pending == 0 and len(outbox.state().failed) == 1
    with pytest.raises(UsageError):
        outbox.retry(later.seq)


def test_our_own_decision_under_another_key_counts_as_delivered(platform_server: Callable[..., Any]) -> None:
    api = logged_in(platform_server().url)
    target = post_ids(api, 1)[0]
    first = api.submit_decision(decision(target))
    outbox = outbox_for(api)
    outbox.record(decision(target))  # same content, new key (e.g. the GUI and a CSV run)
    assert outbox.deliver_pending().delivered[0].platform_decision == first


def test_lease_and_validation_failures_are_parked_with_the_platform_reason(
    platform_server: Callable[..., Any],
) -> None:
    url = platform_server().url
    mod1 = logged_in(url, "mod1")
    outbox = outbox_for(mod1, "mod1")
    unclaimed, other = post_ids(mod1, 2)
    outbox.record(decision(unclaimed, user="mod1"))
    outbox.record(replace(decision(other, user="mod1"), categories=(CategoryId("not-a-category"),)))
    outbox.deliver_pending()
    kinds = {e.decision.post_id: (e.failure_kind, e.last_error) for e in outbox.state().failed}
    assert kinds[unclaimed][0] == "lease" and "claim it first" in (kinds[unclaimed][1] or "")
    assert kinds[other][0] == "invalid" and "categories" in (kinds[other][1] or "")


def test_a_refused_login_pauses_delivery_and_keeps_the_entry(platform_server: Callable[..., Any]) -> None:
    url = platform_server().url
    lead = logged_in(url)
    target = post_ids(lead, 1)[0]
    not_logged_in = PlatformClient(url)
    outbox = Outbox(not_logged_in, account_key(url, "lead1"), retry=FAST)
    outbox.record(decision(target))
    report = outbox.deliver_pending()
    assert report.blocked and "log" in report.blocked.lower()
    assert outbox.state().pending == 1 and outbox.state().blocked
    not_logged_in.login("lead1", "demo")
    assert len(outbox.deliver_pending().delivered) == 1


def test_invalid_decisions_are_refused_before_journalling() -> None:
    outbox = Outbox(PlatformClient("http://127.0.0.1:9"), "x#lead1")
    with pytest.raises(UsageError, match="must cite at least one"):
        outbox.record(decision("1", categories=()))
    assert outbox.state().pending == 0


def test_background_sender_delivers_under_injected_faults(platform_server: Callable[..., Any]) -> None:
    server = platform_server(faults="error=0.3,drop=0.1,429=0.05", fault_seed=11)
    api = logged_in(server.url)
    ids: list[PostId] = []
    cursor = None
    while cursor is not None or not ids:
        page = api.queue_page(limit=200, cursor=cursor)
        ids += [i.post_id for i in page.items]
        cursor = page.next_cursor
    changed = threading.Event()
    outbox = outbox_for(api, on_change=changed.set)
    outbox.start_background(idle_poll_s=0.5)
    try:
        outbox.record_many([decision(p, key=f"bg-{p}") for p in ids])
        deadline = time.monotonic() + 60
        while outbox.state().pending and time.monotonic() < deadline:
            changed.wait(1)
            changed.clear()
    finally:
        outbox.stop_background()
    assert outbox.state().pending == 0 and outbox.state().failed == ()
    applied = all_decisions(api)
    assert sorted(d.post_id for d in applied) == sorted(ids)  # every post once, none twice


def test_derived_keys_depend_on_lead_post_and_content_only() -> None:
    one = decision("42", key="")
    assert derived_idempotency_key("lead1", one) == derived_idempotency_key("lead1", replace(one, client_time=datetime(
        2020, 1, 1, tzinfo=UTC)))
    assert derived_idempotency_key("lead1", one) != derived_idempotency_key("lead2", one)
    assert derived_idempotency_key("lead1", one) != derived_idempotency_key("lead1", replace(one, note="x"))


def test_journal_is_shared_by_key(tmp_path: Path) -> None:
    journal = OutboxJournal(tmp_path / "j.sqlite3")
    first, new = journal.add("a#lead1", decision("1", key="same-key"))
    again, new_again = journal.add("a#lead1", decision("1", key="same-key"))
    assert new and not new_again and again.seq == first.seq


def test_a_refusal_is_not_being_offline(platform_server: Callable[..., Any]) -> None:
    """A conflict parks the decision with its reason; the platform answered, so the status bar must not say offline."""
    url = platform_server().url
    lead, mod1 = logged_in(url), logged_in(url, "mod1")
    target = mod1.claim(count=1).lease.post_ids[0]
    mod1.submit_decision(decision(target, user="mod1"))
    outbox = outbox_for(lead)
    outbox.record(decision(target, kind=DecisionKind.NO_VIOLATION, categories=()))
    report = outbox.deliver_pending()
    assert len(report.failed) == 1 and "already decided" in (report.failed[0].last_error or "")
    assert outbox.state().last_error is None
