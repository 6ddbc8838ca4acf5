"""What the review screen needs from the rest of the workstation, as one blocking, Qt-free interface.

The GUI runs these calls on its task runner (never on the GUI thread). ``services.workstation`` provides the real
implementation over the platform client, the audit log, the outbox and the suggestion engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from moderator_app.core.changes import Changes
from moderator_app.core.decisions import Decision, DecisionKind, PlatformDecision
from moderator_app.core.lead import ReviewTask
from moderator_app.core.models import Lease, PostId, PriorDecision, QueueItem, Suggestion, User
from moderator_app.core.policy import PolicyPack
from moderator_app.services.decisions import Held


@dataclass(frozen=True, slots=True)
class QueueSnapshot:
    items: tuple[QueueItem, ...]
    suggestions: Mapping[PostId, tuple[Suggestion, ...]]
    clusters: Mapping[PostId, str] = field(default_factory=dict)
    claimed_elsewhere: frozenset[PostId] = frozenset()
    lease: Lease | None = None
    more_on_platform: bool = False  # the listing stopped at the workstation's limit; the platform holds more
    mine: frozenset[PostId] = frozenset()  # the posts this workstation holds (claimed at login or with Ctrl+K)


@dataclass(frozen=True, slots=True)
class SecondReview:
    """A decision a lead re-queued blind to this moderator: the post as it was flagged, with fresh suggestions, and
    never the first decision or who made it. ``tasks`` are the review requests for this post (usually one)."""

    tasks: tuple[ReviewTask, ...]
    item: QueueItem
    suggestions: tuple[Suggestion, ...] = ()
    requested_at: datetime | None = None  # the earliest request: a second review's SLA runs from here

    @property
    def post_id(self) -> PostId:
        return self.item.post_id


@dataclass(frozen=True, slots=True)
class PostContext:
    post_id: PostId
    history: tuple[PriorDecision, ...]


@dataclass(frozen=True, slots=True)
class OutboxFailure:
    entry_id: str
    post_id: PostId
    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class WorkstationStatus:
    connected: bool
    outbox_pending: int
    outbox_failed: int
    lease_expires_at: datetime | None
    decisions_today: int
    audit_alarm: str | None = None
    notices: tuple[str, ...] = ()  # e.g. "keyring unavailable: token kept in memory only"
    claimed: int = 0  # posts held under our leases


class ReviewService(Protocol):
    @property
    def user(self) -> User: ...

    @property
    def pack(self) -> PolicyPack: ...

    def load_queue(self) -> QueueSnapshot: ...

    def load_full_queue(self) -> QueueSnapshot: ...

    def context(self, post_id: PostId, author_id: str) -> PostContext: ...

    def decide(self, decision: Decision, shown: Sequence[Suggestion]) -> Changes: ...

    def hold(self, hold_id: str, decisions: Sequence[Decision], shown: Sequence[Suggestion],
             review: SecondReview | None = None) -> Changes:
        """The undo window starts: durable in the journal (a crash inside it is offered back), not yet recorded."""
        ...

    def cancel_hold(self, hold_id: str) -> Changes:
        """Undo inside the window: nothing is recorded or sent."""
        ...

    def release(self, hold_id: str) -> Changes:
        """The window is over: record (audit, then journal for the outbox), or a second review's verdict."""
        ...

    def held_after_crash(self) -> Sequence[Held]:
        """Decisions held in the undo window when an earlier run of the workstation stopped."""
        ...

    def resolve_held(self, hold_id: str, *, apply: bool) -> Changes:
        """The moderator's choice on such a hold: send it, or discard it; recorded in the audit log either way."""
        ...

    def second_reviews(self) -> Sequence[SecondReview]:
        """The blind second reviews addressed to this user, oldest first (issue 8's review quality)."""
        ...

    def record_second_review(self, review: SecondReview, kind: DecisionKind, categories: Sequence[str]) -> Changes:
        """The independent verdict, into the audit log only (``review_recorded``): never sent to the platform."""
        ...

    def reveal_media(self, post_id: PostId, media_id: str) -> None: ...

    def media_content(self, media_id: str) -> bytes:
        """An image's bytes from the platform (shown once the moderator reveals it)."""
        ...

    def renew_lease(self) -> Lease | None: ...

    def claim_post(self, post_id: PostId) -> Changes:
        """Hold this post under a lease of our own (audited ``claim``); refused when another moderator holds it."""
        ...

    def release_posts(self, post_ids: Sequence[PostId] | None = None) -> Changes:
        """Give posts back to the queue (``None``: all we hold, and no new batch is claimed); ``claim_released``."""
        ...

    def status(self) -> WorkstationStatus: ...

    def outbox_failures(self) -> Sequence[OutboxFailure]: ...

    def retry_failed(self, entry_id: str) -> Changes: ...

    def recent_decisions(self, limit: int = 50) -> Sequence[PlatformDecision]:
        """My latest decisions as the platform acknowledged them, newest first, one per post (its current one)."""
        ...

    def revise(self, decision: Decision) -> Changes:
        """A new decision superseding ``decision.revises``: audited (``decision_recorded`` with ``revises``),
        journalled and delivered like any other (no undo window; the earlier decision stays on record)."""
        ...

    def dismiss_failed(self, entry_id: str) -> Changes:
        """Set a refused decision aside: audited (``decision_discarded``), kept in the journal, no longer counted."""
        ...

    def record_settings_change(self, changed: Mapping[str, str]) -> None: ...

    def check_audit(self) -> str | None: ...

    def close(self) -> None: ...

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Call ``listener(changes)`` (on any thread) whenever the outbox or the connection changes by itself;
        returns the function that stops it. Views refresh on it instead of polling."""
        ...
