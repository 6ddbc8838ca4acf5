"""The wire format as pydantic models: they validate requests and generate resources/platform-api.yaml."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from moderator_app.core.decisions import DecisionKind
from moderator_app.core.models import FlagSource, Role

Id = Annotated[str, StringConstraints(min_length=1, max_length=64)]
CategoryCode = Annotated[str, StringConstraints(pattern=r"^\d{1,3}(\.\d{1,3}){0,2}$")]
Timestamp = Annotated[str, Field(description="UTC time, RFC 3339", examples=["2026-11-30T08:00:00Z"])]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginIn(Strict):
    username: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=1000)]


class UserOut(BaseModel):
    id: str
    display_name: str
    roles: list[Role]


class LoginOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: Timestamp
    user: UserOut


class AuthorOut(BaseModel):
    author_id: str = Field(description="Pseudonymous, stable id")
    display_name: str
    real_name: str | None = Field(description="Personal data: only for the lead role, null otherwise")


class MediaOut(BaseModel):
    media_id: str
    kind: str = Field(description="image | video | link")
    description: str
    url: str | None


class ReportOut(BaseModel):
    reporter_id: str = Field(description="Pseudonym of the reporting user")
    reason: str = Field(description="Reason code, e.g. gambling, rumour, insult_defamation, spam, other")
    text: str
    reported_at: Timestamp


class PostOut(BaseModel):
    post_id: str = Field(description="Decimal string; ids reach 19 digits and are never numbers")
    author: AuthorOut
    text: str
    published_at: Timestamp
    url: str
    repost_count: int
    media: list[MediaOut]


class QueueItemOut(BaseModel):
    post: PostOut
    reports: list[ReportOut]
    flagged_at: Timestamp
    source: FlagSource
    priority: int = Field(ge=1, le=5, description="1 is the most urgent")
    category_hint: str | None = Field(description="The platform's guess of the Article 10 item, if any")
    claimed_by: str | None
    lease_expires_at: Timestamp | None


class QueuePageOut(BaseModel):
    items: list[QueueItemOut]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page")


class ClaimIn(Strict):
    count: int | None = Field(default=None, ge=1, le=100)
    post_ids: list[Id] | None = Field(default=None, min_length=1, max_length=100)


class LeaseOut(BaseModel):
    lease_id: str
    expires_at: Timestamp
    post_ids: list[str]


class ClaimOut(LeaseOut):
    items: list[QueueItemOut]


class WitnessIn(Strict):
    log_id: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    seq: int = Field(ge=1)
    chain_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class DecisionIn(Strict):
    kind: DecisionKind
    categories: list[CategoryCode] = Field(default_factory=list, max_length=20)
    note: str = Field(default="", max_length=4000)
    restriction_days: int | None = Field(default=None, ge=1, le=3650)
    refutation: str | None = Field(default=None, max_length=4000)
    client_time: AwareDatetime
    audit_position: WitnessIn | None = Field(
        default=None, description="The workstation's audit log head (as POST /v1/audit-witness takes it): the "
        "acknowledgement then carries the witness receipt for it. Not part of the decision: a replay is judged "
        "without it, and a refused position never refuses the decision")
    revises: str | None = Field(default=None, max_length=64, description=(
        "A revision: the decision_id of the post's current decision, which this one supersedes (same moderator "
        "or a lead); the earlier decision is kept, marked superseded"))


class DecisionOut(BaseModel):
    decision_id: str
    seq: int = Field(description="Platform-wide order of applied decisions; use with GET /v1/decisions?since=")
    post_id: str
    kind: DecisionKind
    categories: list[str]
    note: str
    restriction_days: int | None
    refutation: str | None
    client_time: Timestamp
    decided_at: Timestamp
    decided_by: str
    revises: str | None = Field(default=None, description="The decision this one superseded (a revision)")


class PostDetailOut(QueueItemOut):
    decision: DecisionOut | None


class DecisionPageOut(BaseModel):
    items: list[DecisionOut]
    next_since: int = Field(description="The seq of the last item; ask again with ?since= this value")


class PriorDecisionOut(BaseModel):
    post_id: str
    kind: str
    categories: list[str]
    decided_at: Timestamp


class AuthorHistoryOut(BaseModel):
    author: AuthorOut
    post_count: int
    prior_decisions: list[PriorDecisionOut]


class PlatformKeyOut(BaseModel):
    key_id: str = Field(description="First 16 hex digits of SHA-256 of the raw public key")
    algorithm: Literal["ed25519"]
    public_key: str = Field(description="The raw 32-byte Ed25519 public key, base64")


class WitnessReceiptOut(BaseModel):
    purpose: Literal["audit-witness-receipt"]
    log_id: str
    seq: int
    chain_hash: str
    witnessed_at: Timestamp
    key_id: str
    signature: str = Field(description="Ed25519 by the platform key over the RFC 8785 JSON of the other fields")


class WitnessProblemOut(BaseModel):
    type: str = Field(description="…/problems/witness-fork (another chain hash at a witnessed seq: the log has "
                      "forked) or …/problems/witness-stale (a later seq of this log is already witnessed)")
    title: str
    status: int
    detail: str
    witnessed: WitnessReceiptOut | None = None


class DecisionAckOut(DecisionOut):
    witness_receipt: WitnessReceiptOut | None = Field(
        default=None, description="The platform's receipt for the request's audit_position, as POST "
        "/v1/audit-witness returns it; absent when no position was sent or it was refused")
    witness_problem: WitnessProblemOut | None = Field(
        default=None, description="Why the audit_position got no receipt: the problem POST /v1/audit-witness "
        "would have answered 409 with. The decision is applied all the same")


class WitnessReceiptPageOut(BaseModel):
    log_id: str
    items: list[WitnessReceiptOut]
    next_since: int


class ReferralDecisionIn(Strict):
    decision: Literal["approved", "rejected"]
    evidence_digest: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="SHA-256 (hex) of the RFC 8785 JSON of the referral's evidence snapshot")
    created_by: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        description="Who created the referral; the approver must be someone else (four eyes)")


class ReferralDecisionOut(BaseModel):
    purpose: Literal["referral-decision"]
    referral_id: str
    decision: Literal["approved", "rejected"]
    evidence_digest: str
    approver: str = Field(description="The lead whose token made the call")
    created_by: str
    decided_at: Timestamp
    key_id: str
    signature: str = Field(description="Ed25519 by the platform key over the RFC 8785 JSON of the other fields")


class ExportGrantIn(Strict):
    filter: dict[str, str | None] = Field(description="The export's filter (since, until, actor, event_type, ...)")
    include_pii: bool


class ExportGrantOut(BaseModel):
    purpose: Literal["export-grant"]
    grant_id: str
    user: str
    roles: list[str]
    filter: dict[str, str | None]
    include_pii: bool
    granted_at: Timestamp
    key_id: str
    signature: str = Field(description="Ed25519 by the platform key over the RFC 8785 JSON of the other fields")


class RedactionIn(Strict):
    seq: int = Field(ge=1)
    leaf: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    original: str = Field(description="The event's stored envelope bytes, base64", max_length=2_000_000)
    redacted: dict[str, object] = Field(description="The envelope as exported, identities replaced")
    paths: list[Annotated[str, StringConstraints(max_length=500)]]


class RedactionsIn(Strict):
    items: list[RedactionIn] = Field(max_length=1000)


class AttestedRedactionOut(BaseModel):
    seq: int
    leaf: str
    redacted_sha256: str


class RedactionsOut(BaseModel):
    purpose: Literal["export-redactions"]
    grant_id: str
    items: list[AttestedRedactionOut]
    attested_at: Timestamp
    key_id: str
    signature: str


class ProblemOut(BaseModel):
    """RFC 9457 problem details; extensions depend on the problem type."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    detail: str
    reason: str | None = Field(default=None, description="Lease problems: no_valid_lease, claimed_by_other, ...")
    existing_decision: DecisionOut | None = Field(default=None, description="409 decision-conflict: the winner")
    errors: list[dict[str, object]] | None = Field(default=None, description="422: what is wrong, field by field")
