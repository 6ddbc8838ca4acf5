"""The audit event model, Qt-free and storage-free: what is recorded, and what verification reports.

An event's hashed form (its *envelope*) is built from these fields by the audit package; payload values must be
JSON without floats (ids as strings), so the canonical bytes never depend on number formatting.
"""

from __future__ import annotations

import enum
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

ENVELOPE_VERSION = 1


class EventType(enum.StrEnum):
    LOGIN = "login"
    LOGOUT = "logout"
    CLAIM = "claim"
    DECISION_RECORDED = "decision_recorded"
    DECISION_DELIVERED = "decision_delivered"
    DECISION_FAILED = "decision_failed"
    REFERRAL_CREATED = "referral_created"
    REFERRAL_APPROVED = "referral_approved"
    REFERRAL_REJECTED = "referral_rejected"
    REFERRAL_SUBMITTED = "referral_submitted"
    REFERRAL_CLOSED = "referral_closed"
    EXPORT_MADE = "export_made"
    SETTINGS_CHANGED = "settings_changed"
    MEDIA_REVEALED = "media_revealed"
    CHECKPOINT = "checkpoint"
    SUGGESTION_FEEDBACK = "suggestion_feedback"
    REVIEW_REQUESTED = "review_requested"  # a decision re-queued blind to a second moderator (review quality)
    REVIEW_RECORDED = "review_recorded"  # the second moderator's independent decision
    DECISION_DISCARDED = "decision_discarded"  # held in the undo window at a crash; the moderator chose not to send it
    REVIEW_CLOSED = "review_closed"  # a review request closed unreviewed (the platform no longer knows the post)
    REVIEW_SETTLED = "review_settled"  # the lead settled a disagreement between a decision and its review
    CLAIM_RELEASED = "claim_released"  # posts given back to the queue by the moderator (the platform's DELETE claim)


def utc_timestamp(moment: datetime | None = None) -> str:
    """RFC 3339 UTC with fixed microsecond precision, so equal instants give equal bytes."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One thing that happened. ``event_id`` makes a retried append idempotent."""

    event_type: EventType
    actor: str
    workstation: str
    occurred_at: str
    event_id: str
    actor_role: str = "moderator"
    subject: str | None = None  # e.g. "post:4711", "referral:R-12"
    category: str | None = None  # a policy category id such as "10.7"
    decision_kind: str | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def new(
        cls,
        event_type: EventType,
        *,
        actor: str,
        workstation: str,
        actor_role: str = "moderator",
        subject: str | None = None,
        category: str | None = None,
        decision_kind: str | None = None,
        payload: Mapping[str, Any] | None = None,
        occurred_at: datetime | None = None,
    ) -> AuditEvent:
        return cls(
            event_type=EventType(event_type), actor=actor, workstation=workstation,
            occurred_at=utc_timestamp(occurred_at), event_id=str(uuid.uuid4()), actor_role=actor_role,
            subject=subject, category=category, decision_kind=decision_kind, payload=dict(payload or {}),
        )

    def header(self) -> dict[str, Any]:
        """The filterable fields, as they go into the envelope (absent values are omitted, never null)."""
        hdr: dict[str, Any] = {
            "type": self.event_type.value, "occurred_at": self.occurred_at,
            "actor": {"id": self.actor, "role": self.actor_role}, "workstation": self.workstation,
        }
        optional = {"subject": self.subject, "category": self.category, "decision_kind": self.decision_kind}
        hdr.update({key: value for key, value in optional.items() if value is not None})
        return hdr


@dataclass(frozen=True, slots=True)
class AppendReceipt:
    """Where an event landed. ``seq`` is None while the event waits in the local spool."""

    event_id: str
    seq: int | None
    chain_hash: str | None = None
    spooled: bool = False


