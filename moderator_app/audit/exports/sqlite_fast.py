"""The export's inner loops for a SQLite log, run inside SQLite: the filter, the JSONL lines and the CSV cells
(formula neutralisation included) are SQL expressions, so a million events cost about what `sqlite3 -csv` costs.
Python is called back only for the rare event that holds an author identity (pseudonyms).

Produces exactly what the generic loop in bundle.py produces (tests/exports/test_sqlite_fast.py holds them equal);
PostgreSQL logs use the generic loop."""

from __future__ import annotations

import csv
import io
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import IO, Any

from moderator_app.audit.chain import leaf_hash
from moderator_app.audit.exports.pseudonyms import QUICK_CHECK_TEXT, Pseudonymiser
from moderator_app.audit.exports.report_stats import ReportStats
from moderator_app.audit.exports.selection import ProofRange
from moderator_app.audit.exports.stream import check_cancel, event_line, view_body
from moderator_app.audit.exports.views import FORMULA_TRIGGERS, CsvView, XlsxView
from moderator_app.audit.store import AuditStore
from moderator_app.core.audit import CancelToken, EventFilter, ProgressCallback

CHUNK = 4096
_TRIGGERS = ", ".join(f"char({ord(c)})" for c in FORMULA_TRIGGERS)
_RANGE = "log_id = ? AND seq BETWEEN ? AND ?"


def _neutralised(column: str) -> str:
    """views.neutralise as SQL."""
    return (f"CASE WHEN substr({column}, 1, 1) IN ({_TRIGGERS}) OR (length({column}) > 15 AND {column} NOT GLOB "
            f"'*[^0-9]*') THEN '''' || {column} ELSE {column} END")


def _filter_sql(wanted: EventFilter) -> tuple[str, list[str]]:
    """matching.matches as SQL (NULL columns never equal a wanted value, as None never equals a string)."""
    parts: list[str] = []
    params: list[str] = []
    for clause, value in (("occurred_at >= ?", wanted.since), ("occurred_at < ?", wanted.until),
                          ("actor = ?", wanted.actor),
                          ("event_type = ?", wanted.event_type.value if wanted.event_type else None),
                          ("category = ?", wanted.category), ("subject = ?", wanted.subject),
                          ("decision_kind = ?", wanted.decision_kind)):
        if value is not None:
            parts.append(clause)
            params.append(value)
    return (" AND ".join(parts) or "1"), params


