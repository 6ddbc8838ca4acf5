"""The export's inner loop for a SQLite log, run inside SQLite: one statement per page of the range gives each
event's filter verdict, its JSONL line and its CSV row as bytes, with placeholder bytes where the quoting goes, and
its XLSX cells as values. Python then finishes a whole page with a few C-speed passes (bytes.replace, translate,
find) instead of touching every cell. A reading thread makes the pages (SQLite lets go of the GIL while it steps)
while the calling thread writes them in order, hashing as it writes.

The checks that run once over each page name the rows that need the per-event Python loop (stream.route_event): a
possible author identity (pseudonyms), a CSV cell to neutralise, a payload whose end is not certain. Only those rows
take it, so this path writes exactly what the per-event loop writes (tests/exports/test_sqlite_fast.py holds them
equal); PostgreSQL logs use that loop. The XLSX cells need no check here: XlsxWriter escapes what it writes."""

from __future__ import annotations

import queue
import sqlite3
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, chain
from typing import Any, cast

from moderator_app.audit.exports.pseudonyms import PII_SUBJECT_PREFIXES, QUICK_CHECK, Pseudonymiser
from moderator_app.audit.exports.selection import ProofRange, range_sql
from moderator_app.audit.exports.stream import Formats, Page, PageWriter, StatsRow, check_cancel, route_event
from moderator_app.audit.exports.views import COLUMNS, FORMULA_TRIGGERS, Row, csv_lines
from moderator_app.audit.store import AuditStore
from moderator_app.core.audit import CancelToken, EventFilter, ProgressCallback

CHUNK = 2048  # events of the range a page covers
_QUEUED = 2  # pages made ahead of the writer (memory stays flat)
_CACHE_KIB = 4096  # a scan reads each page once: the connections' 64 MiB cache would only grow the process

# -- placeholders: bytes that never occur in UTF-8 text (0xF8-0xFF) ----------------------------------------------
_HIGH = bytes(range(0xF8, 0x100))
_OPEN, _CLOSE = b"\xfa", b"\xf9"  # a CSV cell's opening and closing quote
_TEXT_CELLS = len(COLUMNS) - 1  # every column but the seq
# A CSV row: seq,"c1","c2",…,"c9"CRLF (csv.QUOTE_NONNUMERIC, as views.csv_lines writes it)
_CSV_PARTS = (b"", b"," + _OPEN, *[_CLOSE + b"," + _OPEN] * (_TEXT_CELLS - 1), _CLOSE + b"\r\n")
_QUOTES = bytes.maketrans(_OPEN + _CLOSE, b'""')
_EVENT_ID_KEY = b',"event_id":"'
_PII_SUBJECTS = tuple(f'"subject":"{prefix}'.encode() for prefix in PII_SUBJECT_PREFIXES)
_RANGE = "log_id = :log AND seq BETWEEN :low AND :high"


def _classes() -> bytes:
    """Where a CSV cell needs neutralising: a 1 (its opening quote) then a 2 (a trigger) or sixteen 3s (digits)."""
    table = bytearray(256)
    table[_OPEN[0]] = 1
    for char in FORMULA_TRIGGERS:
        table[ord(char)] = 2
    for digit in b"0123456789":
        table[digit] = 3
    return bytes(table)


_CSV_CELL_CLASSES = _classes()


def _blob(data: bytes) -> str:
    return f"X'{data.hex()}'" if data else "''"


def _row_sql(parts: tuple[bytes, ...], cells: list[str]) -> str:
    """parts[0] || seq || parts[1] || cells[0] || … || parts[9], as one SQL expression (text with raw bytes)."""
    values = ["seq", *cells]
    return " || ".join(piece for part, value in zip(parts, values, strict=False)
                       for piece in (_blob(part), value)) + " || " + _blob(parts[-1])


def _filter_sql(wanted: EventFilter) -> tuple[str, dict[str, str]]:
    """matching.matches as SQL (NULL columns never equal a wanted value, as None never equals a string)."""
    parts: list[str] = []
    params: dict[str, str] = {}
    for clause, value in (("occurred_at >= :since", wanted.since), ("occurred_at < :until", wanted.until),
                          ("actor = :actor", wanted.actor),
                          ("event_type = :type", wanted.event_type.value if wanted.event_type else None),
                          ("category = :category", wanted.category), ("subject = :subject", wanted.subject),
                          ("decision_kind = :kind", wanted.decision_kind)):
        if value is not None:
            parts.append(clause)
            params[clause.rsplit(":", 1)[1]] = value
    return (" AND ".join(parts) or "1"), params


