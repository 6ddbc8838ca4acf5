"""A workstation killed right after the outbox's journal write still reports (audits) every outcome: the report
comes first, so a crash in between means the (idempotent) delivery is made and reported again, never silently
dropped. Found by tests/reliability/test_crashes.py (5 of 1,500 deliveries had no decision_delivered event)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from moderator_app.core.decisions import DecisionKind, PlatformDecision
from moderator_app.core.errors import PlatformError
from moderator_app.services.outbox_journal import OutboxEntry, OutboxJournal
from tests.services.test_outbox import decision, logged_in, outbox_for, post_ids


class Killed(BaseException):
    """The process dying: nothing after it runs."""


class DiesAfterJournalWrite(OutboxJournal):
    def mark_delivered(self, seq: int, ack: PlatformDecision, attempts: int = 1) -> None:
        super().mark_delivered(seq, ack, attempts)
        raise Killed

    def mark_failed(self, seq: int, kind: str, reason: str, winner: PlatformDecision | None = None,
                    attempts: int = 1) -> None:
        super().mark_failed(seq, kind, reason, winner, attempts)
        raise Killed


def test_a_delivery_is_reported_even_if_the_process_dies_after_the_journal_write(
        platform_server: Callable[..., Any], tmp_path: Any) -> None:
    api = logged_in(platform_server().url)
    reported: list[str] = []  # what the workstation audits: it outlives the process, like the audit log
    dying = outbox_for(api, journal=DiesAfterJournalWrite(tmp_path / "outbox.sqlite3"),
                       on_delivered=lambda entry, ack: reported.append(entry.decision.post_id))
    made = decision(post_ids(api, 1)[0])
    dying.record(made)
    with pytest.raises(Killed):
        dying.deliver_pending()
    dying.journal.close()

    restarted = outbox_for(api, journal=OutboxJournal(tmp_path / "outbox.sqlite3"),
                           on_delivered=lambda entry, ack: reported.append(entry.decision.post_id))
    restarted.deliver_pending()
    assert made.post_id in reported
    assert restarted.state().pending == 0


def test_a_refusal_is_reported_even_if_the_process_dies_after_the_journal_write(
        platform_server: Callable[..., Any], tmp_path: Any) -> None:
    api = logged_in(platform_server().url)
    reported: list[str] = []

    def on_failed(entry: OutboxEntry, error: PlatformError) -> None:
        reported.append(entry.failure_kind or "")

    dying = outbox_for(api, journal=DiesAfterJournalWrite(tmp_path / "outbox.sqlite3"), on_failed=on_failed)
    dying.record(decision("0000000000000000404", kind=DecisionKind.REMOVE))  # no such post: refused (404)
    with pytest.raises(Killed):
        dying.deliver_pending()
    assert reported == ["not_found"]
