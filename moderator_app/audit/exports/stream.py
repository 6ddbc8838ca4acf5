"""The export's per-event work, in Python: which file an event goes to, its JSONL line (pseudonymised when it
holds an author identity), its view row and its report counts, a page of events at a time. Used for PostgreSQL logs;
sqlite_fast.py does the same inside SQLite and calls ``route_event`` for the rare event that needs Python (an author
identity, a CSV cell to neutralise, a payload whose end is not certain)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from moderator_app.audit.exports.matching import matches
from moderator_app.audit.exports.pseudonyms import Pseudonymiser
from moderator_app.audit.exports.report_stats import ReportStats
from moderator_app.audit.exports.selection import ProofRange, RangeRow, iter_range
from moderator_app.audit.exports.views import HashedFile, Row, Views, csv_lines, note_of
from moderator_app.audit.store import AuditStore
from moderator_app.core.audit import CancelToken, EventFilter, ProgressCallback
from moderator_app.core.errors import ModeratorError

PAGE_ROWS = 4096
Redaction = tuple[dict[str, Any], list[str]]
StatsRow = tuple[str, str, str, str | None, str | None]  # occurred_at, actor, event_type, category, decision_kind
T = TypeVar("T")


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


@dataclass(frozen=True, slots=True)
class Formats:
    """What an export writes besides its JSONL files."""

    csv: bool = False
    xlsx: bool = False
    stats: bool = False  # the PDF report's counts

    @property
    def views(self) -> bool:
        return self.csv or self.xlsx


@dataclass(slots=True)
class Page:
    """A stretch of the proven range, formatted: what is appended to each file of the bundle."""

    scanned: int
    events: bytes
    context: bytes
    matching: int
    redacted: int = 0
    csv: bytes = b""
    xlsx: list[Row] = field(default_factory=list)  # XlsxWriter takes Python values
    stats: list[StatsRow] = field(default_factory=list)


@dataclass(slots=True)
class Routed:
    """One event, routed: its JSONL line, whether it matches the filter, and (matching) its view row and counts."""

    line: bytes
    matching: bool
    redacted: bool
    view: Row | None = None
    stats: StatsRow | None = None


def route_event(row: RangeRow, wanted: EventFilter, pseudonymiser: Pseudonymiser | None,
                formats: Formats) -> Routed:
    seq, envelope, leaf, occurred_at, actor, event_type, category, subject, decision_kind, event_id = row
    line, redacted = event_line(pseudonymiser, seq, envelope, leaf)
    if not matches(wanted, (occurred_at, actor, event_type, category, subject, decision_kind)):
        return Routed(line, False, redacted is not None)
    routed = Routed(line, True, redacted is not None)
    if formats.views:
        shown = pseudonymiser.subject(subject) if pseudonymiser is not None else subject
        body = view_body(envelope, redacted)
        shown_id = event_id if redacted is None else str(redacted[0].get("event_id", event_id))  # keyed
        routed.view = (seq, occurred_at, event_type, actor, shown or "", category or "", decision_kind or "",
                       note_of(json.loads(body)), body, shown_id)
    if formats.stats:
        routed.stats = (occurred_at, actor, event_type, category, decision_kind)
    return routed


def route_page(rows: list[RangeRow], wanted: EventFilter, pseudonymiser: Pseudonymiser | None,
               formats: Formats) -> Page:
    routed = [route_event(row, wanted, pseudonymiser, formats) for row in rows]
    view_rows = [event.view for event in routed if event.view is not None]
    return Page(len(rows), b"".join([event.line for event in routed if event.matching]),
                b"".join([event.line for event in routed if not event.matching]),
                sum(event.matching for event in routed), sum(event.redacted for event in routed),
                csv_lines(view_rows) if formats.csv else b"", view_rows if formats.xlsx else [],
                [event.stats for event in routed if event.stats is not None])


class PageWriter:
    """Appends pages, in order, to the bundle's files and counts."""

    def __init__(self, events: HashedFile, context: HashedFile, views: Views, stats: ReportStats | None) -> None:
        self.events, self.context, self.views, self.stats = events, context, views, stats
        self.counts = {"matching": 0, "context": 0, "redacted": 0}

    def write(self, page: Page) -> None:
        self.events.write(page.events)
        self.context.write(page.context)
        self.counts["matching"] += page.matching
        self.counts["context"] += page.scanned - page.matching
        self.counts["redacted"] += page.redacted
        if self.views.csv is not None:
            self.views.csv.write(page.csv)
        if self.views.xlsx is not None:
            self.views.xlsx.write(page.xlsx)
        if self.stats is not None:
            for row in page.stats:
                self.stats.add(*row)


def pages_of(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while page := list(islice(iterator, size)):
        yield page


def write_generic(store: AuditStore, proof: ProofRange, wanted: EventFilter, pseudonymiser: Pseudonymiser | None,
                  writer: PageWriter, formats: Formats, progress: ProgressCallback | None,
                  cancel: CancelToken | None) -> None:
    done = 0
    for rows in pages_of(iter_range(store, proof), PAGE_ROWS):
        check_cancel(cancel)
        writer.write(route_page(rows, wanted, pseudonymiser, formats))
        done += len(rows)
        if progress is not None:
            progress(done, proof.size)
