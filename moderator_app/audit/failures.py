"""Database driver exceptions as the workstation's errors: unreachable (transient, spool and retry) or not."""

from __future__ import annotations

import psycopg
from sqlalchemy.exc import DBAPIError, OperationalError

from moderator_app.core.errors import StorageError, StorageUnavailable


def storage_error(exc: DBAPIError, url: str) -> StorageError:
    """A driver exception as our error: unreachable (transient) or anything else."""
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if (isinstance(exc, OperationalError) and exc.connection_invalidated) or _unreachable(detail):
        return StorageUnavailable(f"cannot reach the audit database {url}: {detail}")
    return StorageError(f"audit database {url}: {detail}")


def storage_error_from_driver(exc: Exception, url: str) -> StorageError:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, psycopg.OperationalError) or _unreachable(detail):
        return StorageUnavailable(f"cannot reach the audit database {url}: {detail}")
    return StorageError(f"audit database {url}: {detail}")


def _unreachable(detail: str) -> bool:
    words = ("connection refused", "could not connect", "timeout expired", "connection failed",
             "server closed the connection", "unable to open database file", "name or service not known",
             "no route to host", "terminating connection", "connection is closed")
    return any(word in detail.lower() for word in words)
