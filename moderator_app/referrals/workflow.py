"""The four-eyes rules, as pure functions: each check returns the audit payload of an allowed transition or raises
ReferralRefused; ``fold`` replays a referral's events through the same rules (so an event that slipped past them,
written by another tool, is reported as an anomaly and not applied).

    created ─► pending approval ─► approved ─► submitted ─► closed
                              └──► rejected (reason)
Only a lead who did not create the referral approves or rejects, and only with the platform's countersignature
(referrals.countersign); only a lead submits and closes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from moderator_app.core.audit import EventType
from moderator_app.core.models import Role
from moderator_app.referrals.countersign import PlatformKeys, countersignature_problem
from moderator_app.referrals.model import (
    ContentHandling,
    Referral,
    ReferralEvent,
    ReferralRefused,
    ReferralRequest,
    ReferralState,
    Submission,
    Transition,
)

MAX_TEXT = 10_000


def _required(value: str, what: str) -> str:
    value = value.strip()
    if not value:
        raise ReferralRefused(f"{what} is required")
    if len(value) > MAX_TEXT:
        raise ReferralRefused(f"{what} is longer than {MAX_TEXT} characters")
    return value


def request_payload(request: ReferralRequest) -> dict[str, Any]:
    """The created event's fields for a valid request (evidence is added by the caller)."""
    if not request.categories:
        raise ReferralRefused("cite at least one category")
    basis = [b.strip() for b in request.legal_basis if b.strip()]
    if not basis:
        raise ReferralRefused("a legal basis is required")
    return {
        "categories": list(request.categories), "legal_basis": basis,
        "suspicion": _required(request.suspicion, "the statement of suspicion"),
        "threat_to_life": request.threat_to_life, "urgent": request.is_urgent,
        "content_handling": ContentHandling(request.content_handling).value,
    }


def _decide_as_lead(referral: Referral, actor: str, role: str, verb: str) -> None:
    if role != Role.LEAD.value:
        raise ReferralRefused(f"only a team lead may {verb} a referral; {actor} is a {role}")
    if actor == referral.created_by:
        raise ReferralRefused(f"{actor} created referral {referral.referral_id} and may not {verb} it (four eyes)")
    if referral.state is not ReferralState.PENDING_APPROVAL:
        raise ReferralRefused(f"referral {referral.referral_id} is {referral.state.value}, not pending approval")


def check_approve(referral: Referral, actor: str, role: str, note: str = "") -> dict[str, Any]:
    _decide_as_lead(referral, actor, role, "approve")
    return {"referral_id": referral.referral_id, "note": note.strip()}


def check_reject(referral: Referral, actor: str, role: str, reason: str) -> dict[str, Any]:
    _decide_as_lead(referral, actor, role, "reject")
    return {"referral_id": referral.referral_id, "reason": _required(reason, "a reason for the rejection")}


def _lead_only(referral: Referral, role: str, verb: str) -> None:
    if role != Role.LEAD.value:
        raise ReferralRefused(f"only a team lead may record that referral {referral.referral_id} was {verb}")


def check_submit(referral: Referral, actor: str, role: str, submission: Submission,
                 today: date | None = None) -> dict[str, Any]:
    _lead_only(referral, role, "submitted")
    if referral.state is ReferralState.REJECTED:
        raise ReferralRefused(f"referral {referral.referral_id} was rejected and cannot be submitted")
    if referral.state is not ReferralState.APPROVED:
        raise ReferralRefused(f"referral {referral.referral_id} is {referral.state.value}; only an approved "
                              "referral can be submitted")
    try:
        handed_over = date.fromisoformat(submission.submitted_on.strip())
    except ValueError:
        raise ReferralRefused(f"submission date {submission.submitted_on!r} is not a date (YYYY-MM-DD)") from None
    # A day of slack: the hand-over date is local (Beijing is UTC+8), ``today`` is the UTC date.
    if handed_over > (today or datetime.now(UTC).date()) + timedelta(days=1):
        raise ReferralRefused(f"submission date {handed_over} is in the future")
    return {
        "referral_id": referral.referral_id,
        "receiving_unit": _required(submission.receiving_unit, "the receiving unit"),
        "receipt_number": _required(submission.receipt_number, "the receipt or case number"),
        "submitted_on": handed_over.isoformat(),
        "submitted_by": _required(submission.submitted_by, "who handed it over"),
    }


def check_close(referral: Referral, actor: str, role: str, outcome: str) -> dict[str, Any]:
    _lead_only(referral, role, "closed")
    if referral.state is not ReferralState.SUBMITTED:
        raise ReferralRefused(f"referral {referral.referral_id} is {referral.state.value}; only a submitted "
                              "referral can be closed")
    return {"referral_id": referral.referral_id, "outcome": _required(outcome, "the outcome")}


