"""An in-memory ReviewService for unit tests of the review screen (the real one is tested end to end)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from moderator_app import paths
from moderator_app.core.changes import Changes
from moderator_app.core.decisions import Decision, DecisionKind, PlatformDecision
from moderator_app.core.models import (
    CategoryId,
    Evidence,
    Lease,
    PostId,
    PriorDecision,
    Role,
    Suggestion,
    User,
    UserId,
)
from moderator_app.core.policy import PolicyPack
from moderator_app.policy import load_pack_by_id
from moderator_app.services.decisions import Held
from moderator_app.services.review import (
    OutboxFailure,
    PostContext,
    QueueSnapshot,
    SecondReview,
    WorkstationStatus,
)
from tests.factories import BASE, queue_item


@dataclass
class FakeReviewService:
    lead: bool = False
    items: int = 6
    context_gate: threading.Event | None = None
    decided: list[Decision] = field(default_factory=list)
    revealed: list[tuple[str, str]] = field(default_factory=list)
    settings_changes: list[dict[str, str]] = field(default_factory=list)
    audit_checks: int = 0
    audit_problem: str | None = None
    failures: list[OutboxFailure] = field(default_factory=lambda: [
        OutboxFailure("e1", PostId("1"), "remove", "409: already decided by mod2")])
    revisions: list[Decision] = field(default_factory=list)  # what the recent-decisions dialog sent
    claimed: list[PostId] = field(default_factory=list)  # posts claimed with Ctrl+K
    claim_refusals: dict[PostId, str] = field(default_factory=dict)  # the platform's refusal of a Ctrl+K
    dismissed: list[str] = field(default_factory=list)  # outbox entries set aside
    listeners: list[Callable[[Changes], None]] = field(default_factory=list)  # ReviewService.subscribe's
    status_calls: int = 0
    media: dict[str, bytes] = field(default_factory=dict)  # image bytes by media id
    reviews: list[SecondReview] = field(default_factory=list)  # blind second reviews addressed to this user
    verdicts: list[tuple[SecondReview, DecisionKind, tuple[str, ...]]] = field(default_factory=list)
    holds: dict[str, tuple[list[Decision], Sequence[Suggestion], SecondReview | None]] = field(default_factory=dict)
    left_by_a_crash: list[Held] = field(default_factory=list)  # what held_after_crash offers
    resolved: list[tuple[str, bool]] = field(default_factory=list)  # (hold id, applied)

    def __post_init__(self) -> None:
        self._pack = load_pack_by_id("beijing-2011", paths.policy_dirs())
        roles = frozenset({Role.LEAD} if self.lead else {Role.MODERATOR})
        self._user = User(UserId("lead1" if self.lead else "mod1"), "测试", roles)
        self.queue = [queue_item(n, f"帖子{n} 百家乐" if n % 2 else f"帖子{n}", reasons=("gambling",),
                                 flagged_minutes_ago=10 * n, real_name="张三") for n in range(1, self.items + 1)]

    @property
    def user(self) -> User:
        return self._user

    @property
    def pack(self) -> PolicyPack:
        return self._pack

    def load_queue(self) -> QueueSnapshot:
        suggestions = {}
        for item in self.queue:
            text = item.post.text
            if "百家乐" in text:
                start = text.index("百家乐")
                evidence = (Evidence("lexicon", "百家乐", 0.6, span=(start, start + 3)),)
                suggestions[item.post_id] = (Suggestion(CategoryId("10.7"), 0.9, evidence),)
        clusters = {self.queue[0].post_id: "c", self.queue[1].post_id: "c"}
        return QueueSnapshot(tuple(self.queue), suggestions, clusters=clusters)

    def load_full_queue(self) -> QueueSnapshot:
        return self.load_queue()

    def context(self, post_id: PostId, author_id: str) -> PostContext:
        if self.context_gate is not None:
            self.context_gate.wait(5)
        history = [PriorDecision(PostId("1"), "remove", (CategoryId("10.7"),), BASE)]
        if any(r.post_id == post_id for r in self.reviews):  # as a platform does: the post's own first decision
            history.append(PriorDecision(post_id, "restrict_author", (CategoryId("10.3"),), BASE))
        return PostContext(post_id, tuple(history))

    def decide(self, decision: Decision, shown: Sequence[Suggestion]) -> Changes:
        self.decided.append(decision)
        return Changes(queue=True, post_ids=frozenset({decision.post_id}), audit=True, outbox=True)

    def hold(self, hold_id: str, decisions: Sequence[Decision], shown: Sequence[Suggestion],
             review: SecondReview | None = None) -> Changes:
        self.holds[hold_id] = (list(decisions), shown, review)
        return Changes()

    def cancel_hold(self, hold_id: str) -> Changes:
        del self.holds[hold_id]
        return Changes()

    def release(self, hold_id: str) -> Changes:
        decisions, shown, review = self.holds.pop(hold_id)
        if review is not None:
            return self.record_second_review(review, decisions[0].kind, decisions[0].categories)
        changes = Changes()
        for decision in decisions:
            changes = changes | self.decide(decision, shown)
        return changes

    def held_after_crash(self) -> Sequence[Held]:
        return list(self.left_by_a_crash)

    def resolve_held(self, hold_id: str, *, apply: bool) -> Changes:
        self.resolved.append((hold_id, apply))
        self.left_by_a_crash = [h for h in self.left_by_a_crash if h.hold_id != hold_id]
        return Changes(audit=True)

    def second_reviews(self) -> Sequence[SecondReview]:
        done = {v[0].post_id for v in self.verdicts}
        return [r for r in self.reviews if r.post_id not in done]

    def record_second_review(self, review: SecondReview, kind: DecisionKind, categories: Sequence[str]) -> Changes:
        self.verdicts.append((review, kind, tuple(categories)))
        return Changes(audit=True)

    def reveal_media(self, post_id: PostId, media_id: str) -> None:
        self.revealed.append((post_id, media_id))

    def media_content(self, media_id: str) -> bytes:
        return self.media.get(media_id, b"")

    def renew_lease(self) -> Lease | None:
        return None

    def status(self) -> WorkstationStatus:
        self.status_calls += 1
        return WorkstationStatus(True, 0, len(self.failures), None, len(self.decided), audit_alarm=self.audit_problem)

    def outbox_failures(self) -> Sequence[OutboxFailure]:
        return list(self.failures)

    def retry_failed(self, entry_id: str) -> Changes:
        self.failures = [f for f in self.failures if f.entry_id != entry_id]
        return Changes(outbox=True)

    def claim_post(self, post_id: PostId) -> Changes:
        if post_id in self.claim_refusals:
            from moderator_app.core.errors import LeaseError

            raise LeaseError(self.claim_refusals[post_id], status=423)
        self.claimed.append(post_id)
        return Changes(queue=True, status=True, audit=True, post_ids=frozenset({post_id}))

    def release_posts(self, post_ids: Sequence[PostId] | None = None) -> Changes:
        released = frozenset(self.claimed if post_ids is None else post_ids)
        self.claimed = [p for p in self.claimed if p not in released]
        return Changes(queue=True, status=True, audit=True, post_ids=released)

    def recent_decisions(self, limit: int = 50) -> Sequence[PlatformDecision]:
        return [PlatformDecision("D1", 1, PostId("3"), DecisionKind.REMOVE, (CategoryId("10.7"),), "",
                                 self.user.user_id, BASE, client_time=BASE)][:limit]

    def revise(self, decision: Decision) -> Changes:
        self.revisions.append(decision)
        return Changes(audit=True, outbox=True)

    def dismiss_failed(self, entry_id: str) -> Changes:
        self.dismissed.append(entry_id)
        self.failures = [f for f in self.failures if f.entry_id != entry_id]
        return Changes(outbox=True, audit=True)

    def record_settings_change(self, changed: Mapping[str, str]) -> None:
        self.settings_changes.append(dict(changed))

    def check_audit(self) -> str | None:
        self.audit_checks += 1
        return self.audit_problem

    def close(self) -> None:
        pass

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        self.listeners.append(listener)
        return lambda: self.listeners.remove(listener)

    def announce(self, changes: Changes) -> None:
        """What the real session does when its outbox delivers or parks a decision (on the outbox's thread)."""
        for listener in list(self.listeners):
            listener(changes)
