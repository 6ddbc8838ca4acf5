"""Review quality: a share of decisions re-queued blind to a second moderator, through the shared audit log.

1. The lead samples decisions (``sample_for_review``): each sampled decision gets a ``review_requested`` event naming
   a second moderator and the decision's seq, with no category or decision kind in it (the reviewer must not see
   the first decision).
2. The reviewer's workstation lists the requests addressed to them (``pending_reviews``) and records an independent
   decision as ``review_recorded`` (``record_review``): in the review screen, the re-queued posts join the queue
   marked as second reviews (``WorkstationSession.second_reviews`` / ``record_second_review``). The verdict stays in
   the audit log; it is never sent to the platform. With a team database every workstation sees the requests.
3. ``review_summary`` pairs decisions with reviews: agreement per moderator and per category, and the disagreements,
   which go to the lead.

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


def sample_for_review(audit_log: AuditLogService, lead: User, share: float, *, workstation: str,
                      since: str | None = None, until: str | None = None,
                      moderators: Sequence[str] = ()) -> int:
    """Re-queue about ``share`` of the decisions in the range (not yet sampled) blind to another moderator; returns
    how many. Reviewers are the moderators deciding in the range (plus ``moderators``), the least loaded first."""
    if not lead.is_lead:
        raise PermissionDenied(f"{lead.user_id} is not a lead: only leads re-queue decisions for review")
    if not 0 < share <= 1:
        raise UsageError(f"the review share must be more than 0 and at most 100 %, not {share:.0%}")
    decisions = _all(audit_log, EventType.DECISION_RECORDED, since, until)
    requests = _all(audit_log, EventType.REVIEW_REQUESTED)
    already = {_body(r)["decision_event_id"] for r in requests}
    load = Counter(dict.fromkeys({*moderators, *(d.actor for d in decisions)}, 0))
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
        audit_log.append(AuditEvent.new(
            EventType.REVIEW_REQUESTED, actor=lead.user_id, actor_role="lead", workstation=workstation,
            subject=decision.subject,
            payload={"reviewer": reviewer, "decision_seq": str(decision.seq), "decision_event_id": decision.event_id}))
        made += 1
    return made


def pending_reviews(audit_log: AuditLogService, reviewer: str) -> list[ReviewTask]:
    done = {_body(r)["request_event_id"] for r in _all(audit_log, EventType.REVIEW_RECORDED)}
    return [ReviewTask(r.event_id, r.subject or "", reviewer, r.occurred_at)
            for r in _all(audit_log, EventType.REVIEW_REQUESTED)
            if _body(r)["reviewer"] == reviewer and r.event_id not in done]


def record_review(audit_log: AuditLogService, task: ReviewTask, reviewer: User, kind: str,
                  categories: Sequence[str], *, workstation: str) -> None:
    audit_log.append(review_recorded_event(task, reviewer, kind, categories, workstation=workstation))


def _verdict(event: RecordedEvent) -> tuple[str, tuple[str, ...]]:
    return event.decision_kind or "", tuple(sorted(_body(event).get("categories") or []))


def _describe(event: RecordedEvent) -> str:
    kind, categories = _verdict(event)
    return " ".join((kind, *categories))


def review_summary(audit_log: AuditLogService, since: str | None = None, until: str | None = None,
                   limit: int = 500) -> ReviewSummary:
    requests = {r.event_id: r for r in _all(audit_log, EventType.REVIEW_REQUESTED, since, until)}
    by_moderator: dict[str, list[int]] = {}
    by_category: dict[str, list[int]] = {}
    disagreements: list[Disagreement] = []
    reviewed = 0
    for review in _all(audit_log, EventType.REVIEW_RECORDED, since):
        request = requests.get(_body(review)["request_event_id"])
        if request is None:
            continue
        seq = int(_body(request)["decision_seq"])
        decision = next(iter(query.iter_events(audit_log.store, after_seq=seq - 1, limit=1)), None)
        if decision is None or decision.seq != seq:
            continue
        reviewed += 1
        agreed = _verdict(decision) == _verdict(review)
        for tallies, key in ((by_moderator, decision.actor), (by_category, decision.category or "-")):
            tally = tallies.setdefault(key, [0, 0])
            tally[0] += agreed
            tally[1] += 1
        if not agreed and len(disagreements) < limit:
            disagreements.append(Disagreement(decision.subject or "", decision.actor, _describe(decision),
                                              review.actor, _describe(review), decision.seq, review.seq))

    def table(rows: dict[str, list[int]]) -> tuple[Agreement, ...]:
        return tuple(Agreement(label, agreed, total) for label, (agreed, total) in sorted(rows.items()))

    return ReviewSummary(len(requests), reviewed, table(by_moderator), table(by_category), tuple(disagreements))