def _count_in(data: bytes, table_delete: bytes) -> int:
    return len(data) - len(data.translate(None, table_delete))


def _hits(data: bytes, needle: bytes) -> Iterator[int]:
    at = data.find(needle)
    while at >= 0:
        yield at
        at = data.find(needle, at + 1)


def _rows_at(raw: list[bytes], offsets: Iterable[int]) -> set[int]:
    """The rows of a page (joined without separators) that hold these offsets."""
    ends = list(accumulate(map(len, raw)))
    return {bisect_right(ends, at) for at in offsets}


def csv_clean(data: bytes, rows: int) -> bool:
    """Whether ``rows`` CSV rows from SQL (placeholder quotes, joined in ``data``) need no Python: no cell to
    neutralise, no placeholder byte in the data itself."""
    if _count_in(data, _HIGH) != 2 * _TEXT_CELLS * rows:
        return False
    classes = data.translate(_CSV_CELL_CLASSES)
    return classes.find(b"\x01\x02") < 0 and classes.find(b"\x01" + b"\x03" * 16) < 0


def csv_trouble(raw: list[bytes], data: bytes) -> set[int]:
    """The rows of a page of CSV rows from SQL (``data`` joined) that need Python."""
    if csv_clean(data, len(raw)):
        return set()
    trouble = {index for index, row in enumerate(raw) if _count_in(row, _HIGH) != 2 * _TEXT_CELLS}
    classes = data.translate(_CSV_CELL_CLASSES)
    return trouble | _rows_at(raw, chain(_hits(classes, b"\x01\x02"), _hits(classes, b"\x01" + b"\x03" * 16)))


def finish_csv(data: bytes) -> bytes:
    """CSV rows from SQL (joined) that need no Python, as views.csv_lines writes them."""
    return data.replace(b'"', b'""').translate(_QUOTES)


@dataclass(frozen=True, slots=True)
class _Failed:
    error: BaseException


