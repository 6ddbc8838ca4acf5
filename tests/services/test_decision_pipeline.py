"""The one decision path, driven directly: the real reference platform over loopback and a real SQLite audit log.

Every way a decision enters (bulk record, a held decision released, a near-duplicate group, a hold applied after a
crash) ends as exactly one ``decision_recorded`` and one ``decision_delivered`` per decision, in a log that
verifies; a second review's verdict is recorded and never sent; an undone or invalid decision leaves no trace.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from moderator_app.core.audit import EventFilter, EventType, RecordedEvent
from moderator_app.core.decisions import Decision, DecisionKind, DecisionProblem
from moderator_app.core.errors import PermissionDenied, UsageError
from moderator_app.core.lead import ReviewTask
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.platform_api import PlatformClient
from moderator_app.services.audit_service import AuditLogService, open_audit_log
from moderator_app.services.decisions import DecisionPipeline, HeldReview, InvalidDecisions
from moderator_app.services.outbox import RetryPolicy, derived_idempotency_key
from moderator_app.services.outbox_journal import EntryState, OutboxJournal
from moderator_app.services.policy import load_policy
from tests.services.test_outbox import all_decisions, logged_in

FAST = RetryPolicy(initial_delay=0.001, max_delay=0.01)
PACK = load_policy()


class Workstation:
    """A pipeline on one journal and one audit log in ``folder``; ``restart()`` builds it again from the files."""

    def __init__(self, url: str, folder: Path, user: str = "lead1", in_flight: int = 1) -> None:
        self.url, self.folder, self.user_name, self.in_flight = url, folder, user, in_flight
        folder.mkdir(parents=True, exist_ok=True)
        self.api: PlatformClient = logged_in(url, user)
        self.audit: AuditLogService = open_audit_log(f"sqlite:///{folder / 'audit.sqlite3'}",
                                                     workstation="ws-test", data_dir=folder)
        self.pipeline = self._pipeline()

    def _pipeline(self) -> DecisionPipeline:
        user = self.api.login(self.user_name, "demo").user
        return DecisionPipeline(self.api, self.audit, OutboxJournal(self.folder / "outbox.sqlite3"), user,
                                workstation="ws-test", pack=PACK, retry=FAST, in_flight=self.in_flight)

    def restart(self) -> DecisionPipeline:
        """As after a kill: the old pipeline is dropped without releasing anything, a new one opens the files."""
        self.pipeline.journal.close()
        self.pipeline = self._pipeline()
        return self.pipeline

    def events(self, kind: EventType) -> list[RecordedEvent]:
        return self.audit.events(EventFilter(event_type=kind), limit=10_000)

    def subjects(self, kind: EventType) -> Counter[str]:
        return Counter(e.subject or "" for e in self.events(kind))


@pytest.fixture
def workstation(platform_server: Callable[..., Any], tmp_path: Path) -> Iterator[Workstation]:
    ws = Workstation(platform_server(posts=80).url, tmp_path)
    yield ws
    ws.pipeline.close()
    ws.audit.close()


def decision(post_id: str, *, kind: DecisionKind = DecisionKind.REMOVE, categories: tuple[str, ...] = ("10.7",),
             user: str = "lead1", note: str = "") -> Decision:
    return Decision(PostId(post_id), kind, tuple(CategoryId(c) for c in categories), note, UserId(user),
                    datetime.now(UTC), uuid.uuid4().hex)


def open_posts(ws: Workstation, n: int) -> list[PostId]:
    return [item.post_id for item in ws.api.queue_page(limit=n).items]


def enter_by_record(ws: Workstation, decisions: list[Decision]) -> None:
    ws.pipeline.record(decisions)


def enter_by_hold_and_release(ws: Workstation, decisions: list[Decision]) -> None:
    for made in decisions:
        hold_id = uuid.uuid4().hex
        ws.pipeline.hold(hold_id, [made])
        assert ws.subjects(EventType.DECISION_RECORDED)[f"post:{made.post_id}"] == 0, "recorded inside the window"
        ws.pipeline.release(hold_id)


def enter_as_a_group(ws: Workstation, decisions: list[Decision]) -> None:
    ws.pipeline.hold("group", decisions)  # "apply to similar": one hold for the near-duplicate cluster
    ws.pipeline.release("group")


def enter_after_a_crash(ws: Workstation, decisions: list[Decision]) -> None:
    ws.pipeline.hold("before-the-crash", decisions)
    restarted = ws.restart()
    [held] = restarted.held_after_crash()
    assert [d.post_id for d in held.decisions] == [d.post_id for d in decisions]
    restarted.apply_held(held.hold_id)


@pytest.mark.parametrize("enter", [enter_by_record, enter_by_hold_and_release, enter_as_a_group,
                                   enter_after_a_crash], ids=lambda f: f.__name__.removeprefix("enter_"))
def test_every_decision_is_recorded_delivered_and_acknowledged_once(
        workstation: Workstation, enter: Callable[[Workstation, list[Decision]], None]) -> None:
    posts = open_posts(workstation, 5)
    decisions = [decision(p) for p in posts]
    enter(workstation, decisions)
    report = workstation.pipeline.deliver_pending()
    assert len(report.delivered) == 5 and not report.failed
    wanted = {f"post:{p}": 1 for p in posts}
    assert workstation.subjects(EventType.DECISION_RECORDED) == wanted
    assert workstation.subjects(EventType.DECISION_DELIVERED) == wanted
    recorded = {e.subject: e for e in workstation.events(EventType.DECISION_RECORDED)}
    assert all(recorded[f"post:{d.post_id}"].actor == "lead1" and recorded[f"post:{d.post_id}"].decision_kind ==
               "remove" for d in decisions)
    assert sorted(d.post_id for d in all_decisions(workstation.api)) == sorted(posts)
    assert workstation.audit.verify().ok
    assert workstation.pipeline.journal.held(workstation.pipeline.account) == []


def test_recording_the_same_decision_again_adds_nothing_to_the_log(workstation: Workstation) -> None:
    made = decision(open_posts(workstation, 1)[0])
    workstation.pipeline.record([made])
    workstation.pipeline.record([replace(made, client_time=made.client_time + timedelta(seconds=3))])
    workstation.pipeline.deliver_pending()
    assert len(workstation.events(EventType.DECISION_RECORDED)) == 1
    assert len(workstation.events(EventType.DECISION_DELIVERED)) == 1


def test_a_decision_sent_again_after_the_journal_is_lost_is_already_applied(
        workstation: Workstation, tmp_path: Path) -> None:
    """The platform judges a replay by the key and the decision's meaning, not by when it was made."""
    posts = open_posts(workstation, 4)
    first = [replace(d, idempotency_key=derived_idempotency_key("lead1", d)) for d in map(decision, posts)]
    workstation.pipeline.record(first)
    assert len(workstation.pipeline.deliver_pending().delivered) == 4
    elsewhere = Workstation(workstation.url, tmp_path / "elsewhere")  # another journal and audit log
    try:
        again = [replace(d, client_time=d.client_time + timedelta(minutes=5)) for d in first]
        elsewhere.pipeline.record(again)
        report = elsewhere.pipeline.deliver_pending()
        assert report.failed == [] and len(report.already_applied) == len(report.delivered) == 4
        delivered = elsewhere.events(EventType.DECISION_DELIVERED)
        assert len(delivered) == 4 and all(b'"applied_before":true' in e.envelope for e in delivered)
    finally:
        elsewhere.pipeline.close()
        elsewhere.audit.close()
    assert len(all_decisions(workstation.api)) == 4


