"""Evidence captured when a referral is created: a snapshot of the post, its author, the reports and the author's
history, each item with the SHA-256 of its canonical JSON (RFC 8785), plus who captured it, when and with what.

The snapshot goes into the ``referral_created`` event's body, so the audit chain fixes it; the evidence package
carries the same snapshot and a verifier recomputes every digest.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import rfc8785

from moderator_app import __version__
from moderator_app.core.audit import utc_timestamp
from moderator_app.core.models import PriorDecision, QueueItem

# China has had no daylight saving time since 1991: a fixed offset needs no time-zone database on Windows.
BEIJING = timezone(timedelta(hours=8), "UTC+08:00")
ITEMS = ("post", "author", "reports", "author_history", "queue")
# Larger files are referenced (id, URL, why not copied) rather than carried in the audit event and the package.
MAX_MEDIA_BYTES = 8 * 1024 * 1024
MEDIA_TYPES = ((b"\x89PNG\r\n\x1a\n", "image/png", "png"), (b"\xff\xd8\xff", "image/jpeg", "jpg"),
               (b"GIF8", "image/gif", "gif"))


@dataclass(frozen=True, slots=True)
class MediaCopy:
    """An image's bytes as the platform served them at capture, or why there are none."""

    media_id: str
    content: bytes | None
    problem: str = ""


def media_type(content: bytes) -> tuple[str, str]:
    """(MIME type, file extension) from the file's first bytes; an unknown format is kept as opaque bytes."""
    for magic, mime, extension in MEDIA_TYPES:
        if content.startswith(magic):
            return mime, extension
    return "application/octet-stream", "bin"


def _media_entry(ref: Any, copy: MediaCopy | None) -> dict[str, str]:
    entry = {"media_id": ref.media_id, "kind": ref.kind, "description": ref.description, "url": ref.url or ""}
    if copy is not None and copy.content is not None:
        entry.update(sha256=hashlib.sha256(copy.content).hexdigest(), size=str(len(copy.content)),
                     content_type=media_type(copy.content)[0])
    else:
        entry["not_copied"] = copy.problem if copy is not None else "not fetched"
    return entry


def media_content(copies: Mapping[str, MediaCopy]) -> dict[str, str]:
    """sha256 -> base64 bytes of the copied media, as the created event carries them beside the evidence."""
    return {hashlib.sha256(c.content).hexdigest(): base64.b64encode(c.content).decode("ascii")
            for c in copies.values() if c.content is not None}


def canonical_bytes(value: Any) -> bytes:
    return bytes(rfc8785.dumps(value))


def digest_of(value: Any) -> str:
    return hashlib.sha256(canonical_bytes(value)).hexdigest()


def _times(moment: datetime) -> dict[str, str]:
    """An instant with its time zone, both in UTC and in Beijing time (what a Chinese police unit reads)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return {"utc": utc_timestamp(aware), "beijing": aware.astimezone(BEIJING).isoformat(timespec="seconds")}


def capture(item: QueueItem, history: Sequence[PriorDecision], *, post_count: int | None, captured_by: str,
            workstation: str, captured_at: datetime | None = None, history_unavailable: str = "",
            media: Mapping[str, MediaCopy] | None = None) -> dict[str, Any]:
    """The evidence snapshot: ``items`` (each hashed), ``digests`` (item -> SHA-256 hex) and ``capture``.
    ``history_unavailable`` says why the author history is empty when the platform could not be asked; each
    media entry carries the SHA-256 of its copied bytes (``media``), or why it was not copied."""
    copies = media or {}
    post, author = item.post, item.post.author
    items: dict[str, Any] = {
        "post": {
            "post_id": post.post_id, "text": post.text, "url": post.url, "published_at": _times(post.published_at),
            "repost_count": str(post.repost_count),
            "media": [_media_entry(m, copies.get(m.media_id)) for m in post.media],
        },
        "author": {"author_id": author.author_id, "display_name": author.display_name,
                   "real_name": author.real_name or ""},
        "reports": [{"reporter_id": r.reporter_id, "reason": r.reason, "text": r.text,
                     "reported_at": _times(r.reported_at)} for r in item.reports],
        "author_history": {
            "post_count": "" if post_count is None else str(post_count), "unavailable": history_unavailable,
            "prior_decisions": [{"post_id": d.post_id, "kind": d.kind, "categories": list(d.categories),
                                 "decided_at": _times(d.decided_at)} for d in history],
        },
        "queue": {"flagged_at": _times(item.flagged_at), "source": item.source.value, "priority": str(item.priority)},
    }
    return {
        "items": items,
        "digests": {name: digest_of(value) for name, value in items.items()},
        "capture": {
            "captured_at": utc_timestamp(captured_at), "captured_by": captured_by, "workstation": workstation,
            "method": "platform API snapshot at referral creation", "tool": f"moderator-app {__version__}",
            "digest_algorithm": "SHA-256 over RFC 8785 canonical JSON of each item",
        },
    }


def digest_problems(snapshot: Mapping[str, Any]) -> list[str]:
    """Items whose recorded digest does not match their content (or that are missing), by name."""
    items, digests = snapshot.get("items", {}), snapshot.get("digests", {})
    problems = [f"evidence item {name!r} has no digest" for name in items if name not in digests]
    for name, expected in digests.items():
        if name not in items:
            problems.append(f"evidence item {name!r} is missing")
        elif digest_of(items[name]) != expected:
            problems.append(f"evidence item {name!r} does not match its SHA-256")
    return problems
