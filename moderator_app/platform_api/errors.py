"""HTTP answers -> the core error tree, with messages a moderator understands."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from moderator_app.core.errors import (
    AuthenticationRequired,
    Conflict,
    InvalidRequest,
    LeaseError,
    NotFound,
    PermissionDenied,
    PlatformError,
    PlatformUnavailable,
    ProtocolError,
    RateLimited,
    WitnessConflict,
)
from moderator_app.platform_api import wire

LEASE_PROBLEMS = ("lease-required", "claimed-by-other", "lease-expired")


def parse_retry_after(value: str | None, *, cap: float, default: float = 1.0) -> float:
    """Seconds to wait, from ``Retry-After`` (seconds or an HTTP date), never more than ``cap``."""
    if not value:
        return min(default, cap)
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return min(default, cap)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, min((when - datetime.now(UTC)).total_seconds(), cap))


def _problem(body: bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _detail(problem: dict[str, Any], fallback: str) -> str:
    detail = problem.get("detail")
    if isinstance(detail, str) and detail.strip():
        return " ".join(detail.split())[:500]  # one line, bounded: it goes into a status bar
    return fallback


def error_for(status: int, body: bytes, retry_after: str | None, *, retry_after_cap: float) -> PlatformError:
    problem = _problem(body)
    slug = str(problem.get("type", "")).rsplit("/", 1)[-1]
    if status == 401:
        return AuthenticationRequired("Your platform session has ended; please log in again", status=status)
    if status == 403:
        return PermissionDenied(f"Your role does not allow this: {_detail(problem, 'forbidden')}", status=status)
    if status == 404:
        return NotFound(_detail(problem, "The platform has no such item"), status=status)
    if status == 423 or (status == 409 and slug in LEASE_PROBLEMS):
        return LeaseError(f"No valid claim on this post: {_detail(problem, 'claim it first')}", status=status)
    if status == 409 and slug in ("witness-fork", "witness-stale"):
        return WitnessConflict(_detail(problem, "the witness refused this head"), fork=slug == "witness-fork")
    if status == 409:
        existing = problem.get("existing_decision")
        winner = wire.platform_decision(wire.Node(existing, "existing_decision")) if existing is not None else None
        message = _detail(problem, "Another decision was applied first")
        if winner is not None:
            message = (f"Post {winner.post_id} was already decided by {winner.decided_by} "
                       f"({winner.kind.value}{' ' + ', '.join(winner.categories) if winner.categories else ''})")
        return Conflict(message, existing=winner, status=status)
    if status in (400, 422):
        return InvalidRequest(f"The platform refused the request: {_detail(problem, 'malformed request')}",
                              status=status)
    if status == 429:
        wait = parse_retry_after(retry_after, cap=retry_after_cap)
        return RateLimited(f"The platform asks us to slow down; retrying in {wait:.0f} s", retry_after=wait)
    if status >= 500:
        message = f"The platform is unavailable (HTTP {status})"
        if retry_after:
            return RateLimited(message, retry_after=parse_retry_after(retry_after, cap=retry_after_cap),
                               status=status)
        return PlatformUnavailable(message, status=status)
    return ProtocolError(f"unexpected HTTP status {status}")