def test_an_undone_hold_leaves_no_trace(workstation: Workstation) -> None:
    made = decision(open_posts(workstation, 1)[0])
    workstation.pipeline.hold("h1", [made])
    assert workstation.pipeline.cancel("h1")
    assert workstation.pipeline.release("h1") is None  # the window's timer fires after the undo: nothing happens
    assert workstation.pipeline.deliver_pending().delivered == []
    assert workstation.events(EventType.DECISION_RECORDED) == []
    assert all_decisions(workstation.api) == []


def test_an_invalid_decision_is_refused_with_the_field_at_fault(workstation: Workstation) -> None:
    post = open_posts(workstation, 1)[0]
    bad = [decision(post, categories=()),
           decision(post, kind=DecisionKind.RUMOUR_LABEL, categories=("10.7",)),
           decision(post, categories=("10.99",))]
    for made in bad:
        with pytest.raises(InvalidDecisions) as refused:
            workstation.pipeline.record([made])
        assert all(isinstance(p, DecisionProblem) for p in refused.value.problems[post])
    with pytest.raises(InvalidDecisions) as refused:
        workstation.pipeline.hold("h", [bad[1]])
    assert {p.field for p in refused.value.problems[post]} == {"categories", "refutation"}
    with pytest.raises(InvalidDecisions) as refused:
        workstation.pipeline.record([decision(post, user="mod2")])
    assert [p.field for p in refused.value.problems[post]] == ["moderator"]
    assert workstation.events(EventType.DECISION_RECORDED) == []
    assert workstation.pipeline.journal.held(workstation.pipeline.account) == []


