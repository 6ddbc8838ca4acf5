"""The SQLite fast path writes byte for byte what the generic per-event loop writes (the one PostgreSQL uses), also
for the events that make a page take the Python path, and a PostgreSQL export verifies."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from moderator_app.audit.exports import bundle, report_pdf, sqlite_fast, views
from moderator_app.audit.exports.stream import write_generic
from moderator_app.audit.synthetic import synthetic_events
from moderator_app.core.audit import AuditEvent, EventFilter, EventType
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.exports import ExportResult, verify_export
from tests.exports.conftest import LEAD, Export, read_csv

# Events that each send their page down the Python path, for one reason each (the name says which).
PYTHON_PATH: dict[str, dict[str, Any]] = {
    "formula in a column": {"actor": '=HYPERLINK("http://x","y")'},
    "19-digit subject": {"subject": "12345678901234567890"},
    "a nested event_id": {"payload": {"inner": {"a": 1, "event_id": "e"}, "z": "x"}},
    "an author in the payload": {"payload": {"author": {"id": "1234567890123456789", "name": "王小明"}}},
}
# And ones the fast path writes itself (the XLSX cells go to XlsxWriter as they are).
FAST_PATH: dict[str, dict[str, Any]] = {
    "quotes and markup in columns": {"decision_kind": 'remove"x', "actor": "<mod&9>"},
    "XML trouble in the payload": {"payload": {"note": "a\x07b _x0041_ <&> \ufffe \uffff"}},
    "white space at the ends": {"actor": " mod7\t"},
    "longer than an Excel cell": {"payload": {"note": "长" * 40_000}},
    "control characters in a column": {"category": "10.7\r", "decision_kind": "remove\x1f"},
    "XlsxWriter's rich-string markup": {"actor": "<r><t>a</t></r></is><f>1+1</f><is><r><t>b</t></r>"},
    "a note only nested, and one that is not text": {"payload": {"a": {"note": "nested"}, "b": [{"note": 1}]}},
    "a note that is a number": {"payload": {"note": 5, "z": "{"}},
    "a note with escapes and a brace before it": {"payload": {"a": "{", "note": 'say "hi"\\ 你好\n'}},
}
TRICKY = {**PYTHON_PATH, **FAST_PATH}
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def csv_rows(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = read_csv(path)
    for row in rows:
        row["payload"] = json.loads(row["payload"])
    return rows


@pytest.mark.parametrize("wanted", [EventFilter(), EventFilter(actor="mod2", category="10.7"),
                                    EventFilter(subject="post:4711")])
def test_the_fast_path_writes_what_the_generic_loop_writes(export: Export, monkeypatch: pytest.MonkeyPatch,
                                                           wanted: EventFilter) -> None:
    fast = export(wanted, ("csv", "pdf"), name="fast")
    monkeypatch.setattr(bundle, "write_sqlite", write_generic)
    slow = export(wanted, ("csv", "pdf"), name="slow")
    # the slow export's range also holds the first export's own export_made event, at its end
    assert slow.matching + slow.context == fast.matching + fast.context + 1 and slow.redacted == fast.redacted
    for name in ("data/events.jsonl", "verification/context.jsonl"):
        fast_lines = [line for line in (fast.out / name).read_bytes().split(b"\n") if line]
        slow_lines = [line for line in (slow.out / name).read_bytes().split(b"\n") if line]
        assert fast_lines == slow_lines[:len(fast_lines)]
    fast_rows = csv_rows(fast.out / "data" / "events.csv")
    assert fast_rows == csv_rows(slow.out / "data" / "events.csv")[:len(fast_rows)]
    assert verify_export(fast.out).ok and verify_export(slow.out).ok


def add_tricky_events(audit_log: AuditLogService) -> None:
    for number, (_reason, fields) in enumerate(TRICKY.items()):
        fields = {"actor": "mod2", "subject": "post:9", "category": "10.7", "decision_kind": "remove", **fields}
        audit_log.append(AuditEvent.new(EventType.DECISION_RECORDED, workstation="ws-test", **fields))
        # each on a page of its own (generate refuses a log holding real events: these are appended as real ones)
        audit_log.append_many(list(islice(synthetic_events(40, seed=100 + number, after_seq=1000 * number), 40)))


def sheet_rows(result: ExportResult) -> list[list[openpyxl.cell.cell.Cell]]:
    """The workbook's data rows as a spreadsheet library reads them."""
    book = openpyxl.load_workbook(result.out / "data" / "events.xlsx")
    return [list(row) for sheet in book.worksheets for row in sheet.iter_rows(min_row=2)]


def same_sheet_start(fast: ExportResult, slow: ExportResult) -> bool:
    """The fast export's rows, cell for cell, are the first rows of the slow one (which adds its export_made)."""
    fast_rows, slow_rows = sheet_rows(fast), sheet_rows(slow)
    return bool(fast_rows) and [[(c.value, c.data_type) for c in r] for r in fast_rows] == [
        [(c.value, c.data_type) for c in r] for r in slow_rows[:len(fast_rows)]]