class ProblemKind(enum.StrEnum):
    ALTERED = "altered"
    MISSING = "missing"
    REORDERED = "reordered"
    FORGED = "forged"
    TRUNCATED = "truncated"
    ROLLBACK = "rollback"
    CHECKPOINT = "checkpoint"
    PROTECTION = "protection"
    FORK = "fork"  # the platform witnessed another history at this seq, and this one later
    AHEAD = "ahead"  # a signed checkpoint names a seq the log has not reached: a lost tail or a bogus checkpoint
    DISAGREES = "disagrees"  # a signed checkpoint the log has passed disagrees with it, and later ones agree


@dataclass(frozen=True, slots=True)
class Problem:
    kind: ProblemKind
    seq: int | None
    detail: str

    def __str__(self) -> str:
        where = f"seq {self.seq}: " if self.seq is not None else ""
        return f"{where}{self.kind.value}: {self.detail}"


@dataclass(frozen=True, slots=True)
class WitnessAnchor:
    """How much of the log the platform witnessed: the prefix up to ``witnessed_seq`` is anchored outside
    everyone's reach; the ``unanchored`` events after it could still vanish without a trace."""

    witnessed_seq: int  # 0: nothing witnessed
    witnessed_at: str | None
    receipts: int
    unanchored: int
    first_unanchored_at: str | None = None
    last_unanchored_at: str | None = None

    def describe(self) -> str:
        if self.witnessed_seq:
            said = (f"events 1–{self.witnessed_seq:,} witnessed by the platform at {self.witnessed_at} "
                    f"({self.receipts:,} receipts checked)")
        else:
            said = f"no event witnessed by the platform ({self.receipts:,} receipts)"
        if not self.unanchored:
            return said + "; no event after the last receipt"
        span = (f"written {self.first_unanchored_at}" if self.first_unanchored_at == self.last_unanchored_at
                else f"written {self.first_unanchored_at} to {self.last_unanchored_at}")
        return f"{said}; {self.unanchored:,} event(s) after the last receipt, {span}"


@dataclass(frozen=True, slots=True)
class VerifyReport:
    events_checked: int
    head_seq: int
    checkpoints_checked: int
    signatures_checked: int
    problems: tuple[Problem, ...] = ()
    cancelled: bool = False
    anchor: WitnessAnchor | None = None  # None: no witness was consulted, only internal consistency was checked
    notes: tuple[str, ...] = ()  # findings that are not failures (a checkpoint ahead that the witness refutes)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled

    @property
    def first_problem(self) -> Problem | None:
        located = [p for p in self.problems if p.seq is not None]
        if located:
            return min(located, key=lambda p: p.seq or 0)
        return self.problems[0] if self.problems else None


@dataclass(frozen=True, slots=True)
class SpoolStatus:
    """What waits locally because the team database could not be reached."""

    pending: int
    oldest_occurred_at: str | None = None
    last_error: str | None = None
    last_flush_at: str | None = None

    @property
    def empty(self) -> bool:
        return self.pending == 0


class CancelToken:
    """Set from any thread to stop a long verification at the next batch."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


# (events verified so far, events in the log)
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed statement "the log had ``seq`` events and this chain head": C2SP-style note text + Ed25519."""

    log_id: str
    seq: int
    chain_hash: str  # hex
    created_at: str
    reason: str  # "interval" | "export" | "shutdown" | "manual"
    key_id: str
    note: str
    signature: str  # base64 Ed25519 over the note's UTF-8 bytes
    witness_receipt: str | None = None


# Sends a checkpoint to an outside witness (the platform's POST /v1/audit-witness) and returns its receipt.
Witness = Callable[[Checkpoint], str | None]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a viewer or an export wants; None means any. Times are RFC 3339 UTC strings, ``until`` exclusive."""

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    event_type: EventType | None = None
    category: str | None = None
    decision_kind: str | None = None
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class RecordedEvent:
    """An event as stored: its place in the chain and the exact canonical bytes that were hashed and signed."""

    seq: int
    event_id: str
    occurred_at: str
    actor: str
    event_type: str
    category: str | None
    subject: str | None
    decision_kind: str | None
    envelope: bytes
    chain_hash: str  # hex
    writer_key_id: str