def test_a_second_review_is_recorded_and_never_sent(workstation: Workstation) -> None:
    post = open_posts(workstation, 1)[0]
    task = ReviewTask("request-1", f"post:{post}", "lead1", "2026-12-07T10:00:00.000000Z")
    review = HeldReview(post, DecisionKind.REMOVE, (CategoryId("10.7"),), (task,))
    workstation.pipeline.hold_review("r1", review)
    workstation.pipeline.release("r1")
    [recorded] = workstation.events(EventType.REVIEW_RECORDED)
    assert (recorded.subject, recorded.decision_kind, recorded.category) == (f"post:{post}", "remove", "10.7")
    assert workstation.pipeline.outbox.state().pending == 0 and all_decisions(workstation.api) == []
    assert workstation.events(EventType.DECISION_RECORDED) == []


def test_a_hold_left_by_a_crash_is_offered_once_and_either_choice_is_in_the_log(workstation: Workstation) -> None:
    posts = open_posts(workstation, 3)
    workstation.pipeline.hold("sent", [decision(posts[0])])
    workstation.pipeline.hold("dropped", [decision(posts[1]), decision(posts[2])])
    still_mine = workstation.pipeline.held_after_crash()
    assert still_mine == [], "a running pipeline's own holds are not offered"
    restarted = workstation.restart()
    offered = {h.hold_id: h for h in restarted.held_after_crash()}
    assert set(offered) == {"sent", "dropped"} and offered["dropped"].post_ids == tuple(posts[1:])
    restarted.apply_held("sent")
    restarted.discard_held("dropped")
    assert restarted.held_after_crash() == [] and workstation.restart().held_after_crash() == []
    workstation.pipeline.deliver_pending()
    [recorded] = workstation.events(EventType.DECISION_RECORDED)
    assert recorded.subject == f"post:{posts[0]}" and b'"held_when_the_workstation_stopped":true' in recorded.envelope
    assert workstation.subjects(EventType.DECISION_DISCARDED) == {f"post:{posts[1]}": 1, f"post:{posts[2]}": 1}
    assert [d.post_id for d in all_decisions(workstation.api)] == [posts[0]]
    assert workstation.audit.verify().ok


def test_bulk_delivery_keeps_several_in_flight_and_applies_each_once_under_faults(
        platform_server: Callable[..., Any], tmp_path: Path) -> None:
    server = platform_server(posts=120, faults="error=0.3,drop=0.1,429=0.05,retry_after=0")
    ws = Workstation(server.url, tmp_path, in_flight=6)
    try:
        posts = [item["post"]["post_id"] for item in server.store.queue_page(
            {"id": "lead1", "roles": ["moderator", "lead"]}, limit=100, after=0, reason=None, category=None)[0]]
        ws.pipeline.record([decision(p) for p in posts])
        report = ws.pipeline.deliver_pending()
        assert report.failed == [] and len(report.delivered) == 100 and report.transient_errors > 0
        applied = Counter(row["post_id"] for row in server.store.decisions(since=0, limit=1000)[0])
        assert set(applied) == set(posts) and max(applied.values()) == 1
        assert ws.subjects(EventType.DECISION_DELIVERED) == {f"post:{p}": 1 for p in posts}
        journal = ws.pipeline.journal
        assert {journal.by_key(e.decision.idempotency_key).state for e in report.delivered} == {EntryState.DELIVERED}
    finally:
        ws.pipeline.close()
        ws.audit.close()


