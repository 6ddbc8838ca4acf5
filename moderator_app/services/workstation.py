"""The logged-in workstation: queue, suggestions, decisions into the audit log and the outbox, status.

This is the real ``services.review.ReviewService``. Every method blocks; the GUI calls them on its task runner.
Decisions take the one path in ``services.decisions`` (held for the undo window, recorded in the audit log,
journalled, delivered by the outbox, acknowledgement audited); this class adds the claim, the suggestion feedback
and the day's count.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeVar

from moderator_app import paths
from moderator_app.core.audit import AuditEvent, EventFilter, EventType
from moderator_app.core.changes import Changes
from moderator_app.core.decisions import Decision, DecisionKind, PlatformDecision
from moderator_app.core.errors import NotFound, PlatformError, PlatformUnavailable, UsageError
from moderator_app.core.lead import ReviewTask
from moderator_app.core.models import (
    AuthorId,
    AuthSession,
    CategoryId,
    Lease,
    PlatformKey,
    PostId,
    QueueItem,
    ReferralCountersignature,
    Suggestion,
    User,
)
from moderator_app.core.policy import PolicyPack
from moderator_app.platform_api import PlatformClient
from moderator_app.services import change_feed, review_quality
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.claims import Holdings
from moderator_app.services.decisions import DecisionPipeline, Held, HeldReview
from moderator_app.services.outbox import Outbox
from moderator_app.services.outbox_journal import OutboxJournal
from moderator_app.services.review import (
    OutboxFailure,
    PostContext,
    QueueSnapshot,
    SecondReview,
    WorkstationStatus,
)
from moderator_app.services.suggestion_service import SuggestionService

log = logging.getLogger(__name__)
T = TypeVar("T")
QUEUE_PAGE = 200
QUEUE_LIMIT = 2000  # what one workstation lists at once; the platform keeps the rest
SECOND_REVIEW_LIMIT = 100  # blind second reviews listed at once, oldest first; the rest follow on the next refresh


@dataclass(frozen=True, slots=True)
class WorkstationParts:
    client: PlatformClient
    auth: AuthSession
    audit: AuditLogService
    suggestions: SuggestionService
    pack: PolicyPack
    workstation: str
    journal: OutboxJournal
    claim_batch: int = 20


class WorkstationSession:
    def __init__(self, parts: WorkstationParts) -> None:
        self._parts = parts
        self._client = parts.client
        self._audit = parts.audit
        self._suggestions = parts.suggestions
        self._lease: Lease | None = None  # the batch claimed when the queue first loads (renewed with the rest)
        self._holdings = Holdings(parts.client)  # every lease we hold: the batch and posts claimed one by one
        self._auto_claim = True  # "release all" means it: no new batch until the moderator claims again
        self._items: dict[PostId, QueueItem] = {}
        self._connected = True
        self._lock = threading.Lock()
        self._retraining = threading.Event()
        self._audit_problem: str | None = None
        self._shown: dict[str, Sequence[Suggestion]] = {}  # what each hold's moderator saw (suggestion feedback)
        self.decisions = DecisionPipeline(parts.client, parts.audit, parts.journal, parts.auth.user,
                                          workstation=parts.workstation, pack=parts.pack)
        self._outbox = self.decisions.outbox
        self._decisions_today = self._count_decisions_today()
        # Deliveries, refusals and retries happen on the outbox's thread: announced, so views need not poll.
        self.changes = change_feed.ChangeFeed()
        self._outbox.on_change = partial(self.changes.publish, Changes(outbox=True))
        self._append(EventType.LOGIN, subject=f"platform:{parts.client.base_url}")
        self.decisions.start_background(idle_poll_s=5.0)

    # --- ReviewService -------------------------------------------------------------------------------------
    @property
    def user(self) -> User:
        return self._parts.auth.user

    @property
    def pack(self) -> PolicyPack:
        return self._parts.pack

    def load_queue(self) -> QueueSnapshot:
        """The moderator's claimed batch, with suggestions: small and fast, so the first post shows at once."""
        items: dict[PostId, QueueItem] = {}
        batch = next((lease for lease in self._holdings.leases()
                      if self._lease is not None and lease.lease_id == self._lease.lease_id), None)
        if self._auto_claim and (batch is None or batch.expires_at <= datetime.now(UTC)):
            claim = self._network(partial(self._client.claim, count=self._parts.claim_batch))
            self._lease = claim.lease
            self._holdings.add(claim.lease)
            items.update((i.post_id, i) for i in claim.items)
            self._append(EventType.CLAIM, subject=f"lease:{claim.lease.lease_id}",
                         payload={"post_ids": list(claim.lease.post_ids), "expires_at": _iso(claim.lease.expires_at)})
            self.changes.publish(Changes(status=True))
        else:
            with self._lock:
                items.update((pid, self._items[pid]) for pid in self._holdings.posts() if pid in self._items)
        return self._snapshot(items, with_clusters=False)

    def load_full_queue(self) -> QueueSnapshot:
        """Everything the platform lists (up to QUEUE_LIMIT), grouped into near-duplicate clusters."""
        items: dict[PostId, QueueItem] = {}
        with self._lock:
            items.update((pid, self._items[pid]) for pid in self._holdings.posts() if pid in self._items)
        cursor: str | None = None
        while len(items) < QUEUE_LIMIT:
            page = self._network(partial(self._client.queue_page, limit=QUEUE_PAGE, cursor=cursor))
            items.update((i.post_id, i) for i in page.items if i.post_id not in items)
            cursor = page.next_cursor
            if not cursor:
                break
        return replace(self._snapshot(items, with_clusters=True), more_on_platform=cursor is not None)

    def _snapshot(self, items: dict[PostId, QueueItem], *, with_clusters: bool) -> QueueSnapshot:
        with self._lock:
            self._items.update(items)
        ordered = tuple(items.values())
        suggestions = {item.post_id: tuple(self._suggestions.suggest(item)) for item in ordered}
        clusters = {
            post_id: f"cluster-{n}"
            for n, members in enumerate(self._suggestions.cluster(ordered) if with_clusters else ())
            if len(members) > 1
            for post_id in members
        }
        mine = self._holdings.posts()
        elsewhere = frozenset(
            i.post_id for i in ordered if i.claimed_by and i.claimed_by != self.user.user_id and i.post_id not in mine
        )
        return QueueSnapshot(ordered, suggestions, clusters, elsewhere, self._lease, mine=mine)

    def context(self, post_id: PostId, author_id: str) -> PostContext:
        history = self._network(partial(self._client.author_history, AuthorId(author_id)))
        return PostContext(post_id, history.prior_decisions)

    def decide(self, decision: Decision, shown: Sequence[Suggestion]) -> Changes:
        """Audit, then journal, with no undo window: durable before this returns; the outbox delivers."""
        self._ensure_claimed(decision.post_id)
        self.decisions.record([decision])
        self._after_recorded([decision], shown)
        return Changes(queue=True, post_ids=frozenset({decision.post_id}), audit=True, outbox=True)

    def hold(self, hold_id: str, decisions: Sequence[Decision], shown: Sequence[Suggestion],
             review: SecondReview | None = None) -> Changes:
        """The undo window starts: the decisions (or a second review's verdict) are durable in the journal, so a
        crash inside the window is offered back at the next start (``held_after_crash``)."""
        if review is not None:
            first = decisions[0]
            self.decisions.hold_review(hold_id, HeldReview(review.post_id, first.kind, first.categories,
                                                           review.tasks))
        else:
            self.decisions.hold(hold_id, decisions)
            self._shown[hold_id] = shown
        return Changes()

    def cancel_hold(self, hold_id: str) -> Changes:
        """Undo inside the window: nothing was recorded or sent."""
        self._shown.pop(hold_id, None)
        self.decisions.cancel(hold_id)
        return Changes()

    def release(self, hold_id: str) -> Changes:
        """The window is over: claim if needed, record (audit, then journal), learn from the suggestions shown."""
        self._claim_held(hold_id)
        return self._settled(self.decisions.release(hold_id), self._shown.pop(hold_id, ()))

    def held_after_crash(self) -> Sequence[Held]:
        return self.decisions.held_after_crash()

    def resolve_held(self, hold_id: str, *, apply: bool) -> Changes:
        """The moderator's choice on a hold a crash left: send it (recorded as such) or discard it (audited)."""
        if not apply:
            self.decisions.discard_held(hold_id)
            return Changes(audit=True)
        self._claim_held(hold_id)
        return self._settled(self.decisions.apply_held(hold_id), ())

    def _claim_held(self, hold_id: str) -> None:
        held = self.decisions.held(hold_id)
        if held is not None and held.review is None:
            for post_id in held.post_ids:
                self._ensure_claimed(post_id)

    def _settled(self, held: Held | None, shown: Sequence[Suggestion]) -> Changes:
        if held is None:
            return Changes()
        if held.review is not None:
            return Changes(audit=True)
        self._after_recorded(held.decisions, shown)
        return Changes(queue=True, post_ids=frozenset(held.post_ids), audit=True, outbox=True)

    def _after_recorded(self, decisions: Sequence[Decision], shown: Sequence[Suggestion]) -> None:
        self._holdings.forget(d.post_id for d in decisions)
        for decision in decisions:
            item = self._items.get(decision.post_id)
            if item is not None:
                self._learn(item, decision, shown)
        with self._lock:
            self._decisions_today += len(decisions)

    def second_reviews(self) -> list[SecondReview]:
        """The requests addressed to this user in the (shared) audit log, each with its post fetched from the
        platform. Blind: the platform's answer carries the first decision and the first moderator's claim; both are
        dropped here, and only the post, its reports and fresh suggestions go to the screen."""
        by_post: dict[PostId, list[ReviewTask]] = {}
        for task in review_quality.pending_reviews(self._audit, self.user.user_id):
            if task.subject.startswith("post:"):
                by_post.setdefault(PostId(task.subject.removeprefix("post:")), []).append(task)
        reviews = []
        for post_id, tasks in list(by_post.items())[:SECOND_REVIEW_LIMIT]:
            try:
                detail = self._network(partial(self._client.post_detail, post_id))
            except NotFound:  # deleted on the platform: closed as such (recorded), not left pending for ever
                log.warning("second review of %s closed: the platform does not know the post", post_id)
                review_quality.close_for_missing_post(self._audit, tasks, self.user,
                                                      workstation=self._parts.workstation)
                continue
            item = replace(detail.item, claimed_by=None, lease_expires_at=None)
            requested = min(datetime.fromisoformat(t.requested_at) for t in tasks)
            reviews.append(SecondReview(tuple(tasks), item, tuple(self._suggestions.suggest(item)), requested))
        return reviews

    def record_second_review(self, review: SecondReview, kind: DecisionKind, categories: Sequence[str]) -> Changes:
        """One ``review_recorded`` event per request, attributed to this user and workstation. Nothing goes to the
        outbox or the platform, and the suggestion engine does not learn from it (it is a measurement)."""
        self.decisions.record_review(HeldReview(review.post_id, kind, tuple(CategoryId(c) for c in categories),
                                                review.tasks))
        return Changes(audit=True)

    def _learn(self, item: QueueItem, decision: Decision, shown: Sequence[Suggestion]) -> None:
        """Record how each suggestion fared (so precision is measurable per category) and retrain when due."""
        feedback = self._suggestions.record_decision(
            item, shown, decision.categories, kind=decision.kind.value, moderator=self.user.user_id,
            decided_at=decision.client_time,
        )
        if feedback:
            self._append(EventType.SUGGESTION_FEEDBACK, subject=f"post:{item.post_id}",
                         decision_kind=decision.kind.value,
                         payload={"outcomes": [f.to_payload() for f in feedback]})
        if self._suggestions.retrain_due() and not self._retraining.is_set():
            self._retraining.set()
            threading.Thread(target=self._retrain, name="modapp-retrain", daemon=True).start()

    def _retrain(self) -> None:
        try:
            self._suggestions.retrain()
        except Exception:  # a failed retrain keeps the current model; it must never disturb reviewing
            log.exception("background retrain failed")
        finally:
            self._retraining.clear()

    def media_content(self, media_id: str) -> bytes:
        """An image's bytes from the platform (network), for a referral's evidence."""
        return self._network(partial(self._parts.client.media_content, media_id))

    def referral_decision(self, referral_id: str, *, decision: str, evidence_digest: str,
                          created_by: str) -> ReferralCountersignature:
        """The platform's countersignature on this user's approval or rejection of a referral (network)."""
        return self._network(partial(self._parts.client.referral_decision, referral_id, decision=decision,
                                     evidence_digest=evidence_digest, created_by=created_by))

    def platform_signing_key(self) -> PlatformKey:
        """The platform's public key, pinned in the config folder on first use (network only then)."""
        from moderator_app.services.platform_key import pinned_platform_key

        return self._network(partial(pinned_platform_key, self._parts.client, paths.config_dir()))

    def reveal_media(self, post_id: PostId, media_id: str) -> None:
        self._append(EventType.MEDIA_REVEALED, subject=f"post:{post_id}", payload={"media_id": media_id})

    def renew_lease(self) -> Lease | None:
        if not self._holdings.leases():
            return None
        self._network(self._holdings.renew)
        self.changes.publish(Changes(status=True))
        return next(iter(self._holdings.leases()), None)

    def claim_post(self, post_id: PostId) -> Changes:
        """Hold one more post under a lease of its own (a post held by another moderator is refused: 423)."""
        claim = self._network(partial(self._client.claim, post_ids=[post_id]))
        self._holdings.add(claim.lease)
        with self._lock:
            self._items.update((i.post_id, i) for i in claim.items)
        self._append(EventType.CLAIM, subject=f"lease:{claim.lease.lease_id}",
                     payload={"post_ids": list(claim.lease.post_ids), "expires_at": _iso(claim.lease.expires_at),
                              "explicit": True})
        return Changes(queue=True, status=True, audit=True, post_ids=frozenset(claim.lease.post_ids))

    def release_posts(self, post_ids: Sequence[PostId] | None = None) -> Changes:
        """Give posts back to the queue for others (``None``: every post held); audited as ``claim_released``."""
        if post_ids is None:
            self._auto_claim = False
        released = self._network(partial(self._holdings.release, post_ids))
        if post_ids is None or not self._holdings.leases():
            self._lease = None
        if released:
            self._append(EventType.CLAIM_RELEASED, subject=f"posts:{len(released)}",
                         payload={"post_ids": list(released), "all": post_ids is None})
        return Changes(queue=True, status=True, audit=bool(released), post_ids=frozenset(released))

    def status(self) -> WorkstationStatus:
        state = self._outbox.state()
        notices = [n for n in (getattr(self._client.secrets, "notice", None), state.blocked) if n]
        return WorkstationStatus(
            connected=self._connected and state.last_error is None,
            outbox_pending=state.pending, outbox_failed=len(state.failed),
            lease_expires_at=self._holdings.expires_at(), claimed=len(self._holdings.posts()),
            decisions_today=self._decisions_today, audit_alarm=self._audit.alarm or self._audit_problem,
            notices=tuple(notices),
        )

    def outbox_failures(self) -> Sequence[OutboxFailure]:
        return [OutboxFailure(str(e.seq), e.decision.post_id, e.decision.kind.value, e.last_error or "")
                for e in self._outbox.state().failed]

    def retry_failed(self, entry_id: str) -> Changes:
        self._outbox.retry(int(entry_id))
        return Changes(outbox=True)

    def recent_decisions(self, limit: int = 50) -> Sequence[PlatformDecision]:
        newest: dict[PostId, PlatformDecision] = {}
        for entry in self.decisions.journal.delivered(self.decisions.account, limit * 2):
            ack = entry.platform_decision
            if ack is not None and ack.post_id not in newest and ack.decided_by == self.user.user_id:
                newest[ack.post_id] = ack
        return list(newest.values())[:limit]

    def revise(self, decision: Decision) -> Changes:
        if not decision.revises:
            raise UsageError("a revision names the decision it revises")
        self.decisions.record([decision])  # the one decision path; a decided post needs no claim
        return Changes(audit=True, outbox=True)

    def dismiss_failed(self, entry_id: str) -> Changes:
        self.decisions.dismiss_failed(int(entry_id))
        return Changes(outbox=True, audit=True)

    def check_audit(self) -> str | None:
        """Verify what was appended since the last verified checkpoint (cheap; run it periodically). The first
        problem found stays as the alarm until the log is repaired: a tampered log must not go quiet."""
        report = self._audit.verify(new_only=True)
        if not report.ok and report.first_problem is not None:
            self._audit_problem = f"Audit log check failed: {report.first_problem}"
        return self._audit_problem

    def record_settings_change(self, changed: Mapping[str, str]) -> None:
        self._append(EventType.SETTINGS_CHANGED, subject=f"workstation:{self._parts.workstation}",
                     payload={"changed": dict(changed)})

    def close(self) -> None:
        """Stop delivering (the journal keeps what is pending), release the lease, log out, sign a checkpoint."""
        self.decisions.stop_background()
        if self._holdings.leases():
            try:
                self._holdings.release(None)
            except PlatformError as exc:
                log.info("lease not released (it expires by itself): %s", exc)
        self._append(EventType.LOGOUT, subject=f"platform:{self._client.base_url}")
        self._audit.witness_now()  # the session's end, witnessed while the token still works
        try:
            self._client.logout()
        except PlatformError as exc:
            log.info("logout failed: %s", exc)
        self.decisions.close()
        self._audit.close()

    # --- internals -----------------------------------------------------------------------------------------
    @property
    def outbox(self) -> Outbox:
        return self._outbox

    @property
    def audit(self) -> AuditLogService:
        return self._audit

    def _ensure_claimed(self, post_id: PostId) -> None:
        """Moderators decide under a lease: claim a post picked from outside the batch before deciding it."""
        if self.user.is_lead or self._holdings.holds(post_id, datetime.now(UTC)):
            return
        claim = self._network(partial(self._client.claim, post_ids=[post_id]))
        self._holdings.add(claim.lease)
        self._append(EventType.CLAIM, subject=f"lease:{claim.lease.lease_id}",
                     payload={"post_ids": list(claim.lease.post_ids), "expires_at": _iso(claim.lease.expires_at)})

    def _network(self, call: Callable[[], T]) -> T:
        try:
            result = call()
        except PlatformUnavailable:
            self._set_connected(False)
            raise
        self._set_connected(True)
        return result

    def _set_connected(self, connected: bool) -> None:
        if connected != self._connected:
            self._connected = connected
            self.changes.publish(Changes(status=True))

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        return self.changes.subscribe(listener)

    def _append(self, event_type: EventType, *, subject: str | None = None, category: str | None = None,
                decision_kind: str | None = None, payload: Mapping[str, Any] | None = None) -> None:
        self._audit.append(AuditEvent.new(
            event_type, actor=self.user.user_id, workstation=self._parts.workstation,
            actor_role="lead" if self.user.is_lead else "moderator", subject=subject, category=category,
            decision_kind=decision_kind, payload=payload,
        ))

    def _count_decisions_today(self) -> int:
        midnight = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        wanted = EventFilter(since=_iso(midnight), actor=self.user.user_id, event_type=EventType.DECISION_RECORDED)
        return len(self._audit.events(wanted, limit=100_000))


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
