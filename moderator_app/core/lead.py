"""What the team-lead console shows: an event's chain status, the dashboard's figures, review agreement.

Plain data, Qt-free and storage-free; computed by the audit package, composed in services/lead_console.py."""

from __future__ import annotations

from dataclasses import dataclass, field

Counts = tuple[tuple[str, int], ...]  # (label, count), in display order


@dataclass(frozen=True, slots=True)
class EventStatus:
    """One event checked on its own: its hashes, its link to the previous event, its writer signature, and the
    signed checkpoint (if any) that covers it."""

    seq: int
    leaf_ok: bool
    link_ok: bool
    signature_ok: bool
    checkpoint_seq: int | None

    @property
    def ok(self) -> bool:
        return self.leaf_ok and self.link_ok and self.signature_ok


@dataclass(frozen=True, slots=True)
class Acceptance:
    category: str
    accepted: int
    shown: int  # accepted + overridden

    @property
    def rate(self) -> float:
        return self.accepted / self.shown if self.shown else 0.0


@dataclass(frozen=True, slots=True)
class Dashboard:
    since: str
    until: str
    decisions: int = 0
    per_hour_of_day: Counts = ()
    per_day: Counts = ()
    by_category: Counts = ()
    by_moderator: Counts = ()
    sla_breaches_per_day: Counts = ()
    outbox_failures_per_day: Counts = ()
    acceptance: tuple[Acceptance, ...] = ()
    sla_minutes: int = 15

    @property
    def sla_breaches(self) -> int:
        return sum(count for _day, count in self.sla_breaches_per_day)

    @property
    def outbox_failures(self) -> int:
        return sum(count for _day, count in self.outbox_failures_per_day)


@dataclass(frozen=True, slots=True)
class ReviewTask:
    """A decision re-queued blind: the reviewer sees the post, not the first decision."""

    request_event_id: str
    subject: str
    reviewer: str
    requested_at: str


@dataclass(frozen=True, slots=True)
class Disagreement:
    subject: str
    moderator: str
    decision: str  # "remove 10.7"
    reviewer: str
    review: str
    decision_seq: int
    review_seq: int
    review_event_id: str = ""
    decision_event_id: str = ""
    third_reviewer: str = ""  # a third review the lead requested ("" none)
    third_review: str = ""  # its verdict, once recorded


@dataclass(frozen=True, slots=True)
class Agreement:
    label: str  # a moderator or a category
    agreed: int
    reviewed: int

    @property
    def rate(self) -> float:
        return self.agreed / self.reviewed if self.reviewed else 0.0


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    requested: int = 0
    reviewed: int = 0
    by_moderator: tuple[Agreement, ...] = ()
    by_category: tuple[Agreement, ...] = ()
    disagreements: tuple[Disagreement, ...] = field(default_factory=tuple)