class FastSqliteExport:
    def __init__(self, store: AuditStore, proof: ProofRange, wanted: EventFilter,
                 pseudonymiser: Pseudonymiser | None) -> None:
        self.store, self.proof, self.pseudonymiser = store, proof, pseudonymiser
        self.redacted = 0
        self.match_sql, self.match_params = _filter_sql(wanted)
        self.range_params = [store.log_id, proof.first_seq, proof.last_seq]

    def _chunks(self, connection: sqlite3.Connection, sql: str, params: list[Any], cancel: CancelToken | None,
                on_rows: Callable[[int], None]) -> Iterator[list[Any]]:
        cursor = connection.execute(sql, params)
        try:
            while chunk := cursor.fetchmany(CHUNK):
                check_cancel(cancel)
                yield chunk
                on_rows(len(chunk))
        finally:
            cursor.close()

    def write_lines(self, connection: sqlite3.Connection, events: IO[bytes], context: IO[bytes],
                    counts: dict[str, int], cancel: CancelToken | None, on_rows: Callable[[int], None]) -> None:
        sql = (f"SELECT CASE WHEN {self.match_sql} THEN 1 ELSE 0 END, "
               "CAST('{\"seq\":' || seq || ',\"envelope\":' AS BLOB) || envelope || X'7d0a' "
               f"FROM audit_event WHERE {_RANGE} ORDER BY seq")
        previous = connection.text_factory
        connection.text_factory = bytes  # the lines go to the file as they come: no decoding and re-encoding
        try:
            for chunk in self._chunks(connection, sql, [*self.match_params, *self.range_params], cancel, on_rows):
                matching = b"".join([row[1] for row in chunk if row[0]])
                others = b"".join([row[1] for row in chunk if not row[0]])
                if self.pseudonymiser is not None and (self.pseudonymiser.needs_redaction(matching)
                                                       or self.pseudonymiser.needs_redaction(others)):
                    matching = b"".join(self._line(row[1]) for row in chunk if row[0])  # rare: redact line by line
                    others = b"".join(self._line(row[1]) for row in chunk if not row[0])
                events.write(matching)
                context.write(others)
                n = sum(1 for row in chunk if row[0])
                counts["matching"] += n
                counts["context"] += len(chunk) - n
        finally:
            connection.text_factory = previous
        counts["redacted"] += self.redacted

    def _line(self, line: bytes) -> bytes:
        """A plain line, pseudonymised if it holds an author identity."""
        assert self.pseudonymiser is not None
        if not self.pseudonymiser.needs_redaction(line):
            return line
        head, _, rest = line.partition(b',"envelope":')
        envelope = rest[:-2]  # without "}\n"
        text, redacted = event_line(self.pseudonymiser, int(head[len(b'{"seq":'):]), envelope, leaf_hash(envelope))
        self.redacted += redacted is not None
        return text

    def write_views(self, connection: sqlite3.Connection, csv_view: CsvView | None, xlsx_view: XlsxView | None,
                    stats: ReportStats | None, cancel: CancelToken | None, on_rows: Callable[[int], None]) -> None:
        subject = ("CASE WHEN subject GLOB 'user:*' OR subject GLOB 'author:*' THEN modapp_pseudonym(subject) "
                   "ELSE subject END") if self.pseudonymiser else "subject"
        cells = [_neutralised(c) for c in ("occurred_at", "event_type", "actor", f"({subject})", "category",
                                           "decision_kind")]
        cells += ["json_extract(CAST(envelope AS TEXT), '$.body')", _neutralised("event_id")]
        params = [*self.range_params, *self.match_params]
        where = f"FROM audit_event WHERE {_RANGE} AND {self.match_sql} ORDER BY seq"
        if csv_view is not None and xlsx_view is None and stats is None:  # the common case: the CSV line in SQL
            line = " || ',' || ".join(["seq", *(f"'\"' || replace(coalesce({c}, ''), '\"', '\"\"') || '\"'"
                                                 for c in cells)]) + " || char(13, 10)"
            for chunk in self._chunks(connection, f"SELECT seq, {line} {where}", params, cancel, on_rows):
                text = "".join([row[1] for row in chunk])
                if self.pseudonymiser is not None and QUICK_CHECK_TEXT.search(text):
                    text = "".join(self._csv_line(connection, row[0], row[1]) for row in chunk)
                csv_view.file.write(text)
            return
        # XLSX or PDF too: plain cells (an XLSX string cell needs no escaping); the CSV escapes them in Python
        plain = ["occurred_at", "event_type", "actor", f"({subject})", "category", "decision_kind", cells[6],
                 "event_id"]
        sql = f"SELECT seq, {', '.join(plain)}, occurred_at, actor, event_type, category, decision_kind {where}"
        for chunk in self._chunks(connection, sql, params, cancel, on_rows):
            rows = [self._row(connection, row) for row in chunk]
            if csv_view is not None:
                for row in rows:
                    csv_view.write(row[:9])
            if xlsx_view is not None:
                for row in rows:
                    xlsx_view.write(row[:9])
            if stats is not None:
                for row in rows:
                    stats.add(*row[9:])

    def _payload(self, connection: sqlite3.Connection, seq: int) -> str | None:
        """The pseudonymised payload of one event, or None when it holds no author identity."""
        if self.pseudonymiser is None:
            return None
        envelope = bytes(connection.execute("SELECT envelope FROM audit_event WHERE log_id = ? AND seq = ?",
                                            (self.store.log_id, seq)).fetchone()[0])
        redacted = self.pseudonymiser.redact_envelope(envelope)
        return None if redacted is None else view_body(envelope, redacted)

    def _row(self, connection: sqlite3.Connection, row: tuple[Any, ...]) -> tuple[Any, ...]:
        if self.pseudonymiser is None or not QUICK_CHECK_TEXT.search(row[7] or ""):
            return row
        payload = self._payload(connection, row[0])
        return row if payload is None else (*row[:7], payload, *row[8:])

    def _csv_line(self, connection: sqlite3.Connection, seq: int, line: str) -> str:
        payload = self._payload(connection, seq) if QUICK_CHECK_TEXT.search(line) else None
        if payload is None:
            return line
        cells = next(csv.reader([line]))
        buffer = io.StringIO()
        csv.writer(buffer).writerow([*cells[:7], payload, *cells[8:]])
        return buffer.getvalue()

    def register(self, connection: sqlite3.Connection) -> None:
        if self.pseudonymiser is not None:
            connection.create_function("modapp_pseudonym", 1, self.pseudonymiser.subject, deterministic=True)


def write_sqlite(store: AuditStore, proof: ProofRange, wanted: EventFilter, pseudonymiser: Pseudonymiser | None,
                 files: tuple[IO[bytes], IO[bytes]], views: tuple[CsvView | None, XlsxView | None],
                 stats: ReportStats | None, counts: dict[str, int], progress: ProgressCallback | None,
                 cancel: CancelToken | None) -> None:
    """Two passes on two connections at once (SQLite and file writes let go of the GIL, so two cores share the
    work): every event of the range to its JSONL file, and the matching ones to the views."""
    export = FastSqliteExport(store, proof, wanted, pseudonymiser)
    with_views = views != (None, None) or stats is not None
    total = proof.size * (2 if with_views else 1)
    done = 0
    lock = threading.Lock()
    stop = CancelToken()  # set when either pass fails, so the other stops too

    def on_rows(count: int) -> None:
        nonlocal done
        with lock:
            done += count
            reached = min(done, total)
        if progress is not None:
            progress(reached, total)

    def lines() -> None:
        with store.reader.connect() as pooled:
            connection = _sqlite(pooled)
            export.register(connection)
            export.write_lines(connection, files[0], files[1], counts, _EitherToken(cancel, stop), on_rows)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="modapp-export") as pool:
        running = pool.submit(lines)
        try:
            if with_views:
                with store.reader.connect() as pooled:
                    connection = _sqlite(pooled)
                    export.register(connection)
                    export.write_views(connection, views[0], views[1], stats, _EitherToken(cancel, stop), on_rows)
        except BaseException:
            stop.cancel()
            raise
        finally:
            if not running.done() and cancel is not None and cancel.cancelled:
                stop.cancel()
        running.result()


def _sqlite(pooled: Any) -> sqlite3.Connection:
    connection = pooled.connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection


class _EitherToken(CancelToken):
    """Cancelled when either token is."""

    def __init__(self, first: CancelToken | None, second: CancelToken) -> None:
        super().__init__()
        self._tokens = [t for t in (first, second) if t is not None]

    @property
    def cancelled(self) -> bool:
        return any(token.cancelled for token in self._tokens)
