"""Domain records as frozen dataclasses. Ids are strings: platform ids reach 19 digits and must never be floats."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import NewType

PostId = NewType("PostId", str)
AuthorId = NewType("AuthorId", str)
UserId = NewType("UserId", str)
CategoryId = NewType("CategoryId", str)


class Role(enum.StrEnum):
    MODERATOR = "moderator"
    LEAD = "lead"


class FlagSource(enum.StrEnum):
    """Why an item is in the queue (Article 13: anyone may report; authorities may request review)."""

    USER_REPORT = "user_report"
    AUTOMATED = "automated"
    AUTHORITY_REQUEST = "authority_request"


class Severity(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


@dataclass(frozen=True, slots=True)
class User:
    user_id: UserId
    display_name: str
    roles: frozenset[Role]

    @property
    def is_lead(self) -> bool:
        return Role.LEAD in self.roles


@dataclass(frozen=True, slots=True)
class Author:
    """A post's author. ``real_name`` is personal data (Art. 7(4)): present only when the viewer's role allows."""

    author_id: AuthorId
    display_name: str
    real_name: str | None = None


@dataclass(frozen=True, slots=True)
class MediaRef:
    media_id: str
    kind: str
    description: str = ""
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    reporter_id: str
    reason: str
    text: str
    reported_at: datetime


@dataclass(frozen=True, slots=True)
class Post:
    post_id: PostId
    author: Author
    text: str
    published_at: datetime
    url: str = ""
    repost_count: int = 0
    media: tuple[MediaRef, ...] = ()


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One flagged post as the queue lists it."""

    post: Post
    reports: tuple[Report, ...]
    flagged_at: datetime
    source: FlagSource = FlagSource.USER_REPORT
    priority: int = 3
    claimed_by: UserId | None = None
    lease_expires_at: datetime | None = None

    @property
    def post_id(self) -> PostId:
        return self.post.post_id

    @property
    def report_reasons(self) -> tuple[str, ...]:
        return tuple(r.reason for r in self.reports)


@dataclass(frozen=True, slots=True)
class Lease:
    lease_id: str
    expires_at: datetime
    post_ids: tuple[PostId, ...]


@dataclass(frozen=True, slots=True)
class PriorDecision:
    """An earlier decision on one of an author's posts (author history)."""

    post_id: PostId
    kind: str
    categories: tuple[CategoryId, ...]
    decided_at: datetime


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a suggestion was made. ``span`` indexes the original (un-normalised) post text, end exclusive."""

    kind: str  # "lexicon" | "pattern" | "report" | "near_duplicate" | "model"
    detail: str
    contribution: float
    span: tuple[int, int] | None = None
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    category: CategoryId
    score: float
    evidence: tuple[Evidence, ...] = field(default=())


# --- Platform API records (issue 3): what the platform returns beyond single posts. ---


@dataclass(frozen=True, slots=True)
class AuthSession:
    """Who is logged in to the platform and until when. The token itself stays in the secret store."""

    user: User
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class QueuePage:
    items: tuple[QueueItem, ...]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class Claim:
    """A granted lease and the items it covers."""

    lease: Lease
    items: tuple[QueueItem, ...]


@dataclass(frozen=True, slots=True)
class AuthorHistory:
    author: Author
    post_count: int
    prior_decisions: tuple[PriorDecision, ...]


@dataclass(frozen=True, slots=True)
class WitnessReceipt:
    """The platform's signed acknowledgement of an audit chain head (an external witness). ``signed()`` is what
    the platform key signed; ``signature`` is base64 Ed25519 (``moderator_app.platform_signature``)."""

    log_id: str
    seq: int
    chain_hash: str
    witnessed_at: str  # kept as the platform wrote it: the exact string is signed
    key_id: str
    signature: str

    def signed(self) -> dict[str, object]:
        return {"purpose": "audit-witness-receipt", "log_id": self.log_id, "seq": self.seq,
                "chain_hash": self.chain_hash, "witnessed_at": self.witnessed_at, "key_id": self.key_id}


@dataclass(frozen=True, slots=True)
class ReferralCountersignature:
    """The platform's signature on a lead's approval or rejection of a police referral (four eyes, countersigned).
    ``signed`` holds exactly the fields the platform key signed (purpose, referral_id, decision, evidence_digest,
    approver, created_by, decided_at, key_id); ``signature`` is base64 Ed25519 over their RFC 8785 JSON."""

    signed: dict[str, str]
    signature: str


@dataclass(frozen=True, slots=True)
class PlatformKey:
    """The platform's published Ed25519 public key (raw 32 bytes) and its id."""

    key_id: str
    public_key: bytes
