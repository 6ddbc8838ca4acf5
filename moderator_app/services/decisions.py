"""The one path from "a person decided" to "recorded, delivered, acknowledged" (GUI, bulk CSV, second reviews,
near-duplicate groups).

    pipeline = DecisionPipeline(gateway, audit, journal, user, workstation="ws-1", pack=pack)
    pipeline.hold(hold_id, decisions)      # the undo window: durable in the journal, nothing recorded or sent yet
    pipeline.cancel(hold_id)               # Ctrl+Z inside the window
    pipeline.release(hold_id)              # window over: decision_recorded, then journalled for the outbox
    pipeline.record(decisions)             # no window (bulk CSV): the same two steps at once
    pipeline.held_after_crash()            # holds a dead process left; apply_held / discard_held, audited
    pipeline.deliver_pending() / start_background()   # the outbox; decision_delivered / decision_failed audited

Order is fixed here: validate, audit (``decision_recorded``), journal, deliver; each acknowledgement or refusal is
audited before the journal marks it. Audit event ids are derived from the idempotency key, so recording or
acknowledging the same decision again (after a crash, a re-run of a bulk file) adds nothing to the log.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from moderator_app.core.audit import AuditEvent, EventType
from moderator_app.core.decisions import Decision, DecisionKind, DecisionProblem, PlatformDecision, decision_problems
from moderator_app.core.errors import ModeratorError, PermissionDenied, PlatformError, UsageError
from moderator_app.core.lead import ReviewTask
from moderator_app.core.models import CategoryId, PostId, User
from moderator_app.core.policy import PolicyPack
from moderator_app.core.ports import PlatformGateway
from moderator_app.services.outbox import (
    DeliveryReport,
    OnDelivered,
    OnFailed,
    Outbox,
    RetryPolicy,
    account_key,
    applied_before,
)
from moderator_app.services.outbox_journal import (
    HeldRow,
    OutboxEntry,
    OutboxJournal,
    decision_from_json,
    decision_to_json,
)

if TYPE_CHECKING:  # the GUI imports this module's records at start; the audit stack loads with the session
    from moderator_app.services.audit_service import AuditLogService

_EVENT_IDS = uuid.UUID("5b0f1c8e-4d7a-4c21-9a51-0d6f3e1b7c42")  # namespace of the derived audit event ids
RECORD_CHUNK = 1000  # decisions audited and journalled per transaction in a bulk run


def problems_of(decision: Decision, pack: PolicyPack | None) -> list[DecisionProblem]:
    """Everything wrong with a decision: the catalogue's rules, then the policy pack's (known categories, and which
    decision kinds may cite each)."""
    problems = decision_problems(decision)
    if pack is None:
        return problems
    for category_id in decision.categories:
        try:
            category = pack.category(category_id)
        except ModeratorError as exc:
            problems.append(DecisionProblem("categories", str(exc)))
            continue
        if decision.kind is not DecisionKind.NO_VIOLATION and decision.kind not in category.decision_kinds:
            problems.append(DecisionProblem("categories", f"{category_id} cannot be cited for {decision.kind.value}"))
    return problems


class InvalidDecisions(UsageError):
    """Nothing was recorded: ``problems`` names each invalid decision's post and what is wrong with it."""

    def __init__(self, problems: Mapping[PostId, list[DecisionProblem]]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"post {post_id}: {'; '.join(p.message for p in found)}"
                                   for post_id, found in self.problems.items()))


@dataclass(frozen=True, slots=True)
class HeldReview:
    """A blind second review's verdict in its undo window: it goes to the audit log only, never to the platform."""

    post_id: PostId
    kind: DecisionKind
    categories: tuple[CategoryId, ...]
    tasks: tuple[ReviewTask, ...]


@dataclass(frozen=True, slots=True)
class Held:
    """What one hold keeps: decisions (one, or a near-duplicate group), or a second review's verdict."""

    hold_id: str
    held_at: datetime
    decisions: tuple[Decision, ...] = ()
    review: HeldReview | None = None

    @property
    def post_ids(self) -> tuple[PostId, ...]:
        return (self.review.post_id,) if self.review else tuple(d.post_id for d in self.decisions)


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
    if after_restart:
        payload["held_when_the_workstation_stopped"] = True
    event = AuditEvent.new(
        EventType.DECISION_RECORDED, actor=user.user_id, workstation=workstation, actor_role=_role(user),
        subject=f"post:{decision.post_id}", category=decision.categories[0] if decision.categories else None,
        decision_kind=decision.kind.value, payload=payload,
    )
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


def _review_to_json(review: HeldReview) -> str:
    return json.dumps({
        "post_id": review.post_id, "kind": review.kind.value, "categories": list(review.categories),
        "tasks": [{"request_event_id": t.request_event_id, "subject": t.subject, "reviewer": t.reviewer,
                   "requested_at": t.requested_at} for t in review.tasks],
    }, ensure_ascii=False, sort_keys=True)


def _review_from_json(text: str) -> HeldReview:
    d = json.loads(text)
    return HeldReview(PostId(d["post_id"]), DecisionKind(d["kind"]), tuple(CategoryId(c) for c in d["categories"]),
                      tuple(ReviewTask(t["request_event_id"], t["subject"], t["reviewer"], t["requested_at"])
                            for t in d["tasks"]))