class PageQuery:
    """The one statement that reads and formats a page, and the Python that finishes it."""

    def __init__(self, store: AuditStore, wanted: EventFilter, pseudonymiser: Pseudonymiser | None,
                 formats: Formats) -> None:
        self.wanted, self.pseudonymiser, self.formats = wanted, pseudonymiser, formats
        match, self.params = _filter_sql(wanted)
        self.params["log"] = store.log_id
        subject = "subject"
        if pseudonymiser is not None:
            prefixes = " OR ".join(f"subject GLOB '{prefix}*'" for prefix in PII_SUBJECT_PREFIXES)
            subject = f"CASE WHEN {prefixes} THEN modapp_pseudonym(subject) ELSE subject END"
        # The payload: the envelope from after '{"body":' to its (only) '"event_id":' key; NULL (the Python path)
        # when that key is not where it must be.
        key = _blob(_EVENT_ID_KEY)
        body = f"CASE WHEN instr(envelope, {key}) > 9 THEN substr(envelope, 9, instr(envelope, {key}) - 9) END"
        # views.note_of: the payload's top-level "note" when it is text (a body that is not JSON takes the Python
        # path: its view column is NULL)
        note = (f"CASE WHEN json_valid({body}) THEN CASE json_type({body}, '$.note') WHEN 'text' THEN "
                f"json_extract({body}, '$.note') ELSE '' END END")
        cells = ["occurred_at", "event_type", "actor", f"coalesce({subject}, '')", "coalesce(category, '')",
                 "coalesce(decision_kind, '')", note, body, "event_id"]
        columns = [f"CASE WHEN {match} THEN 1 ELSE 0 END",
                   "CAST('{\"seq\":' || seq || ',\"envelope\":' AS BLOB) || envelope || X'7d0a'", "seq"]
        self.body_at = self.csv_at = self.xlsx_at = self.stats_at = 0
        self.view_at = 0  # a column that is NULL for a matching event whose payload's end is not certain
        if pseudonymiser is not None:  # where an author identity can be: the payload (and the header's subject)
            self.body_at = len(columns)
            columns.append(body)
        if formats.csv:
            self.csv_at = len(columns)
            columns.append(f"CASE WHEN {match} THEN {_row_sql(_CSV_PARTS, cells)} END")
            self.view_at = self.csv_at
        if formats.xlsx:  # the cells as they are (XlsxWriter escapes them), for the matching events
            self.xlsx_at = len(columns)
            texts = [f"CAST({cell} AS TEXT)" for cell in cells]
            columns += texts if match == "1" else [f"CASE WHEN {match} THEN {text} END" for text in texts]
            self.view_at = self.view_at or self.xlsx_at + cells.index(body)
        if formats.stats:
            self.stats_at = len(columns)
            columns += ["occurred_at", "actor", "event_type", "category", "decision_kind"]
        self.sql = f"SELECT {', '.join(columns)} FROM audit_event WHERE {_RANGE} ORDER BY seq"
        self.python_sql = range_sql("sqlite", CHUNK)

    def prepare(self, connection: sqlite3.Connection) -> None:
        connection.text_factory = bytes  # lines and CSV rows go to the files as they come: no decoding
        connection.execute(f"PRAGMA cache_size=-{_CACHE_KIB}")
        if self.pseudonymiser is not None:
            connection.create_function("modapp_pseudonym", 1, self.pseudonymiser.subject, deterministic=True)

    def page(self, connection: sqlite3.Connection, low: int, high: int) -> Page:
        """Events low..high as the bundle's files take them. Each check runs once over the whole page; the rows it
        flags go through the per-event loop."""
        rows = connection.execute(self.sql, {**self.params, "low": low, "high": high}).fetchall()
        lines = [row[1] for row in rows]
        joined = b"".join(lines)
        trouble = self._trouble(rows, lines, joined)
        if trouble:
            return self._mixed(connection, rows, self._view_trouble(rows, trouble))
        matched = [row for row in rows if row[0]]
        csv_raw = [row[self.csv_at] for row in matched] if self.formats.csv else []
        csv_data = b"".join(csv_raw)
        if self.formats.csv and not csv_clean(csv_data, len(csv_raw)):
            return self._mixed(connection, rows, self._view_trouble(rows, set()))
        if len(matched) == len(rows):
            page = Page(len(rows), joined, b"", len(rows))
        elif not matched:
            page = Page(len(rows), b"", joined, 0)
        else:
            page = Page(len(rows), b"".join([row[1] for row in matched]),
                        b"".join([row[1] for row in rows if not row[0]]), len(matched))
        if self.formats.csv:
            page.csv = finish_csv(csv_data)
        if self.formats.xlsx:
            page.xlsx = [self._xlsx_row(row) for row in matched]
        if self.formats.stats:
            page.stats = [_stats_row(row[self.stats_at:self.stats_at + 5]) for row in matched]
        return page

    def _trouble(self, rows: list[Any], lines: list[bytes], joined: bytes) -> set[int]:
        """The rows of the page whose line or payload needs the per-event Python: a possible author identity, or a
        payload whose end is not certain (each check runs once over the whole page)."""
        trouble: set[int] = set()
        view_at = self.view_at
        if self.pseudonymiser is None and not view_at:
            return trouble
        unsure = view_at > 0 and None in [row[view_at] for row in rows if row[0]]
        if self.pseudonymiser is not None:
            unsure = unsure or None in [row[self.body_at] for row in rows]
        if unsure or joined.count(_EVENT_ID_KEY) != len(rows):
            trouble = {index for index, line in enumerate(lines) if line.count(_EVENT_ID_KEY) != 1
                       or (self.body_at and rows[index][self.body_at] is None)
                       or (view_at and rows[index][0] and rows[index][view_at] is None)}
        if self.pseudonymiser is not None:
            bodies = [b"" if index in trouble else row[self.body_at] for index, row in enumerate(rows)]
            data = b"".join(bodies)
            if QUICK_CHECK.search(data):
                trouble |= _rows_at(bodies, (found.start() for found in QUICK_CHECK.finditer(data)))
            for needle in _PII_SUBJECTS:  # the header's subject (and any in a payload)
                if joined.find(needle) >= 0:
                    trouble |= _rows_at(lines, _hits(joined, needle))
        return trouble

    def _view_trouble(self, rows: list[Any], trouble: set[int]) -> set[int]:
        """``trouble`` and the rows whose CSV row needs Python."""
        if not self.formats.csv:
            return trouble
        matched = [index for index, row in enumerate(rows) if row[0] and index not in trouble]
        raw = [rows[index][self.csv_at] for index in matched]
        return trouble | {matched[i] for i in csv_trouble(raw, b"".join(raw))}

    def _xlsx_row(self, row: Any) -> Row:
        """The view row of a matching event as SQL read it: the seq and the cells, decoded."""
        return cast(Row, (row[2], *map(bytes.decode, row[self.xlsx_at:self.xlsx_at + _TEXT_CELLS])))  # UTF-8

    def _mixed(self, connection: sqlite3.Connection, rows: list[Any], trouble: set[int]) -> Page:
        """A page with some rows through the per-event loop (read again, as it reads them) and the rest as SQL
        made them."""
        seqs = sorted(rows[index][2] for index in trouble)
        connection.text_factory = str
        try:
            again = {row[0]: row for low in seqs
                     for row in connection.execute(self.python_sql, (self.params["log"], low - 1, low))}
        finally:
            connection.text_factory = bytes
        page = Page(len(rows), b"", b"", 0)
        events: list[bytes] = []
        context: list[bytes] = []
        csv: list[bytes] = []  # finished CSV text, and a run of SQL rows still to finish
        csv_run: list[bytes] = []

        def flush() -> None:
            if csv_run:
                csv.append(finish_csv(b"".join(csv_run)))
                csv_run.clear()

        for index, row in enumerate(rows):
            if index not in trouble:
                (events if row[0] else context).append(row[1])
                if row[0]:
                    page.matching += 1
                    if self.formats.csv:
                        csv_run.append(row[self.csv_at])
                    if self.formats.xlsx:
                        page.xlsx.append(self._xlsx_row(row))
                    if self.formats.stats:
                        page.stats.append(_stats_row(row[self.stats_at:self.stats_at + 5]))
                continue
            routed = route_event(again[row[2]], self.wanted, self.pseudonymiser, self.formats)
            (events if routed.matching else context).append(routed.line)
            page.redacted += routed.redacted
            page.matching += routed.matching
            if routed.view is not None:
                flush()
                if self.formats.csv:
                    csv.append(csv_lines([routed.view]))
                if self.formats.xlsx:
                    page.xlsx.append(routed.view)
            if routed.stats is not None:
                page.stats.append(routed.stats)
        flush()
        page.events, page.context, page.csv = b"".join(events), b"".join(context), b"".join(csv)
        return page


