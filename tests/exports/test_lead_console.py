"""The lead console's service on a real SQLite log: paging, counts, chain status, dashboard, review quality."""

from __future__ import annotations

import json

import pytest

from moderator_app.core.audit import EventFilter, EventType
from moderator_app.core.errors import PermissionDenied, UsageError
from moderator_app.core.lead import Disagreement
from moderator_app.core.models import Role, User, UserId
from moderator_app.services import review_quality
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.lead_console import LeadConsole
from tests.exports.conftest import LEAD, MODERATOR, disagreeing_reviews


@pytest.fixture
def console(audit_log: AuditLogService) -> LeadConsole:
    return LeadConsole(audit_log, LEAD, workstation="ws-lead")


def test_only_leads_open_the_console(audit_log: AuditLogService) -> None:
    with pytest.raises(PermissionDenied):
        LeadConsole(audit_log, MODERATOR, workstation="ws")


def test_pages_follow_seq_and_match_the_count(console: LeadConsole) -> None:
    wanted = EventFilter(actor="mod1", event_type=EventType.DECISION_RECORDED)
    first = console.page(wanted, limit=50)
    second = console.page(wanted, after_seq=first[-1].seq, limit=50)
    seqs = [e.seq for e in first + second]
    assert seqs == sorted(seqs) and len(set(seqs)) == 100
    assert all(e.actor == "mod1" and e.event_type == "decision_recorded" for e in first + second)
    assert console.count(wanted) == len(console.page(wanted, limit=100_000))
    choices = console.choices()
    assert {"mod1", "mod2"} <= set(choices.moderators) and "10.7" in choices.categories


def test_event_status_names_an_intact_event_and_its_checkpoint(console: LeadConsole) -> None:
    status = console.event_status(1500)
    assert status.ok and status.checkpoint_seq == 2000
    assert not console.event_status(999_999).ok


def test_dashboard_counts_agree_with_the_log(console: LeadConsole, audit_log: AuditLogService) -> None:
    board = console.dashboard("2000-01-01T00:00:00.000000Z", "2100-01-01T00:00:00.000000Z", sla_minutes=1)
    decisions = audit_log.events(EventFilter(event_type=EventType.DECISION_RECORDED), limit=100_000)
    assert board.decisions == len(decisions) == sum(n for _m, n in board.by_moderator)
    assert sum(n for _h, n in board.per_hour_of_day) == board.decisions
    failed = audit_log.events(EventFilter(event_type=EventType.DECISION_FAILED), limit=100_000)
    assert board.outbox_failures == len(failed)
    assert board.acceptance and all(0 <= a.rate <= 1 for a in board.acceptance)
    assert board.sla_breaches > 0


def test_blind_review_round_trip(console: LeadConsole, audit_log: AuditLogService) -> None:
    made = console.sample_for_review(0.05)
    assert made > 0
    requests = audit_log.events(EventFilter(event_type=EventType.REVIEW_REQUESTED), limit=10_000)
    assert all(r.category is None and r.decision_kind is None for r in requests)  # blind: no first decision shown
    console.sample_for_review(1.0)
    requests = audit_log.events(EventFilter(event_type=EventType.REVIEW_REQUESTED), limit=10_000)
    sampled = [json.loads(r.envelope)["body"]["decision_event_id"] for r in requests]
    assert len(sampled) == len(set(sampled)) > made  # nothing sampled twice
    reviewer = "mod2"
    tasks = console.pending_reviews(reviewer)
    assert tasks
    user = User(UserId(reviewer), reviewer, frozenset({Role.MODERATOR}))
    from moderator_app.services.review_quality import record_review

    for number, task in enumerate(tasks[:6]):
        record_review(audit_log, task, user, "remove" if number % 2 else "no_violation", [], workstation="ws-2")
    assert len(console.pending_reviews(reviewer)) == len(tasks) - 6
    summary = console.review_summary()
    assert summary.reviewed == 6
    assert sum(a.reviewed for a in summary.by_moderator) == 6 == sum(a.reviewed for a in summary.by_category)
    assert len(summary.disagreements) == 6 - sum(a.agreed for a in summary.by_moderator)
    assert all(d.reviewer == reviewer and d.moderator != reviewer for d in summary.disagreements)
    with pytest.raises(PermissionDenied):
        record_review(audit_log, tasks[-1], MODERATOR, "remove", [], workstation="ws-9")


def test_sampling_takes_only_decisions_in_the_date_range(console: LeadConsole, audit_log: AuditLogService) -> None:
    decisions = audit_log.events(EventFilter(event_type=EventType.DECISION_RECORDED), limit=100_000)
    moments = sorted(d.occurred_at for d in decisions)
    since, until = moments[len(moments) // 3], moments[2 * len(moments) // 3]
    made = console.sample_for_review(1.0, since, until)
    in_range = {d.event_id for d in decisions if since <= d.occurred_at < until}
    requests = audit_log.events(EventFilter(event_type=EventType.REVIEW_REQUESTED), limit=100_000)
    assert made == len(requests) == len(in_range) > 10 and len(in_range) < len(decisions) - 10
    assert {json.loads(r.envelope)["body"]["decision_event_id"] for r in requests} == in_range


def reviewed_disagreement(console: LeadConsole, audit_log: AuditLogService) -> Disagreement:
    """One second review that disagrees with the first decision (the reviewer says no violation to a removal)."""
    disagreeing_reviews(console, audit_log, 0.2)
    summary = console.review_summary()
    assert summary.disagreements
    return summary.disagreements[0]


def test_a_third_review_goes_to_someone_else_and_its_verdict_joins_the_disagreement(
        console: LeadConsole, audit_log: AuditLogService) -> None:
    disputed = reviewed_disagreement(console, audit_log)
    before = console.review_summary()
    third = console.request_third_review(disputed)
    assert third not in (disputed.moderator, disputed.reviewer)
    task = next(t for t in console.pending_reviews(third) if t.subject == disputed.subject)
    review_quality.record_review(audit_log, task, User(UserId(third), third, frozenset({Role.MODERATOR})),
                                 "remove", ["10.7"], workstation="ws-3")
    after = console.review_summary()
    row = next(d for d in after.disagreements if d.review_event_id == disputed.review_event_id)
    assert (row.third_reviewer, row.third_review) == (third, "remove 10.7")
    assert (after.reviewed, after.by_moderator) == (before.reviewed, before.by_moderator)  # not counted twice
    request = audit_log.events(EventFilter(event_type=EventType.REVIEW_REQUESTED, actor="lead1"), limit=100_000)[-1]
    assert request.category is None and request.decision_kind is None  # still blind


def test_a_settled_disagreement_leaves_the_list_and_the_ruling_is_in_the_audit_log(
        console: LeadConsole, audit_log: AuditLogService) -> None:
    disputed = reviewed_disagreement(console, audit_log)
    count = len(console.review_summary().disagreements)
    console.settle_disagreement(disputed, "review_stands")
    remaining = console.review_summary().disagreements
    assert len(remaining) == count - 1 and disputed.review_event_id not in {d.review_event_id for d in remaining}
    settled = audit_log.events(EventFilter(event_type=EventType.REVIEW_SETTLED), limit=10)
    assert [(e.actor, e.subject) for e in settled] == [("lead1", disputed.subject)]
    assert json.loads(settled[0].envelope)["body"]["outcome"] == "review_stands"
    with pytest.raises(UsageError):
        console.settle_disagreement(remaining[0], "flip a coin")
    with pytest.raises(PermissionDenied):
        review_quality.settle_disagreement(audit_log, MODERATOR, remaining[0], "decision_stands", workstation="x")
