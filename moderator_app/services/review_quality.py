"""Review quality: a share of decisions re-queued blind to a second moderator, through the shared audit log.

1. The lead samples decisions (``sample_for_review``): each sampled decision gets a ``review_requested`` event naming
   a second moderator and the decision's seq, with no category or decision kind in it (the reviewer must not see
   the first decision).
2. The reviewer's workstation lists the requests addressed to them (``pending_reviews``) and records an independent
   decision as ``review_recorded`` (``record_review``): in the review screen, the re-queued posts join the queue
   marked as second reviews (``WorkstationSession.second_reviews`` / ``record_second_review``). The verdict stays in
   the audit log; it is never sent to the platform. With a team database every workstation sees the requests.
3. ``review_summary`` pairs decisions with reviews: agreement per moderator and per category, and the disagreements,
   which go to the lead. The lead settles one (``settle_disagreement``: the decision stands or the review does,
   ``review_settled``), or first asks a third moderator (``request_third_review``: a ``review_requested`` with
   ``"round": "3"``, which does not count in the agreement figures).

A request whose post the platform no longer knows (404) is closed as such (``close_for_missing_post``:
``review_closed``), so it does not stay pending for ever. Every step is an audit event.

Two decisions agree when their kind and their categories are the same.
"""

from __future__ import annotations

import json
import secrets
from collections import Counter
from collections.abc import Sequence
from typing import Any

from moderator_app.audit import query
from moderator_app.core.audit import AuditEvent, EventFilter, EventType, RecordedEvent
from moderator_app.core.errors import PermissionDenied, UsageError
from moderator_app.core.lead import Agreement, Disagreement, ReviewSummary, ReviewTask
from moderator_app.core.models import User
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.decision_events import review_recorded_event

_PRECISION = 10_000


def _body(event: RecordedEvent) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(event.envelope)["body"]
    return body


def _all(audit_log: AuditLogService, kind: EventType, since: str | None = None,
         until: str | None = None) -> list[RecordedEvent]:
    return list(query.iter_events(audit_log.store, EventFilter(since=since, until=until, event_type=kind)))


def _request(lead: User, workstation: str, subject: str | None, decision_seq: int, decision_event_id: str,
             reviewer: str, **extra: str) -> AuditEvent:
    """A ``review_requested`` event: no category or decision kind in it (the reviewer must not see them)."""
    return AuditEvent.new(
        EventType.REVIEW_REQUESTED, actor=lead.user_id, actor_role="lead", workstation=workstation, subject=subject,
        payload={"reviewer": reviewer, "decision_seq": str(decision_seq), "decision_event_id": decision_event_id,
                 **extra})


def _require_lead(lead: User, what: str) -> None:
    if not lead.is_lead:
        raise PermissionDenied(f"{lead.user_id} is not a lead: only leads {what}")


def sample_for_review(audit_log: AuditLogService, lead: User, share: float, *, workstation: str,
                      since: str | None = None, until: str | None = None,
                      moderators: Sequence[str] = ()) -> int:
    """Re-queue about ``share`` of the decisions in the range (not yet sampled) blind to another moderator; returns
    how many. Reviewers are the moderators deciding in the log (plus ``moderators``), the least loaded first."""
    _require_lead(lead, "re-queue decisions for review")
    if not 0 < share <= 1:
        raise UsageError(f"the review share must be more than 0 and at most 100 %, not {share:.0%}")
    decisions = _all(audit_log, EventType.DECISION_RECORDED, since, until)
    requests = _all(audit_log, EventType.REVIEW_REQUESTED)
    already = {_body(r)["decision_event_id"] for r in requests}
    # reviewers: everyone deciding in the log (a narrow range may hold one moderator's decisions only)
    everyone = decisions if since is None and until is None else _all(audit_log, EventType.DECISION_RECORDED)
    load = Counter(dict.fromkeys({*moderators, *(d.actor for d in everyone)}, 0))
    load.update(_body(r)["reviewer"] for r in requests)
    made = 0
    for decision in decisions:
        if decision.event_id in already or secrets.randbelow(_PRECISION) >= share * _PRECISION:
            continue
        others = [name for name in load if name != decision.actor]
        if not others:
            continue
        reviewer = min(others, key=lambda name: (load[name], name))
        load[reviewer] += 1
        audit_log.append(_request(lead, workstation, decision.subject, decision.seq, decision.event_id, reviewer))
        made += 1
    return made


def pending_reviews(audit_log: AuditLogService, reviewer: str) -> list[ReviewTask]:
    done = {_body(r)["request_event_id"] for kind in (EventType.REVIEW_RECORDED, EventType.REVIEW_CLOSED)
            for r in _all(audit_log, kind)}
    return [ReviewTask(r.event_id, r.subject or "", reviewer, r.occurred_at)
            for r in _all(audit_log, EventType.REVIEW_REQUESTED)
            if _body(r)["reviewer"] == reviewer and r.event_id not in done]


def record_review(audit_log: AuditLogService, task: ReviewTask, reviewer: User, kind: str,
                  categories: Sequence[str], *, workstation: str) -> None:
    audit_log.append(review_recorded_event(task, reviewer, kind, categories, workstation=workstation))


