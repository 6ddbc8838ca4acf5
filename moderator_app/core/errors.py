"""The errors the workstation raises on purpose, as one tree.

Every layer translates its library's exceptions into these, so the CLI and the GUI present them in one place
(the CLI: one line on stderr and an exit code; the GUI: ``ui.errors``).

    ModeratorError
    ├── UsageError                 bad input from a person: arguments, files, settings   -> CLI exit 2
    │   ├── PolicyError            a policy pack is malformed or missing (file, line, field, reason)
    │   ├── SettingsError          the settings file cannot be read or holds a bad value
    │   └── UnknownCategoryError   a category id the policy pack does not define
    ├── CheckFailed                a verification found a problem (audit chain, export, package) -> CLI exit 1
    ├── PlatformError              the platform API could not do what was asked
    │   ├── PlatformUnavailable    network down, timeout, 5xx; transient, worth retrying
    │   │   └── RateLimited        429 with the server's Retry-After
    │   ├── AuthenticationRequired 401: log in (again)
    │   ├── PermissionDenied       403: the user's role does not allow it
    │   ├── NotFound               404
    │   ├── Conflict               409: another decision won; carries it
    │   ├── LeaseError             409/423: no valid claim on the item
    │   ├── InvalidRequest         422: the platform refused the body
    │   └── ProtocolError          the platform's answer does not match the contract (names the field path)
    ├── StorageError               the audit database or a local journal failed
    │   └── StorageUnavailable     the database cannot be reached; transient
    └── SecretStoreUnavailable     no OS keyring on this machine
"""

from __future__ import annotations

from typing import Any


class ModeratorError(Exception):
    """Base of every error the workstation raises on purpose. ``str(err)`` is a one-line, human message."""

    transient: bool = False


class UsageError(ModeratorError):
    """Bad input from a person. Nothing was changed."""


class PolicyError(UsageError):
    """A policy pack is malformed. The message names the file, the line when known, the field and the reason."""

    def __init__(self, file: str, reason: str, *, line: int | None = None, field: str | None = None) -> None:
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
        where = file if line is None else f"{file}:{line}"
        what = f"{field}: {reason}" if field else reason
        super().__init__(f"{where}: {what}")


class SettingsError(UsageError):
    """The settings file or an environment override holds something unusable."""


class UnknownCategoryError(UsageError):
    def __init__(self, category_id: str, pack_id: str, known: list[str]) -> None:
        self.category_id = category_id
        super().__init__(
            f"unknown category id {category_id!r} in policy pack {pack_id} (known: {', '.join(known)})"
        )


class CheckFailed(ModeratorError):
    """A verification ran and found a problem; the message says what and where."""


class PlatformError(ModeratorError):
    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class PlatformUnavailable(PlatformError):
    transient = True


class RateLimited(PlatformUnavailable):
    def __init__(self, message: str, *, retry_after: float, status: int | None = 429) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class AuthenticationRequired(PlatformError):
    pass


class PermissionDenied(PlatformError):
    pass


class NotFound(PlatformError):
    pass


class Conflict(PlatformError):
    """Someone else's decision on the post won. ``existing`` is the platform's record of it."""

    def __init__(self, message: str, *, existing: Any = None, status: int | None = 409) -> None:
        super().__init__(message, status=status)
        self.existing = existing


class WitnessConflict(Conflict):
    """The platform's witness refused a head: ``fork`` (it witnessed another chain hash at that seq) or stale (it
    already witnessed a later seq of the log, e.g. another workstation on the same team database)."""

    def __init__(self, message: str, *, fork: bool) -> None:
        super().__init__(message)
        self.fork = fork


class LeaseError(PlatformError):
    pass


class InvalidRequest(PlatformError):
    pass


class ProtocolError(PlatformError):
    """The platform answered something the contract does not allow; ``path`` is where (e.g. ``items[3].post.id``)."""

    def __init__(self, message: str, *, path: str = "") -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path


class StorageError(ModeratorError):
    pass


class StorageUnavailable(StorageError):
    transient = True


class SecretStoreUnavailable(ModeratorError):
    """No OS keyring exists here; secrets are kept in memory only for this session."""
