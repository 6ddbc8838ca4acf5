"""The reviewer's side of review quality in the real workstation session: the demo platform, a real audit log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from moderator_app.core.audit import AuditEvent, EventFilter, EventType
from moderator_app.core.decisions import DecisionKind
from moderator_app.core.models import CategoryId
from moderator_app.services import review_quality
from moderator_app.services.demo import DemoWorkstation, start_demo


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoWorkstation]:
    workstation = start_demo("mod1", data_dir=tmp_path, posts=60, second_reviews=2)
    yield workstation
    workstation.close()


def test_second_reviews_carry_the_post_only(demo: DemoWorkstation) -> None:
    session = demo.session
    reviews = session.second_reviews()
    assert len(reviews) == 2
    for review in reviews:
        on_platform = session._client.post_detail(review.post_id)
        assert on_platform.decision is not None and on_platform.decision.decided_by == "mod2"
        assert on_platform.item.claimed_by == "mod2", "the first moderator's lease is still live"
        assert review.item.claimed_by is None and review.item.lease_expires_at is None
        assert review.item.post == on_platform.item.post and review.item.reports == on_platform.item.reports
        assert review.requested_at is not None and all(t.reviewer == "mod1" for t in review.tasks)


def test_a_verdict_goes_to_the_audit_log_only_and_answers_every_request_for_the_post(demo: DemoWorkstation) -> None:
    session = demo.session
    first = session.second_reviews()[0]
    # A second request for the same post (e.g. a decision recorded twice around a crash, both sampled).
    request = session.audit.events(EventFilter(event_type=EventType.REVIEW_REQUESTED, subject=f"post:{first.post_id}"),
                                   limit=1)[0]
    session.audit.append(AuditEvent.new(
        EventType.REVIEW_REQUESTED, actor="lead1", actor_role="lead", workstation="demo-lead",
        subject=request.subject, payload={"reviewer": "mod1", "decision_seq": "2", "decision_event_id": "again"}))
    review = next(r for r in session.second_reviews() if r.post_id == first.post_id)
    assert len(review.tasks) == 2, "one row, one verdict per post"
    changes = session.record_second_review(review, DecisionKind.REMOVE, [CategoryId("10.7")])
    assert changes.audit and not changes.outbox and not changes.queue
    assert [r.post_id for r in session.second_reviews()] != [] and first.post_id not in {
        r.post_id for r in session.second_reviews()}
    recorded = session.audit.events(EventFilter(event_type=EventType.REVIEW_RECORDED), limit=10)
    assert [(e.actor, e.subject, e.decision_kind) for e in recorded] == [
        ("mod1", f"post:{first.post_id}", "remove")] * 2
    assert session.outbox.state().pending == 0 and session.status().decisions_today == 0
    assert session.audit.events(EventFilter(event_type=EventType.DECISION_RECORDED, actor="mod1"), limit=10) == []


def test_a_request_for_a_post_the_platform_no_longer_knows_is_closed_and_recorded(demo: DemoWorkstation) -> None:
    session = demo.session
    session.audit.append(AuditEvent.new(
        EventType.REVIEW_REQUESTED, actor="lead1", actor_role="lead", workstation="demo-lead",
        subject="post:999999999", payload={"reviewer": "mod1", "decision_seq": "2", "decision_event_id": "gone"}))
    assert len(review_quality.pending_reviews(session.audit, "mod1")) == 3
    reviews = session.second_reviews()  # the platform answers 404 for post 999999999
    assert len(reviews) == 2 and "999999999" not in {r.post_id for r in reviews}
    closed = session.audit.events(EventFilter(event_type=EventType.REVIEW_CLOSED), limit=10)
    assert [(e.actor, e.subject) for e in closed] == [("mod1", "post:999999999")]
    assert json.loads(closed[0].envelope)["body"]["reason"] == "post_not_found"
    pending = review_quality.pending_reviews(session.audit, "mod1")
    assert len(pending) == 2 and "post:999999999" not in {t.subject for t in pending}  # not pending for ever
    session.second_reviews()
    assert len(session.audit.events(EventFilter(event_type=EventType.REVIEW_CLOSED), limit=10)) == 1