# --- fold -----------------------------------------------------------------------------------------------------------

def _created(event: ReferralEvent) -> Referral:
    body = event.body
    request = ReferralRequest(
        categories=tuple(body["categories"]), legal_basis=tuple(body["legal_basis"]), suspicion=body["suspicion"],
        content_handling=ContentHandling(body["content_handling"]), threat_to_life=bool(body["threat_to_life"]),
        urgent=bool(body["urgent"]),
    )
    request_payload(request)  # the same rules as at creation
    step = Transition(event.seq, event.event_type, event.actor, event.actor_role, event.occurred_at)
    return Referral(
        referral_id=body["referral_id"], post_id=body["post_id"], state=ReferralState.PENDING_APPROVAL,
        created_by=event.actor, created_at=event.occurred_at, request=request, evidence=body["evidence"],
        history=(step,),
    )


def _countersigned(referral: Referral, event: ReferralEvent, platform_keys: PlatformKeys) -> dict[str, Any]:
    """The event's platform countersignature when valid; ReferralRefused (a forged decision) otherwise."""
    record = event.body.get("countersignature")
    problem = countersignature_problem(event_type=event.event_type, referral_id=referral.referral_id,
                                       actor=event.actor, created_by=referral.created_by, evidence=referral.evidence,
                                       record=record, platform_keys=platform_keys)
    if problem or not isinstance(record, dict):
        raise ReferralRefused(problem or "forged: no platform countersignature")
    return record


def _apply(referral: Referral, event: ReferralEvent, platform_keys: PlatformKeys) -> Referral:
    body, actor, role = event.body, event.actor, event.actor_role
    detail = ""
    if event.event_type == EventType.REFERRAL_APPROVED:
        detail = check_approve(referral, actor, role, body.get("note", ""))["note"]
        countersignature = _countersigned(referral, event, platform_keys)
        referral = replace(referral, state=ReferralState.APPROVED, approved_by=actor,
                           countersignature=countersignature)
    elif event.event_type == EventType.REFERRAL_REJECTED:
        detail = check_reject(referral, actor, role, body.get("reason", ""))["reason"]
        countersignature = _countersigned(referral, event, platform_keys)
        referral = replace(referral, state=ReferralState.REJECTED, rejection_reason=detail,
                           countersignature=countersignature)
    elif event.event_type == EventType.REFERRAL_SUBMITTED:
        submission = Submission(body.get("receiving_unit", ""), body.get("receipt_number", ""),
                                body.get("submitted_on", ""), body.get("submitted_by", ""))
        checked = check_submit(referral, actor, role, submission, today=date.fromisoformat(event.occurred_at[:10]))
        submission = Submission(checked["receiving_unit"], checked["receipt_number"], checked["submitted_on"],
                                checked["submitted_by"])
        detail = f"{submission.receiving_unit} {submission.receipt_number}"
        referral = replace(referral, state=ReferralState.SUBMITTED, submission=submission)
    elif event.event_type == EventType.REFERRAL_CLOSED:
        detail = check_close(referral, actor, role, body.get("outcome", ""))["outcome"]
        referral = replace(referral, state=ReferralState.CLOSED, outcome=detail)
    else:
        return referral  # other events about the referral (an export) change nothing
    step = Transition(event.seq, event.event_type, actor, role, event.occurred_at, detail)
    return replace(referral, history=(*referral.history, step))


def fold(events: Iterable[ReferralEvent], platform_keys: PlatformKeys | None = None) -> Referral | None:
    """The referral's state after its events (in seq order); None when there is no valid created event. An
    approval or rejection counts only with a platform countersignature by one of ``platform_keys``; any other
    is an anomaly (named "forged"), not applied."""
    keys = platform_keys or {}
    referral: Referral | None = None
    anomalies: list[str] = []
    for event in sorted(events, key=lambda e: e.seq):
        try:
            if event.event_type == EventType.REFERRAL_CREATED:
                if referral is not None:
                    raise ReferralRefused("a second created event")
                referral = _created(event)
            elif referral is None:
                raise ReferralRefused("an event before the referral was created")
            else:
                referral = _apply(referral, event, keys)
        except (ReferralRefused, KeyError, TypeError, ValueError) as exc:
            anomalies.append(f"seq {event.seq} ({event.event_type} by {event.actor}) not applied: {exc}")
    if referral is None:
        return None
    return replace(referral, anomalies=tuple(anomalies)) if anomalies else referral
