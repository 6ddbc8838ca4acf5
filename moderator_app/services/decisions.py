"""The one path from "a person decided" to "recorded, delivered, acknowledged" (GUI, bulk CSV, second reviews,
near-duplicate groups).

    pipeline = DecisionPipeline(gateway, audit, journal, user, workstation="ws-1", pack=pack)
    pipeline.hold(hold_id, decisions)      # the undo window: durable in the journal, nothing recorded or sent yet
    pipeline.cancel(hold_id)               # Ctrl+Z inside the window
    pipeline.release(hold_id)              # window over: decision_recorded, then journalled for the outbox
    pipeline.record(decisions)             # no window (bulk CSV): the same two steps at once
    pipeline.held_after_crash()            # holds a dead process left; apply_held / discard_held, audited
    pipeline.deliver_pending() / start_background()   # the outbox; decision_delivered / decision_failed audited
    pipeline.dismiss_failed(seq)           # a refused decision set aside: decision_discarded, journal "dismissed"

Order is fixed here: validate, audit (``decision_recorded``), journal, deliver; each acknowledgement or refusal is
audited before the journal marks it. Audit event ids are derived from the idempotency key, so recording or
acknowledging the same decision again (after a crash, a re-run of a bulk file) adds nothing to the log. When the
platform's witness wants a receipt, a delivery carries the log's committed head and the acknowledgement brings the
receipt (``_submit``; services/witnessing.py).
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from moderator_app.core.audit import AuditEvent
from moderator_app.core.decisions import Decision, DecisionKind, DecisionProblem, PlatformDecision, decision_problems
from moderator_app.core.errors import ModeratorError, PlatformError, UsageError
from moderator_app.core.models import PostId, User
from moderator_app.core.policy import PolicyPack
from moderator_app.core.ports import PlatformGateway
from moderator_app.services.decision_events import (
    decision_recorded_event,
    delivered_event,
    discarded_events,
    dismissed_event,
    failed_event,
    review_events,
)
from moderator_app.services.holds import (
    Held,
    HeldReview,
    hold_rows,
    holds_from_rows,
    process_alive,
    review_to_json,
)
from moderator_app.services.outbox import DeliveryReport, OnDelivered, OnFailed, Outbox, RetryPolicy, account_key
from moderator_app.services.outbox_journal import EntryState, OutboxEntry, OutboxJournal

if TYPE_CHECKING:  # the GUI imports this module's records at start; the audit stack loads with the session
    from moderator_app.services.audit_service import AuditLogService

__all__ = ["DecisionPipeline", "Held", "HeldReview", "InvalidDecisions", "decision_recorded_event", "problems_of"]
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


class DecisionPipeline:
    """Built from its parts (a composition root wires it); thread-safe. Every method blocks: the GUI calls them on
    its database lane, the CLI directly."""

    def __init__(self, gateway: PlatformGateway, audit: AuditLogService, journal: OutboxJournal, user: User, *,
                 workstation: str, pack: PolicyPack | None = None, retry: RetryPolicy | None = None,
                 in_flight: int = 1, on_change: Callable[[], None] | None = None) -> None:
        self.audit, self.journal, self.user, self.workstation, self.pack = audit, journal, user, workstation, pack
        self.gateway = gateway
        self.account = account_key(gateway.base_url, user.user_id)
        self.holder = f"{os.getpid()}:{uuid.uuid4().hex}"
        self._delivered_hooks: list[OnDelivered] = []
        self._failed_hooks: list[OnFailed] = []
        self._lock = threading.Lock()  # holds are released, applied or discarded one at a time
        self.outbox = Outbox(gateway, self.account, journal=journal, retry=retry, on_delivered=self._on_delivered,
                             on_failed=self._on_failed, on_change=on_change, in_flight=in_flight,
                             submit=self._submit)

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
        self.journal.hold(self.account, self.holder, hold_id, hold_rows(decisions))

    def hold_review(self, hold_id: str, review: HeldReview) -> None:
        self.journal.hold(self.account, self.holder, hold_id, [("second_review", review_to_json(review))])

    def cancel(self, hold_id: str) -> bool:
        """Undo inside the window: the hold is gone, and nothing of it was recorded anywhere."""
        with self._lock:
            return self.journal.drop_hold(hold_id) > 0

    def release(self, hold_id: str) -> Held | None:
        """The window is over: record what the hold kept (None when it was cancelled or released already)."""
        return self._settle(hold_id, apply=True, after_restart=False)

    def held(self, hold_id: str) -> Held | None:
        found = holds_from_rows(self.journal.held(self.account, hold_id))
        return found[0] if found else None

    def held_after_crash(self) -> list[Held]:
        """Holds of this account left by a process that is no longer running: offer them to the moderator."""
        rows = [r for r in self.journal.held(self.account)
                if r.holder != self.holder and not process_alive(int(r.holder.split(":")[0]))]
        return holds_from_rows(rows)

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
                self.audit.append_many(discarded_events(held, self.user, workstation=self.workstation))
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
        return review_events(review, self.user, hold_id, workstation=self.workstation, after_restart=after_restart)

    def dismiss_failed(self, seq: int) -> OutboxEntry:
        """A refused decision the moderator sets aside: ``decision_discarded`` (reason, refusal), then the journal
        marks it ``dismissed``; it is kept, never sent, and no longer counted as failed."""
        with self._lock:
            entry = self.journal.get(seq)
            if entry is None or entry.account != self.account or entry.state is not EntryState.FAILED:
                raise UsageError(f"outbox entry {seq} is not a refused decision of this account")
            self.audit.append(dismissed_event(entry, self.user, workstation=self.workstation))
            self.journal.dismiss(seq)
        return entry

    # --- delivery -------------------------------------------------------------------------------------------
    def deliver_pending(self, stop: threading.Event | None = None) -> DeliveryReport:
        return self.outbox.deliver_pending(stop)

    def start_background(self, idle_poll_s: float = 30.0) -> None:
        self.outbox.start_background(idle_poll_s)

    def stop_background(self) -> None:
        self.outbox.stop_background()

    def close(self) -> None:
        self.outbox.close()

    def _submit(self, decision: Decision) -> PlatformDecision:
        """One delivery; when the audit log's witness wants a receipt, the delivery carries the log's durable head
        and the acknowledgement brings the receipt back (no POST /v1/audit-witness of its own)."""
        witness = self.audit.witness
        position = witness.position_for_decision() if witness is not None else None
        if witness is None or position is None:
            return self.gateway.submit_decision(decision)
        ack: PlatformDecision | None = None
        try:
            ack = self.gateway.submit_decision(decision, audit_position=position)
            return ack
        finally:
            witness.piggybacked(position, ack.witness_receipt if ack else None, ack.witness_refusal if ack else None)

    # The outbox calls these (one at a time) before it marks the journal, so an outcome is never unaudited.
    def _on_delivered(self, entry: OutboxEntry, ack: PlatformDecision) -> None:
        self.audit.append(delivered_event(entry.decision, ack, self.user, workstation=self.workstation))
        for hook in self._delivered_hooks:
            hook(entry, ack)

    def _on_failed(self, entry: OutboxEntry, error: PlatformError) -> None:
        self.audit.append(failed_event(entry, error, self.user, workstation=self.workstation))
        for hook in self._failed_hooks:
            hook(entry, error)
