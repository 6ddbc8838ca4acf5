"""The seams between the domain and the outside world. Adapters implement these; services type against them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from moderator_app.core.audit import (
    AppendReceipt,
    AuditEvent,
    CancelToken,
    Checkpoint,
    ProgressCallback,
    SpoolStatus,
    VerifyReport,
)
from moderator_app.core.decisions import Decision, DecisionPage, PlatformDecision, PostDetail
from moderator_app.core.models import (
    AuthorHistory,
    AuthorId,
    AuthSession,
    Claim,
    Lease,
    PostId,
    QueueItem,
    QueuePage,
    Suggestion,
    WitnessReceipt,
)


class SecretStore(Protocol):
    """Where tokens and keys live: the OS keyring, or memory when there is none."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class SuggestionSource(Protocol):
    def suggest(self, item: QueueItem) -> Sequence[Suggestion]: ...


class Clock(Protocol):
    def now_iso(self) -> str: ...


class PlatformGateway(Protocol):
    """The platform's HTTP API (resources/platform-api.yaml), in domain terms. ``platform_api.PlatformClient``.

    Every method raises ``core.errors.PlatformError`` subclasses: ``PlatformUnavailable`` (transient),
    ``AuthenticationRequired``, ``PermissionDenied``, ``NotFound``, ``Conflict``, ``LeaseError``,
    ``InvalidRequest`` and ``ProtocolError`` (the answer broke the contract).
    """

    @property
    def base_url(self) -> str: ...

    def login(self, username: str, password: str) -> AuthSession: ...

    def logout(self) -> None: ...

    def queue_page(
        self, *, limit: int = 50, cursor: str | None = None, reason: str | None = None, category: str | None = None
    ) -> QueuePage: ...

    def claim(self, *, count: int | None = None, post_ids: Sequence[PostId] | None = None) -> Claim: ...

    def renew_claim(self, lease_id: str) -> Lease: ...

    def release_claim(self, lease_id: str) -> None: ...

    def post_detail(self, post_id: PostId) -> PostDetail: ...

    def submit_decision(self, decision: Decision) -> PlatformDecision: ...

    def author_history(self, author_id: AuthorId) -> AuthorHistory: ...

    def decisions(self, *, since: int = 0, limit: int = 500) -> DecisionPage: ...

    def witness(self, *, log_id: str, seq: int, chain_hash: str) -> WitnessReceipt: ...
class AuditLog(Protocol):
    """The tamper-evident audit log as services see it (implemented by moderator_app.services.audit_service)."""

    def append(self, event: AuditEvent) -> AppendReceipt: ...

    def verify(
        self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> VerifyReport: ...

    def checkpoint(self, reason: str) -> Checkpoint | None: ...

    def spool_status(self) -> SpoolStatus: ...

    def close(self) -> None: ...
