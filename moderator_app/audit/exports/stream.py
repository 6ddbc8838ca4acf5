"""The export's per-event work, in Python: which file an event goes to, its JSONL line (pseudonymised when it
holds an author identity), its view row and its report counts. Used for PostgreSQL logs; sqlite_fast.py does the
same inside SQLite and calls back here for the lines that need pseudonyms."""

from __future__ import annotations

import json
from typing import IO, Any

from moderator_app.audit.exports.matching import matches
from moderator_app.audit.exports.pseudonyms import Pseudonymiser
from moderator_app.audit.exports.report_stats import ReportStats
from moderator_app.audit.exports.selection import ProofRange, iter_range
from moderator_app.audit.exports.views import Row, Views
from moderator_app.audit.store import AuditStore
from moderator_app.core.audit import CancelToken, EventFilter, ProgressCallback
from moderator_app.core.errors import ModeratorError

PROGRESS_EVERY = 16384
Redaction = tuple[dict[str, Any], list[str]]


class ExportCancelled(ModeratorError):
    """The user cancelled; the partial bundle has been removed."""


def check_cancel(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.cancelled:
        raise ExportCancelled("export cancelled; nothing was kept")


def compact_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def plain_body(envelope: bytes) -> str:
    """The payload's canonical text without parsing: RFC 8785 sorts "body" first, and the top-level "event_id"
    key is the last occurrence of its literal (header values are strings, where quotes are escaped)."""
    end = envelope.rfind(b',"event_id":"')
    return envelope[len(b'{"body":'):end].decode("utf-8")


def view_body(envelope: bytes, redacted: Redaction | None) -> str:
    return plain_body(envelope) if redacted is None else compact_json(redacted[0]["body"]).decode("utf-8")


def event_line(pseudonymiser: Pseudonymiser | None, seq: int, envelope: bytes,
               leaf: bytes) -> tuple[bytes, Redaction | None]:
    """The JSONL line of one event (the stored bytes verbatim, or pseudonymised with its leaf hash)."""
    redacted = pseudonymiser.redact_envelope(envelope) if pseudonymiser is not None else None
    if redacted is None:
        return b'{"seq":%d,"envelope":%s}\n' % (seq, envelope), None
    data, paths = redacted
    return b'{"seq":%d,"leaf":"%s","redacted":%s,"envelope":%s}\n' % (
        seq, leaf.hex().encode(), compact_json(paths), compact_json(data)), redacted


def write_generic(store: AuditStore, proof: ProofRange, wanted: EventFilter, pseudonymiser: Pseudonymiser | None,
                  files: tuple[IO[bytes], IO[bytes]], views: Views, stats: ReportStats | None,
                  counts: dict[str, int], progress: ProgressCallback | None, cancel: CancelToken | None) -> None:
    events, context = files
    for done, row in enumerate(iter_range(store, proof), start=1):
        seq, envelope, leaf, occurred_at, actor, event_type, category, subject, decision_kind, event_id = row
        line, redacted = event_line(pseudonymiser, seq, envelope, leaf)
        counts["redacted"] += redacted is not None
        if not matches(wanted, (occurred_at, actor, event_type, category, subject, decision_kind)):
            context.write(line)
            counts["context"] += 1
        else:
            events.write(line)
            counts["matching"] += 1
            if redacted is not None:
                subject = redacted[0]["hdr"].get("subject")
            view_row: Row = (seq, occurred_at, event_type, actor, subject or "", category or "", decision_kind or "",
                             view_body(envelope, redacted), event_id)
            views.write(view_row)
            if stats is not None:
                stats.add(occurred_at, actor, event_type, category, decision_kind)
        if done % PROGRESS_EVERY == 0:
            check_cancel(cancel)
            if progress is not None:
                progress(done, proof.size)