def close_for_missing_post(audit_log: AuditLogService, tasks: Sequence[ReviewTask], reviewer: User, *,
                           workstation: str) -> None:
    """The platform answered 404 for the post: each request is closed unreviewed, and says why."""
    for task in tasks:
        audit_log.append(AuditEvent.new(
            EventType.REVIEW_CLOSED, actor=reviewer.user_id, workstation=workstation, subject=task.subject,
            actor_role="lead" if reviewer.is_lead else "moderator",
            payload={"request_event_id": task.request_event_id, "reason": "post_not_found"}))


def request_third_review(audit_log: AuditLogService, lead: User, disagreement: Disagreement, *, workstation: str,
                         moderators: Sequence[str] = ()) -> str:
    """Re-queue the disputed decision blind to a third moderator (neither the first nor the reviewer, the least
    loaded); returns who. UsageError when there is nobody else."""
    _require_lead(lead, "request third reviews")
    requests = _all(audit_log, EventType.REVIEW_REQUESTED)
    deciders = {d.actor for d in _all(audit_log, EventType.DECISION_RECORDED)}
    load = Counter(dict.fromkeys({*moderators, *deciders} - {disagreement.moderator, disagreement.reviewer}, 0))
    load.update(_body(r)["reviewer"] for r in requests if _body(r)["reviewer"] in load)
    if not load:
        raise UsageError("no third moderator to ask: only the first moderator and the reviewer decide here")
    reviewer = min(load, key=lambda name: (load[name], name))
    audit_log.append(_request(lead, workstation, disagreement.subject, disagreement.decision_seq,
                              disagreement.decision_event_id, reviewer, round=THIRD_ROUND,
                              disputed_review_event_id=disagreement.review_event_id))
    return reviewer


SETTLEMENTS = ("decision_stands", "review_stands")
THIRD_ROUND = "3"


def settle_disagreement(audit_log: AuditLogService, lead: User, disagreement: Disagreement, outcome: str, *,
                        workstation: str) -> None:
    """The lead's ruling on a disagreement, recorded; it leaves the list of disagreements to settle."""
    _require_lead(lead, "settle review disagreements")
    if outcome not in SETTLEMENTS:
        raise UsageError(f"unknown settlement {outcome!r} (choose from {', '.join(SETTLEMENTS)})")
    audit_log.append(AuditEvent.new(
        EventType.REVIEW_SETTLED, actor=lead.user_id, actor_role="lead", workstation=workstation,
        subject=disagreement.subject,
        payload={"review_event_id": disagreement.review_event_id, "decision_seq": str(disagreement.decision_seq),
                 "decision_event_id": disagreement.decision_event_id, "outcome": outcome,
                 "third_review": disagreement.third_review}))


def _verdict(event: RecordedEvent) -> tuple[str, tuple[str, ...]]:
    return event.decision_kind or "", tuple(sorted(_body(event).get("categories") or []))


def _describe(event: RecordedEvent) -> str:
    kind, categories = _verdict(event)
    return " ".join((kind, *categories))


def review_summary(audit_log: AuditLogService, since: str | None = None, until: str | None = None,
                   limit: int = 500) -> ReviewSummary:
    """Agreement over the second reviews (a third review does not count: it measures the same decision again) and
    the disagreements not yet settled, each with its third review if the lead asked for one."""
    requests = {r.event_id: r for r in _all(audit_log, EventType.REVIEW_REQUESTED, since, until)}
    second = {key: r for key, r in requests.items() if _body(r).get("round") != THIRD_ROUND}
    settled = {_body(s)["review_event_id"] for s in _all(audit_log, EventType.REVIEW_SETTLED, since)}
    third: dict[str, tuple[str, str]] = {}  # disputed review -> (third reviewer, verdict or "")
    for asked in requests.values():
        if _body(asked).get("round") == THIRD_ROUND:
            third[_body(asked).get("disputed_review_event_id", "")] = (_body(asked)["reviewer"], "")
    by_moderator: dict[str, list[int]] = {}
    by_category: dict[str, list[int]] = {}
    found: list[tuple[RecordedEvent, RecordedEvent]] = []
    for review in _all(audit_log, EventType.REVIEW_RECORDED, since):
        request = requests.get(_body(review)["request_event_id"])
        if request is None:
            continue
        if request.event_id not in second:
            disputed = _body(request).get("disputed_review_event_id", "")
            third[disputed] = (review.actor, _describe(review))
            continue
        seq = int(_body(request)["decision_seq"])
        decision = next(iter(query.iter_events(audit_log.store, after_seq=seq - 1, limit=1)), None)
        if decision is None or decision.seq != seq:
            continue
        agreed = _verdict(decision) == _verdict(review)
        for tallies, key in ((by_moderator, decision.actor), (by_category, decision.category or "-")):
            tally = tallies.setdefault(key, [0, 0])
            tally[0] += agreed
            tally[1] += 1
        if not agreed:
            found.append((decision, review))
    disagreements = [
        Disagreement(decision.subject or "", decision.actor, _describe(decision), review.actor, _describe(review),
                     decision.seq, review.seq, review.event_id, decision.event_id,
                     *third.get(review.event_id, ("", "")))
        for decision, review in found if review.event_id not in settled][:limit]

    def table(rows: dict[str, list[int]]) -> tuple[Agreement, ...]:
        return tuple(Agreement(label, agreed, total) for label, (agreed, total) in sorted(rows.items()))

    return ReviewSummary(len(second), sum(total for _agreed, total in by_moderator.values()), table(by_moderator),
                         table(by_category), tuple(disagreements))