def test_a_refused_decision_dismissed_is_audited_never_sent_and_stays_dismissed_after_restart(
        workstation: Workstation) -> None:
    mod1 = logged_in(workstation.url, "mod1")
    target = mod1.claim(count=1).lease.post_ids[0]
    mod1.submit_decision(decision(target, user="mod1"))
    mine = decision(target, kind=DecisionKind.NO_VIOLATION, categories=(), note="looked fine to me")
    [(entry, _new)] = workstation.pipeline.record([mine])
    workstation.pipeline.deliver_pending()
    assert [e.seq for e in workstation.pipeline.outbox.state().failed] == [entry.seq], "parked: the red counter"
    workstation.pipeline.dismiss_failed(entry.seq)
    assert workstation.pipeline.outbox.state().failed == ()
    with pytest.raises(UsageError, match="not a refused decision"):
        workstation.pipeline.dismiss_failed(entry.seq)
    restarted = workstation.restart()
    restarted.deliver_pending()
    state = restarted.outbox.state()
    assert (state.pending, state.failed) == (0, ()), "the counter stays away after a restart"
    assert restarted.journal.get(entry.seq).state is EntryState.DISMISSED, "kept, not deleted"
    [dismissed] = workstation.events(EventType.DECISION_DISCARDED)
    assert dismissed.subject == f"post:{target}" and dismissed.decision_kind == "no_violation"
    envelope = dismissed.envelope.decode()
    assert '"reason":"refused by the platform; dismissed from the outbox by the moderator"' in envelope
    assert '"failure_kind":"conflict"' in envelope and "already decided by mod1" in envelope
    assert [d.decided_by for d in all_decisions(workstation.api)] == ["mod1"], "the dismissed decision never went"
    assert workstation.audit.verify().ok


def test_a_revision_supersedes_the_decision_and_both_stay_on_record(workstation: Workstation) -> None:
    post = open_posts(workstation, 1)[0]
    workstation.pipeline.record([decision(post, kind=DecisionKind.NO_VIOLATION, categories=())])
    [first] = workstation.pipeline.deliver_pending().delivered
    assert first.platform_decision is not None
    first_id = first.platform_decision.decision_id
    revision = replace(decision(post, note="on a second look: gambling ads"), revises=first_id)
    workstation.pipeline.record([revision])
    [second] = workstation.pipeline.deliver_pending().delivered
    assert second.platform_decision is not None and second.platform_decision.revises == first_id
    replayed = workstation.api.submit_decision(replace(revision, client_time=datetime.now(UTC)))
    assert replayed.decision_id == second.platform_decision.decision_id, "idempotent by meaning, revises included"
    on_platform = [(d.kind, d.revises) for d in all_decisions(workstation.api) if d.post_id == post]
    assert on_platform == [(DecisionKind.NO_VIOLATION, None), (DecisionKind.REMOVE, first_id)], "both kept"
    recorded = workstation.events(EventType.DECISION_RECORDED)
    assert [e.decision_kind for e in recorded] == ["no_violation", "remove"]
    assert f'"revises":"{first_id}"'.encode() in recorded[1].envelope
    assert workstation.audit.verify().ok

    stale = replace(decision(post, kind=DecisionKind.NO_VIOLATION, categories=()),
                    revises=first_id)  # revises what is no longer current
    workstation.pipeline.record([stale])
    assert [e.failure_kind for e in workstation.pipeline.deliver_pending().failed] == ["conflict"]
    other = logged_in(workstation.url, "mod2")
    with pytest.raises(PermissionDenied, match="only they or a lead"):
        other.submit_decision(replace(decision(post, user="mod2"), revises=second.platform_decision.decision_id))
