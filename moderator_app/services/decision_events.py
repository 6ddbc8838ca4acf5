"""The audit events of the decision path, with ids derived from what they are about: the same decision's
``decision_recorded`` (or the same acknowledgement's ``decision_delivered``) gets the same id every time, and the
audit store keeps one event per id. So a decision recorded again after a crash, or a bulk file re-run, adds nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from moderator_app.core.audit import AuditEvent, EventType
from moderator_app.core.decisions import Decision, PlatformDecision
from moderator_app.core.errors import PermissionDenied, PlatformError
from moderator_app.core.lead import ReviewTask
from moderator_app.core.models import User
from moderator_app.services.holds import Held, HeldReview
from moderator_app.services.outbox import applied_before
from moderator_app.services.outbox_journal import OutboxEntry

_EVENT_IDS = uuid.UUID("5b0f1c8e-4d7a-4c21-9a51-0d6f3e1b7c42")  # namespace of the derived audit event ids
HELD_AT_STOP = "held_when_the_workstation_stopped"
DISCARD_REASON = "held in the undo window when the workstation stopped; discarded by the moderator at restart"
DISMISS_REASON = "refused by the platform; dismissed from the outbox by the moderator"


def event_id(*parts: str) -> str:
    """The same decision's same event gets the same id, which the audit log stores once."""
    return str(uuid.uuid5(_EVENT_IDS, "|".join(parts)))


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _role(user: User) -> str:
    return "lead" if user.is_lead else "moderator"


def decision_recorded_event(decision: Decision, user: User, *, workstation: str,
                            after_restart: bool = False) -> AuditEvent:
    """The ``decision_recorded`` event of ``user``'s decision; its id follows from the idempotency key."""
    payload: dict[str, Any] = {
        "idempotency_key": decision.idempotency_key, "categories": list(decision.categories),
        "note": decision.note, "restriction_days": decision.restriction_days,
        "refutation": decision.refutation, "client_time": _iso(decision.client_time),
    }
    if decision.revises:
        payload["revises"] = decision.revises  # a revision: the platform decision it supersedes
    if after_restart:
        payload[HELD_AT_STOP] = True
    event = _event(EventType.DECISION_RECORDED, user, workstation, subject=f"post:{decision.post_id}",
                   category=decision.categories[0] if decision.categories else None,
                   decision_kind=decision.kind.value, payload=payload)
    return _with_id(event, event_id("decision_recorded", decision.idempotency_key))


def review_recorded_event(task: ReviewTask, reviewer: User, kind: str, categories: Sequence[str], *,
                          workstation: str) -> AuditEvent:
    """A second moderator's blind verdict on one review request (``services.review_quality``)."""
    if reviewer.user_id != task.reviewer:
        raise PermissionDenied(f"this review is assigned to {task.reviewer}, not {reviewer.user_id}")
    return AuditEvent.new(
        EventType.REVIEW_RECORDED, actor=reviewer.user_id, workstation=workstation, subject=task.subject,
        actor_role=_role(reviewer), category=categories[0] if categories else None, decision_kind=kind,
        payload={"request_event_id": task.request_event_id, "categories": list(categories)})


def _with_id(event: AuditEvent, new_id: str) -> AuditEvent:
    return replace(event, event_id=new_id)


def _event(kind: EventType, user: User, workstation: str, **fields: Any) -> AuditEvent:
    return AuditEvent.new(kind, actor=user.user_id, workstation=workstation, actor_role=_role(user), **fields)


def review_events(review: HeldReview, user: User, hold_id: str, *, workstation: str,
                  after_restart: bool) -> list[AuditEvent]:
    """One ``review_recorded`` per review request the verdict answers."""
    events = []
    for task in review.tasks:
        event = review_recorded_event(task, user, review.kind.value, review.categories, workstation=workstation)
        if after_restart:
            event = replace(event, payload={**event.payload, HELD_AT_STOP: True})
        events.append(_with_id(event, event_id("review_recorded", hold_id, task.request_event_id)))
    return events


def discarded_events(held: Held, user: User, *, workstation: str) -> list[AuditEvent]:
    """``decision_discarded`` for what a hold kept, when the moderator chose not to send it after a crash."""
    if held.review is not None:
        review = held.review
        event = _event(EventType.DECISION_DISCARDED, user, workstation, subject=f"post:{review.post_id}",
                       decision_kind=review.kind.value, category=review.categories[0] if review.categories else None,
                       payload={"second_review": True, "categories": list(review.categories),
                                "reason": DISCARD_REASON,
                                "request_event_ids": [t.request_event_id for t in review.tasks]})
        return [_with_id(event, event_id("decision_discarded", held.hold_id))]
    return [_with_id(_event(
        EventType.DECISION_DISCARDED, user, workstation, subject=f"post:{d.post_id}", decision_kind=d.kind.value,
        category=d.categories[0] if d.categories else None,
        payload={"idempotency_key": d.idempotency_key, "categories": list(d.categories), "note": d.note,
                 "client_time": _iso(d.client_time), "reason": DISCARD_REASON},
    ), event_id("decision_discarded", d.idempotency_key)) for d in held.decisions]


def delivered_event(decision: Decision, ack: PlatformDecision, user: User, *, workstation: str) -> AuditEvent:
    payload: dict[str, Any] = {"idempotency_key": decision.idempotency_key, "decision_id": ack.decision_id,
                               "platform_seq": str(ack.seq)}
    if applied_before(decision, ack):
        payload["applied_before"] = True  # an earlier sending (another run, another workstation) applied it
    event = _event(EventType.DECISION_DELIVERED, user, workstation, subject=f"post:{decision.post_id}",
                   decision_kind=decision.kind.value, payload=payload)
    return _with_id(event, event_id("decision_delivered", decision.idempotency_key, ack.decision_id))


def dismissed_event(entry: OutboxEntry, user: User, *, workstation: str) -> AuditEvent:
    """``decision_discarded`` for a refused (parked) outbox entry the moderator set aside: it is never sent."""
    d = entry.decision
    return _with_id(_event(
        EventType.DECISION_DISCARDED, user, workstation, subject=f"post:{d.post_id}", decision_kind=d.kind.value,
        category=d.categories[0] if d.categories else None,
        payload={"idempotency_key": d.idempotency_key, "categories": list(d.categories), "note": d.note,
                 "client_time": _iso(d.client_time), "reason": DISMISS_REASON,
                 "failure_kind": entry.failure_kind or "error", "refusal": entry.last_error or ""},
    ), event_id("decision_dismissed", d.idempotency_key))


def failed_event(entry: OutboxEntry, error: PlatformError, user: User, *, workstation: str) -> AuditEvent:
    decision = entry.decision
    return _event(EventType.DECISION_FAILED, user, workstation, subject=f"post:{decision.post_id}",
                  decision_kind=decision.kind.value,
                  payload={"idempotency_key": decision.idempotency_key, "reason": str(error),
                           "failure_kind": entry.failure_kind or "error"})