@pytest.fixture
def through_python(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The seqs the SQLite path sends through the per-event loop."""
    seqs: list[int] = []
    original = sqlite_fast.route_event

    def route_event(row: Any, *args: Any) -> Any:
        seqs.append(row[0])
        return original(row, *args)

    monkeypatch.setattr(sqlite_fast, "route_event", route_event)
    return seqs


@pytest.mark.parametrize("wanted", [EventFilter(), EventFilter(actor="mod2"), EventFilter(category="10.7")])
def test_pages_with_rare_events_are_written_as_the_generic_loop_writes_them(
        export: Export, audit_log: AuditLogService, monkeypatch: pytest.MonkeyPatch, wanted: EventFilter,
        through_python: list[int]) -> None:
    add_tricky_events(audit_log)
    monkeypatch.setattr(sqlite_fast, "CHUNK", 32)
    stats = []
    monkeypatch.setattr(report_pdf, "write_pdf", lambda path, counted, *args: stats.append(counted))
    fast = export(wanted, ("csv", "xlsx", "pdf"), name="fast")
    monkeypatch.setattr(bundle, "write_sqlite", write_generic)
    slow = export(wanted, ("csv", "xlsx", "pdf"), name="slow")
    # only the rare events (and the fixture's two with author identities) took the per-event loop
    assert 1 <= len(through_python) <= len(PYTHON_PATH) + 2
    if wanted == EventFilter():
        assert len(through_python) >= len(PYTHON_PATH)
    for name in ("data/events.jsonl", "verification/context.jsonl", "data/events.csv"):
        assert (slow.out / name).read_bytes().startswith((fast.out / name).read_bytes()), name
    assert same_sheet_start(fast, slow)
    assert fast.redacted == slow.redacted > 0
    first, second = stats
    assert first.total > 0 and first.by_type == second.by_type - Counter({"export_made": 1})
    assert (first.by_day, first.by_category, first.by_moderator, first.by_kind) == (
        second.by_day, second.by_category, second.by_moderator, second.by_kind)
    assert verify_export(fast.out).ok


def test_an_xlsx_only_export_sends_only_uncertain_payloads_and_authors_through_python(
        export: Export, audit_log: AuditLogService, monkeypatch: pytest.MonkeyPatch,
        through_python: list[int]) -> None:
    add_tricky_events(audit_log)
    monkeypatch.setattr(sqlite_fast, "CHUNK", 32)
    fast = export(EventFilter(), ("xlsx",), name="fast")
    # the nested event_id, the author in a payload and the fixture's two author identities: no CSV reason here
    assert 2 <= len(through_python) <= 4
    monkeypatch.setattr(bundle, "write_sqlite", write_generic)
    slow = export(EventFilter(), ("xlsx",), name="slow")
    assert same_sheet_start(fast, slow) and fast.redacted == slow.redacted > 0


def excel_text(value: str) -> str:
    """A cell's text as Excel shows it: openpyxl leaves the file's _xHHHH_ escapes as they are."""
    return _EXCEL_ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), value)


def test_the_xlsx_reads_back_cell_for_cell_as_the_csv_shows_it(export: Export, audit_log: AuditLogService,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    add_tricky_events(audit_log)
    monkeypatch.setattr(sqlite_fast, "CHUNK", 32)
    result = export(EventFilter(), ("csv", "xlsx"))
    with (result.out / "data" / "events.csv").open(encoding="utf-8-sig", newline="") as handle:
        csv_rows = list(csv.reader(handle))[1:]
    rows = sheet_rows(result)
    assert len(rows) == len(csv_rows) == result.matching
    truncated = 0
    for row, expected in zip(rows, csv_rows, strict=True):
        assert row[0].data_type == "n" and all(cell.data_type in ("s", "n") for cell in row[1:])
        assert all(cell.data_type == "s" for cell in row[1:] if cell.value is not None)  # never a formula
        shown = [cell[1:] if cell.startswith("'") and views.neutralise(cell[1:]) == cell else cell
                 for cell in expected]  # the CSV neutralises formulas and long numbers; the XLSX keeps text cells
        values = [str(row[0].value)] + [excel_text(cell.value or "") for cell in row[1:]]  # "" is a blank cell
        for value, cell in zip(values, shown, strict=True):
            if value.endswith(views.TRUNCATED):
                truncated += 1
                assert len(value.encode("utf-16-le")) // 2 <= views.EXCEL_CELL_CHARS
                assert cell.startswith(value.removesuffix(views.TRUNCATED))
            else:
                assert value == cell
    assert truncated == 2  # the 40,000-character note: in its own column and in the payload


def test_the_page_checks_name_the_rows_that_need_python() -> None:
    row = b"1,\xfaa\xf9,\xfab\xf9,\xfac\xf9,\xfad\xf9,\xfae\xf9,\xfaf\xf9,\xfan\xf9,\xfa{}\xf9,\xfaid\xf9\r\n"
    assert sqlite_fast.finish_csv(row) == b'1,"a","b","c","d","e","f","n","{}","id"\r\n'
    page = [row, row.replace(b"a", b"\xfb"), row, row.replace(b"a", b"-a"), row.replace(b"id", b"1234567890123456")]
    assert sqlite_fast.csv_trouble(page, b"".join(page)) == {1, 3, 4}  # a placeholder byte in the data (never
    assert sqlite_fast.csv_trouble([row] * 3, row * 3) == set()  # valid UTF-8), a formula trigger, 16 digits


@pytest.mark.postgres
def test_a_postgresql_export_verifies(open_log: Callable[..., AuditLogService], pg_url: str, tmp_path: Path) -> None:
    from moderator_app.services.exports import ExportSpec, export_audit

    audit_log = open_log(pg_url, checkpoint_interval=200)
    audit_log.generate(700, seed=3)
    result = export_audit(audit_log, ExportSpec(EventFilter(actor="mod1"), ("csv", "xlsx"), tmp_path / "pg"), LEAD,
                          workstation="ws-test", data_dir=tmp_path / "ws")
    report = verify_export(result.out)
    assert report.ok, report.problems
    assert report.matching == result.matching > 0 and report.context > 0
