"""Witness receipts that ride on decisions (issue 15): the delivery carries the audit log's durable head, the
acknowledgement the platform's receipt. Real reference platform over loopback, real SQLite audit log.

A flow of decisions needs no POST /v1/audit-witness of its own (counted on the server); a position the platform
refuses never refuses the decision: a fork raises the workstation's alarm, a stale position is simply covered.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from audit_support import LoopbackProxy, OpenLog

from moderator_app.audit.verify import WitnessCheck
from moderator_app.audit.witness import log_identity, stored_receipts
from moderator_app.core.audit import EventFilter, EventType
from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.models import AuditPosition, CategoryId, PostId, UserId
from moderator_app.platform_api import wire
from moderator_app.services import witnessing
from moderator_app.services.audit_service import AuditLogService, open_audit_log
from moderator_app.services.decisions import DecisionPipeline
from moderator_app.services.outbox import RetryPolicy
from moderator_app.services.outbox_journal import OutboxJournal
from tests.services.test_outbox import all_decisions, logged_in

FAST = RetryPolicy(initial_delay=0.001, max_delay=0.01)


class Desk:
    """One workstation: a pipeline whose audit log the platform witnesses."""

    def __init__(self, server: Any, folder: Path) -> None:
        self.server = server
        folder.mkdir(parents=True)
        self.api = logged_in(server.url)
        self.audit: AuditLogService = open_audit_log(f"sqlite:///{folder / 'audit.sqlite3'}", workstation="ws-test",
                                                     data_dir=folder, platform=self.api)
        self.pipeline = DecisionPipeline(self.api, self.audit, OutboxJournal(folder / "outbox.sqlite3"),
                                         self.api.login("lead1", "demo").user, workstation="ws-test", retry=FAST)

    def decide(self, count: int) -> list[PostId]:
        """As the GUI does: each decision recorded, then delivered, one after the other."""
        posts = [item.post_id for item in self.api.queue_page(limit=count).items]
        for post_id in posts:
            self.pipeline.record([decision(post_id)])
            report = self.pipeline.deliver_pending()
            assert len(report.delivered) == 1 and not report.failed
        return posts

    def calls(self, via: str) -> int:
        return int(self.server.store.witness_requests[via])

    def identity(self) -> str:
        identity = log_identity(self.audit.store)
        assert identity is not None
        return identity

    def delivered(self) -> int:
        return len(self.audit.events(EventFilter(event_type=EventType.DECISION_DELIVERED), limit=10_000))

    def close(self) -> None:
        self.pipeline.close()
        self.audit.close()


def decision(post_id: str) -> Decision:
    return Decision(PostId(post_id), DecisionKind.REMOVE, (CategoryId("10.7"),), "", UserId("lead1"),
                    datetime.now(UTC), uuid.uuid4().hex)


@pytest.fixture
def desk(platform_server: Callable[..., Any], tmp_path: Path) -> Any:
    made: list[Desk] = []

    def make(name: str = "ws", posts: int = 80) -> Desk:
        made.append(Desk(platform_server(posts=posts), tmp_path / name))
        return made[-1]

    yield make
    for one in made:
        one.close()


def test_decisions_carry_the_receipts_and_the_witness_thread_asks_nothing(desk: Any,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    ws = desk("piggyback")
    ws.decide(60)  # 120 events: without the piggyback the thread asks at every 50
    assert ws.calls("audit-witness") == 0 and ws.calls("decision") >= 2
    kept = [r.seq for r in stored_receipts(ws.audit.store)]
    platform_kept = [r["seq"] for r in ws.server.store.witness_receipts_all()]
    assert kept == platform_kept and len(kept) == ws.calls("decision")  # every receipt asked for is in the log
    assert all(later - earlier <= witnessing.PIGGYBACK_EVENTS + 1 for earlier, later in pairwise(kept))
    ws.close()  # the end of the run: one receipt for the last events
    assert ws.calls("audit-witness") == 1

    receipts = logged_in(ws.server.url).witness_receipts(ws.identity())
    report = ws.audit.verify(witness=WitnessCheck(receipts, ws.api.platform_key()), remember=False)
    assert report.ok and report.head_seq == 120 and receipts[-1].seq == 120

    monkeypatch.setattr(witnessing, "PIGGYBACK_EVENTS", 10**9)  # as before: no position rides on a decision
    monkeypatch.setattr(witnessing, "PIGGYBACK_SECONDS", 10.0**9)
    before = desk("background")
    before.decide(60)
    before.close()
    assert before.calls("decision") == 0 and before.calls("audit-witness") >= 2


def test_a_forked_position_on_a_decision_applies_the_decision_and_raises_the_alarm(
        desk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(witnessing, "PIGGYBACK_EVENTS", 1)  # every delivery carries the head
    ws = desk()
    ws.decide(2)
    assert ws.audit.alarm is None
    [post_id] = [item.post_id for item in ws.api.queue_page(limit=1).items]
    ws.pipeline.record([decision(post_id)])
    seq, _ = ws.audit.store.head()
    # another history of this log reached the platform first at that seq (the log was rolled back and rewritten)
    logged_in(ws.server.url, "mod2").witness(log_id=ws.identity(), seq=seq, chain_hash="ab" * 32)
    forks_before = ws.calls("decision")
    report = ws.pipeline.deliver_pending()
    assert len(report.delivered) == 1 and not report.failed
    assert ws.calls("decision") == forks_before + 1  # the position did ride on the decision
    assert post_id in {d.post_id for d in all_decisions(ws.api)} and ws.delivered() == 3
    assert ws.audit.alarm is not None and f"seq {seq}" in ws.audit.alarm and "forked" in ws.audit.alarm
    assert seq not in [r.seq for r in stored_receipts(ws.audit.store)]


def test_a_stale_position_on_a_decision_applies_the_decision_without_an_alarm(
        desk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(witnessing, "PIGGYBACK_EVENTS", 1)
    ws = desk()
    ws.decide(1)
    [post_id] = [item.post_id for item in ws.api.queue_page(limit=1).items]
    ws.pipeline.record([decision(post_id)])
    seq, _ = ws.audit.store.head()
    # another workstation on the same team database got the log witnessed further on
    logged_in(ws.server.url, "mod2").witness(log_id=ws.identity(), seq=seq + 100, chain_hash="cd" * 32)
    report = ws.pipeline.deliver_pending()
    assert len(report.delivered) == 1 and not report.failed
    assert post_id in {d.post_id for d in all_decisions(ws.api)} and ws.delivered() == 2
    assert ws.audit.alarm is None
    assert seq not in [r.seq for r in stored_receipts(ws.audit.store)]


def test_a_replay_is_judged_without_its_audit_position(platform_server: Callable[..., Any]) -> None:
    api = logged_in(platform_server(posts=5).url)
    made = decision(api.queue_page(limit=1).items[0].post_id)
    first = api.submit_decision(made, audit_position=AuditPosition("main:x", 5, "11" * 32))
    again = api.submit_decision(made, audit_position=AuditPosition("main:x", 9, "22" * 32))
    assert again.decision_id == first.decision_id  # a replay, not "Idempotency-Key reused"
    assert first.witness_receipt is not None and first.witness_receipt.seq == 5
    assert again.witness_receipt is not None and again.witness_receipt.seq == 9
    plain = api.submit_decision(made)
    assert plain.decision_id == first.decision_id and plain.witness_receipt is None
    stale = api.submit_decision(made, audit_position=AuditPosition("main:x", 7, "33" * 32))
    fork = api.submit_decision(made, audit_position=AuditPosition("main:x", 9, "44" * 32))
    assert stale.decision_id == fork.decision_id == first.decision_id
    assert stale.witness_refusal is not None and not stale.witness_refusal.fork and stale.witness_receipt is None
    assert fork.witness_refusal is not None and fork.witness_refusal.fork and "forked" in fork.witness_refusal.detail


def test_a_decision_carries_only_a_head_that_is_in_the_team_database(
        platform_server: Callable[..., Any], flaky_pg_url: tuple[str, LoopbackProxy], open_log: OpenLog,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Events spooled while the team database is down have no seq yet: the receipt that rides on a decision then
    is for the last committed head, and it matches the chain once the spool has drained."""
    monkeypatch.setattr(witnessing, "PIGGYBACK_EVENTS", 1)
    url, proxy = flaky_pg_url
    server = platform_server(posts=5)
    api = logged_in(server.url)
    audit = open_log(url, retry_seconds=0.0, platform=api)
    pipeline = DecisionPipeline(api, audit, OutboxJournal(tmp_path / "outbox.sqlite3"), api.login("lead1", "demo").user,
                                workstation="ws-test", retry=FAST)
    first, second = [item.post_id for item in api.queue_page(limit=2).items]
    pipeline.record([decision(first)])  # seq 1, committed
    assert len(pipeline.deliver_pending().delivered) == 1  # carries seq 1; decision_delivered is seq 2
    identity = log_identity(audit.store)
    proxy.down()
    pipeline.record([decision(second)])  # spooled: no seq until the database is back
    assert audit.spool_status().pending == 1
    assert len(pipeline.deliver_pending().delivered) == 1  # carries seq 2, the last committed head
    assert [r["seq"] for r in server.store.witness_receipts_all()] == [1, 2]
    proxy.up()
    assert audit.flush_spool() == 2
    receipts = logged_in(server.url).witness_receipts(str(identity))
    report = audit.verify(witness=WitnessCheck(receipts, api.platform_key()), remember=False)
    assert report.ok and report.head_seq == 4 and audit.alarm is None
    pipeline.close()
    audit.close()


def test_a_malformed_receipt_on_an_acknowledgement_is_dropped_not_the_decision() -> None:
    ack = {"decision_id": "D1", "seq": 1, "post_id": "p1", "kind": "remove", "categories": ["10.7"], "note": "",
           "restriction_days": None, "refutation": None, "client_time": "2026-12-01T00:00:00Z",
           "decided_at": "2026-12-01T00:00:01Z", "decided_by": "lead1"}
    for witness in ({"witness_receipt": {"seq": "nine"}}, {"witness_problem": {"type": "…/decision-conflict"}}):
        parsed = wire.decision_ack(wire.Node({**ack, **witness}))
        assert parsed.decision_id == "D1" and parsed.witness_receipt is None and parsed.witness_refusal is None