def _holds(rows: Sequence[HeldRow]) -> list[Held]:
    grouped: dict[str, list[HeldRow]] = {}
    for row in rows:
        grouped.setdefault(row.hold_id, []).append(row)
    held = []
    for hold_id, group in grouped.items():
        group.sort(key=lambda r: r.position)
        if group[0].what == "second_review":
            held.append(Held(hold_id, group[0].held_at, review=_review_from_json(group[0].body)))
        else:
            held.append(Held(hold_id, group[0].held_at, tuple(decision_from_json(r.body) for r in group)))
    return held


def _process_alive(pid: int) -> bool:
    """Whether another process holding decisions still runs (a hold of this very process belongs to an earlier
    pipeline, which is gone). Where signals cannot probe a process, a hold counts as left behind."""
    if pid == os.getpid() or os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class DecisionPipeline:
    """Built from its parts (a composition root wires it); thread-safe. Every method blocks: the GUI calls them on
    its database lane, the CLI directly."""

    def __init__(self, gateway: PlatformGateway, audit: AuditLogService, journal: OutboxJournal, user: User, *,
                 workstation: str, pack: PolicyPack | None = None, retry: RetryPolicy | None = None,
                 in_flight: int = 1, on_change: Callable[[], None] | None = None) -> None:
        self.audit, self.journal, self.user, self.workstation, self.pack = audit, journal, user, workstation, pack
        self.account = account_key(gateway.base_url, user.user_id)
        self.holder = f"{os.getpid()}:{uuid.uuid4().hex}"
        self._delivered_hooks: list[OnDelivered] = []
        self._failed_hooks: list[OnFailed] = []
        self._lock = threading.Lock()  # holds are released, applied or discarded one at a time
        self.outbox = Outbox(gateway, self.account, journal=journal, retry=retry, on_delivered=self._on_delivered,
                             on_failed=self._on_failed, on_change=on_change, in_flight=in_flight)

    # --- hooks ----------------------------------------------------------------------------------------------
    def on_delivered(self, hook: OnDelivered) -> None:
        """Called with each acknowledgement after its ``decision_delivered`` event is in the log (progress, a
        platform receipt to keep)."""
        self._delivered_hooks.append(hook)

    def on_failed(self, hook: OnFailed) -> None:
        self._failed_hooks.append(hook)

    # --- validation -----------------------------------------------------------------------------------------
    def problems(self, decision: Decision) -> list[DecisionProblem]:
        return problems_of(decision, self.pack)

    def _check(self, decisions: Sequence[Decision]) -> None:
        found = {d.post_id: p for d in decisions if (p := self.problems(d))}
        foreign = [d for d in decisions if d.moderator != self.user.user_id]
        for decision in foreign:
            found.setdefault(decision.post_id, []).append(
                DecisionProblem("moderator", f"decided by {decision.moderator}, not by {self.user.user_id}"))
        if found:
            raise InvalidDecisions(found)

    # --- recording ------------------------------------------------------------------------------------------
    def record(self, decisions: Sequence[Decision]) -> list[tuple[OutboxEntry, bool]]:
        """Audit, then journal, each decision (no undo window); returns (entry, newly journalled). A decision
        recorded before (same idempotency key) is neither audited nor journalled twice."""
        batch = list(decisions)
        self._check(batch)
        recorded: list[tuple[OutboxEntry, bool]] = []
        for start in range(0, len(batch), RECORD_CHUNK):
            chunk = batch[start:start + RECORD_CHUNK]
            self._audit_recorded(chunk)
            recorded += self.journal.add_many(self.account, chunk)
        self.outbox.wake()
        return recorded

    def _audit_recorded(self, decisions: Sequence[Decision], *, after_restart: bool = False) -> None:
        self.audit.append_many([decision_recorded_event(d, self.user, workstation=self.workstation,
                                                        after_restart=after_restart) for d in decisions])

    # --- the undo window ------------------------------------------------------------------------------------
    def hold(self, hold_id: str, decisions: Sequence[Decision]) -> None:
        """Keep decisions (one, or a group) durably for the undo window; nothing is recorded or sent yet."""
        self._check(decisions)
        self.journal.hold(self.account, self.holder, hold_id, [("decision", decision_to_json(d)) for d in decisions])

    def hold_review(self, hold_id: str, review: HeldReview) -> None:
        self.journal.hold(self.account, self.holder, hold_id, [("second_review", _review_to_json(review))])

    def cancel(self, hold_id: str) -> bool:
        """Undo inside the window: the hold is gone, and nothing of it was recorded anywhere."""
        with self._lock:
            return self.journal.drop_hold(hold_id) > 0

    def release(self, hold_id: str) -> Held | None:
        """The window is over: record what the hold kept (None when it was cancelled or released already)."""
        return self._settle(hold_id, apply=True, after_restart=False)

    def held(self, hold_id: str) -> Held | None:
        found = _holds(self.journal.held(self.account, hold_id))
        return found[0] if found else None

    def held_after_crash(self) -> list[Held]:
        """Holds of this account left by a process that is no longer running: offer them to the moderator."""
        rows = [r for r in self.journal.held(self.account)
                if r.holder != self.holder and not _process_alive(int(r.holder.split(":")[0]))]
        return _holds(rows)

    def apply_held(self, hold_id: str) -> Held | None:
        return self._settle(hold_id, apply=True, after_restart=True)

    def discard_held(self, hold_id: str) -> Held | None:
        """The moderator chose not to send what was held at the crash: ``decision_discarded`` for each."""
        return self._settle(hold_id, apply=False, after_restart=True)

    def _settle(self, hold_id: str, *, apply: bool, after_restart: bool) -> Held | None:
        with self._lock:
            held = self.held(hold_id)
            if held is None:
                return None
            if not apply:
                self.audit.append_many(self._discarded_events(held))
                self.journal.drop_hold(hold_id)
            elif held.review is not None:
                self.audit.append_many(self._review_events(held.review, hold_id, after_restart=after_restart))
                self.journal.drop_hold(hold_id)
            else:
                self._audit_recorded(held.decisions, after_restart=after_restart)
                self.journal.release_hold(self.account, hold_id, held.decisions)
                self.outbox.wake()
        return held

    def record_review(self, review: HeldReview) -> None:
        """A second review's verdict without an undo window."""
        self.audit.append_many(self._review_events(review, uuid.uuid4().hex, after_restart=False))

    def _review_events(self, review: HeldReview, hold_id: str, *, after_restart: bool) -> list[AuditEvent]:
        events = []
        for task in review.tasks:
            event = review_recorded_event(task, self.user, review.kind.value, review.categories,
                                          workstation=self.workstation)
            if after_restart:
                event = replace(event, payload={**event.payload, "held_when_the_workstation_stopped": True})
            events.append(_with_id(event, event_id("review_recorded", hold_id, task.request_event_id)))
        return events

    def _discarded_events(self, held: Held) -> list[AuditEvent]:
        reason = "held in the undo window when the workstation stopped; discarded by the moderator at restart"
        if held.review is not None:
            review = held.review
            event = AuditEvent.new(
                EventType.DECISION_DISCARDED, actor=self.user.user_id, workstation=self.workstation,
                actor_role=_role(self.user), subject=f"post:{review.post_id}", decision_kind=review.kind.value,
                category=review.categories[0] if review.categories else None,
                payload={"second_review": True, "categories": list(review.categories), "reason": reason,
                         "request_event_ids": [t.request_event_id for t in review.tasks]})
            return [_with_id(event, event_id("decision_discarded", held.hold_id))]
        return [_with_id(AuditEvent.new(
            EventType.DECISION_DISCARDED, actor=self.user.user_id, workstation=self.workstation,
            actor_role=_role(self.user), subject=f"post:{d.post_id}", decision_kind=d.kind.value,
            category=d.categories[0] if d.categories else None,
            payload={"idempotency_key": d.idempotency_key, "categories": list(d.categories), "note": d.note,
                     "client_time": _iso(d.client_time), "reason": reason},
        ), event_id("decision_discarded", d.idempotency_key)) for d in held.decisions]

    # --- delivery -------------------------------------------------------------------------------------------
    def deliver_pending(self, stop: threading.Event | None = None) -> DeliveryReport:
        return self.outbox.deliver_pending(stop)

    def start_background(self, idle_poll_s: float = 30.0) -> None:
        self.outbox.start_background(idle_poll_s)

    def stop_background(self) -> None:
        self.outbox.stop_background()

    def close(self) -> None:
        self.outbox.close()

    # The outbox calls these (one at a time) before it marks the journal, so an outcome is never unaudited.
    def _on_delivered(self, entry: OutboxEntry, ack: PlatformDecision) -> None:
        decision = entry.decision
        payload: dict[str, Any] = {"idempotency_key": decision.idempotency_key, "decision_id": ack.decision_id,
                                   "platform_seq": str(ack.seq)}
        if applied_before(decision, ack):
            payload["applied_before"] = True  # an earlier sending (another run, another workstation) applied it
        event = AuditEvent.new(
            EventType.DECISION_DELIVERED, actor=self.user.user_id, workstation=self.workstation,
            actor_role=_role(self.user), subject=f"post:{decision.post_id}", decision_kind=decision.kind.value,
            payload=payload)
        self.audit.append(_with_id(event, event_id("decision_delivered", decision.idempotency_key,
                                                   ack.decision_id)))
        for hook in self._delivered_hooks:
            hook(entry, ack)

    def _on_failed(self, entry: OutboxEntry, error: PlatformError) -> None:
        decision = entry.decision
        self.audit.append(AuditEvent.new(
            EventType.DECISION_FAILED, actor=self.user.user_id, workstation=self.workstation,
            actor_role=_role(self.user), subject=f"post:{decision.post_id}", decision_kind=decision.kind.value,
            payload={"idempotency_key": decision.idempotency_key, "reason": str(error),
                     "failure_kind": entry.failure_kind or "error"}))
        for hook in self._failed_hooks:
            hook(entry, error)
