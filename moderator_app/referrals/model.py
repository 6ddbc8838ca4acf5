"""Police referrals (Article 7(8)) as data: what a person asks for, and a referral's state folded from its events.

A referral has no mutable row anywhere: its state is the fold of its audit events (subject ``referral:<id>``), so
every transition is in the hash chain by construction. The draft is the unsaved dialog; ``referral_created``
puts a referral straight into *pending approval*.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from moderator_app.core.errors import UsageError


class ReferralRefused(UsageError):
    """A transition the four-eyes rules do not allow, or a missing field; the message says which."""


class ReferralState(enum.StrEnum):
    PENDING_APPROVAL = "pending_approval"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUBMITTED = "submitted"
    CLOSED = "closed"


class ContentHandling(enum.StrEnum):
    """What happens to the post meanwhile: removed, or kept visible because the police may want to watch it."""

    REMOVE = "remove"
    KEEP_VISIBLE = "keep_visible"


# Quick picks for the legal-basis field; free text is always allowed besides these.
LEGAL_BASIS_PICKS: tuple[tuple[str, str], ...] = (
    ("《北京市微博客发展管理若干规定》第七条（八）", "Beijing microblog provisions Art. 7(8)"),
    ("《治安管理处罚法》第二十五条（散布谣言，谎报警情）", "Public Security Administration Punishments Law Art. 25"),
    ("《治安管理处罚法》第四十二条（威胁人身安全）", "Public Security Administration Punishments Law Art. 42"),
    ("《治安管理处罚法》第六十八条（传播淫秽信息）", "Public Security Administration Punishments Law Art. 68"),
    ("《刑法》第二百四十六条（侮辱罪、诽谤罪）", "Criminal Law Art. 246 (insult, defamation)"),
    ("《刑法》第二百六十六条（诈骗罪）", "Criminal Law Art. 266 (fraud)"),
    ("《刑法》第二百九十一条之一（编造、故意传播虚假信息罪）", "Criminal Law Art. 291-1 (false information)"),
    ("《刑法》第三百零三条（赌博罪、开设赌场罪）", "Criminal Law Art. 303 (gambling)"),
    ("《刑法》第三百六十四条（传播淫秽物品罪）", "Criminal Law Art. 364 (obscene materials)"),
)


@dataclass(frozen=True, slots=True)
class ReferralRequest:
    """What the referral dialog collects. ``threat_to_life`` makes a referral urgent whatever ``urgent`` says."""

    categories: tuple[str, ...]
    legal_basis: tuple[str, ...]
    suspicion: str
    content_handling: ContentHandling
    threat_to_life: bool = False
    urgent: bool = False

    @property
    def is_urgent(self) -> bool:
        return self.urgent or self.threat_to_life


@dataclass(frozen=True, slots=True)
class Submission:
    """The hand-over to the public security organ (公安机关)."""

    receiving_unit: str
    receipt_number: str
    submitted_on: str  # ISO date, YYYY-MM-DD
    submitted_by: str


@dataclass(frozen=True, slots=True)
class ReferralEvent:
    """One audit event of a referral, as the fold needs it (the service reads these back from the log)."""

    seq: int
    event_type: str
    actor: str
    actor_role: str
    occurred_at: str
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Transition:
    """One step in a referral's history, for display and the PDF."""

    seq: int
    event_type: str
    actor: str
    actor_role: str
    occurred_at: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Referral:
    referral_id: str
    post_id: str
    state: ReferralState
    created_by: str
    created_at: str
    request: ReferralRequest
    evidence: dict[str, Any]
    history: tuple[Transition, ...]
    rejection_reason: str | None = None
    approved_by: str | None = None
    submission: Submission | None = None
    outcome: str | None = None
    # The platform's signature on the approval or rejection ({"signed": {...}, "signature": ...}), once valid.
    countersignature: dict[str, Any] | None = None
    # Events in the log that break the rules (written by something other than this workstation): shown, not applied.
    anomalies: tuple[str, ...] = field(default=())

    @property
    def subject(self) -> str:
        return subject_of(self.referral_id)

    @property
    def urgent(self) -> bool:
        return self.request.is_urgent

    @property
    def is_open(self) -> bool:
        return self.state not in (ReferralState.REJECTED, ReferralState.CLOSED)


def subject_of(referral_id: str) -> str:
    return f"referral:{referral_id}"
