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
from moderator_app.core.models import QueueItem, Suggestion


class SecretStore(Protocol):
    """Where tokens and keys live: the OS keyring, or memory when there is none."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class SuggestionSource(Protocol):
    def suggest(self, item: QueueItem) -> Sequence[Suggestion]: ...


class Clock(Protocol):
    def now_iso(self) -> str: ...


class AuditLog(Protocol):
    """The tamper-evident audit log as services see it (implemented by moderator_app.services.audit_service)."""

    def append(self, event: AuditEvent) -> AppendReceipt: ...

    def verify(
        self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> VerifyReport: ...

    def checkpoint(self, reason: str) -> Checkpoint | None: ...

    def spool_status(self) -> SpoolStatus: ...

    def close(self) -> None: ...