def _stats_row(values: tuple[Any, ...]) -> StatsRow:
    """The PDF report's fields of a row read as bytes."""
    occurred_at, actor, event_type, category, decision_kind = values
    return (occurred_at.decode(), actor.decode(), event_type.decode(),
            None if category is None else category.decode(), None if decision_kind is None else decision_kind.decode())


def write_sqlite(store: AuditStore, proof: ProofRange, wanted: EventFilter, pseudonymiser: Pseudonymiser | None,
                 writer: PageWriter, formats: Formats, progress: ProgressCallback | None,
                 cancel: CancelToken | None) -> None:
    """A reading thread makes the pages (SQLite holds no Python lock while it steps), a page or two ahead of this
    thread, which writes and hashes them in order. One reader, not two: two SQLite connections of one process contend
    for SQLite's own global locks (its allocator's), and two readers took more time and CPU than one."""
    query = PageQuery(store, wanted, pseudonymiser, formats)
    starts = range(proof.first_seq, proof.last_seq + 1, CHUNK)
    box: queue.Queue[Page | _Failed] = queue.Queue(maxsize=_QUEUED)
    stop = threading.Event()

    def put(item: Page | _Failed) -> None:
        while not stop.is_set():
            try:
                box.put(item, timeout=0.05)
                return
            except queue.Full:
                continue

    def read() -> None:
        try:
            with store.reader.connect() as pooled:
                connection = _driver(pooled)
                query.prepare(connection)
                for low in starts:
                    if stop.is_set():
                        return
                    put(query.page(connection, low, min(low + CHUNK - 1, proof.last_seq)))
        except BaseException as exc:  # noqa: BLE001 - handed to the writer, which raises it
            put(_Failed(exc))

    reader = threading.Thread(target=read, name="modapp-export-reader", daemon=True)
    reader.start()
    try:
        done = 0
        for _ in starts:
            page = box.get()
            if isinstance(page, _Failed):
                raise page.error
            check_cancel(cancel)
            writer.write(page)
            done += page.scanned
            if progress is not None:
                progress(done, proof.size)
    finally:
        stop.set()
        reader.join()


def _driver(pooled: Any) -> sqlite3.Connection:
    connection = pooled.connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection
