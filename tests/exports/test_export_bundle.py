"""Export bundles against a real SQLite audit log: complete for the filter, unaltered, and checkable offline."""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

from moderator_app.audit.exports import sqlite_fast, views
from moderator_app.core.audit import AuditEvent, CancelToken, EventFilter, EventType
from moderator_app.core.errors import PermissionDenied, UsageError
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.exports import ExportCancelled, verify_export
from tests.exports.conftest import AUTHOR_ID, AUTHOR_NAME, FORMULA, MODERATOR, Export, read_csv, resign

EVERY_FORMAT = ("csv", "xlsx", "jsonl", "pdf")
FILTERED = EventFilter(actor="mod2", category="10.7")


def jsonl_seqs(path: Path) -> list[int]:
    return [json.loads(line)["seq"] for line in path.read_bytes().split(b"\n") if line]


def test_a_filtered_export_holds_exactly_the_matching_events_and_verifies(
        export: Export, audit_log: AuditLogService) -> None:
    result = export(FILTERED, ("csv", "jsonl"))
    expected = [e.seq for e in audit_log.events(FILTERED, limit=100_000)]
    assert expected and jsonl_seqs(result.out / "data" / "events.jsonl") == expected
    report = verify_export(result.out)
    assert report.ok, report.problems
    assert report.matching == len(expected) and report.context > 0
    recorded = audit_log.events(EventFilter(event_type=EventType.EXPORT_MADE, actor="lead1"))[-1]
    body = json.loads(recorded.envelope)["body"]
    assert body["export_id"] == result.export_id and body["manifest_sha256"] == result.manifest_sha256
    assert body["filter"]["actor"] == "mod2" and body["include_pii"] is False


def test_a_date_range_export_proves_only_the_stretch_between_its_checkpoints(
        export: Export, audit_log: AuditLogService) -> None:
    stamps = [e.occurred_at for e in audit_log.events(limit=5000)]
    wanted = EventFilter(since=stamps[1200], until=stamps[1800])
    result = export(wanted, ("jsonl",))
    report = verify_export(result.out)
    assert report.ok, report.problems
    assert report.first_seq == 1001 and report.last_seq == 2000 and report.matching == 600


@pytest.mark.parametrize("name", ["data/events.jsonl", "verification/context.jsonl", "data/events.csv",
                                  "data/events.xlsx", "data/report.pdf", "VERIFY.md", "manifest.json",
                                  "manifest.sig"])
def test_a_one_byte_change_in_any_file_fails(export: Export, name: str) -> None:
    result = export(FILTERED, EVERY_FORMAT)
    path = result.out / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    report = verify_export(result.out)
    assert not report.ok
    assert any(name in problem or "signature" in problem for problem in report.problems), report.problems


def test_a_removed_row_fails_even_when_the_exporter_re_signs(export: Export, audit_log: AuditLogService) -> None:
    result = export(FILTERED, ("jsonl",))
    events = result.out / "data" / "events.jsonl"
    lines = events.read_bytes().split(b"\n")
    removed = json.loads(lines[3])["seq"]
    events.write_bytes(b"\n".join(lines[:3] + lines[4:]))
    report = verify_export(result.out)
    assert any("data/events.jsonl: SHA-256 differs" in p for p in report.problems)
    resign(result.out, audit_log)
    report = verify_export(result.out)
    assert report.problems == [f"seq {removed}: missing from the export (the proven range is "
                               f"{report.first_seq}..{report.last_seq})"]


def test_a_withheld_matching_event_fails(export: Export, audit_log: AuditLogService) -> None:
    """Moved to the context file (still chained) and re-signed: the filter check names it."""
    result = export(FILTERED, ("jsonl",))
    events, context = result.out / "data" / "events.jsonl", result.out / "verification" / "context.jsonl"
    lines = events.read_bytes().split(b"\n")
    withheld = lines.pop(2)
    seq = json.loads(withheld)["seq"]
    events.write_bytes(b"\n".join(lines))
    others = [line for line in context.read_bytes().split(b"\n") if line] + [withheld]
    context.write_bytes(b"\n".join(sorted(others, key=lambda line: json.loads(line)["seq"])) + b"\n")
    resign(result.out, audit_log)
    report = verify_export(result.out)
    assert report.problems == [f"seq {seq}: matches the filter but was withheld from data/events.jsonl"]


def test_an_altered_event_re_signed_does_not_reach_the_checkpoint(export: Export, audit_log: AuditLogService) -> None:
    result = export(FILTERED, ("jsonl",))
    events = result.out / "data" / "events.jsonl"
    events.write_bytes(events.read_bytes().replace(b'"decision_kind":"remove"', b'"decision_kind":"warn"', 1))
    resign(result.out, audit_log)
    assert "do not chain to checkpoint_to" in verify_export(result.out).problems[0]


def test_a_file_added_to_the_bundle_fails(export: Export) -> None:
    result = export(FILTERED, ("jsonl",))
    (result.out / "data" / "extra.csv").write_text("seq\n1\n")
    assert verify_export(result.out).problems == ["data/extra.csv: not listed in the manifest (added after the export)"]


def test_untrusted_signing_keys_fail(export: Export) -> None:
    result = export(FILTERED, ("jsonl",))
    report = verify_export(result.out, trusted_keys=frozenset({"0000000000000000"}))
    assert any("not one of the trusted keys" in p for p in report.problems)
    assert verify_export(result.out, trusted_keys=frozenset({report.signer_key_id})).ok


def test_the_csv_opens_with_chinese_intact_and_formulas_shown_as_text(export: Export) -> None:
    result = export(EventFilter(actor="mod2"), ("csv",))
    raw = (result.out / "data" / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = read_csv(result.out / "data" / "events.csv")
    row = next(r for r in rows if "谣言" in r["payload"])
    assert row["subject"].startswith("post:") and "谣言：某地发生地震" in row["payload"]
    assert views.neutralise(FORMULA) == "'" + FORMULA
    assert views.neutralise(AUTHOR_ID) == "'" + AUTHOR_ID and views.neutralise("12345") == "12345"
    assert not any(cell.startswith(views.FORMULA_TRIGGERS) for r in rows for cell in r.values())


def test_a_chinese_export_has_chinese_headers_and_the_note_in_its_own_column(export: Export) -> None:
    result = export(EventFilter(actor="mod2", subject="post:4711"), ("csv", "xlsx"), language="zh_CN")
    rows = read_csv(result.out / "data" / "events.csv", "zh")  # checks the header row: 序号, 发生时间（UTC）, …
    assert [row["note"] for row in rows] == ["'" + FORMULA]  # neutralised, and no longer only inside the payload
    sheet = openpyxl.load_workbook(result.out / "data" / "events.xlsx")["events-1"]
    assert sheet["H1"].value == "备注" and sheet["H2"].value == FORMULA and sheet.freeze_panes == "A2"
    manifest = json.loads((result.out / "manifest.json").read_bytes())
    assert manifest["columns"] == list(views.COLUMNS) and manifest["column_headers"] == list(views.HEADERS["zh"])
    assert manifest["language"] == "zh" and verify_export(result.out).ok


def test_xlsx_writes_text_cells_and_splits_over_sheets_without_losing_rows(
        export: Export, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "SHEET_DATA_ROWS", 100)
    result = export(EventFilter(actor="mod2"), ("xlsx",))
    with zipfile.ZipFile(result.out / "data" / "events.xlsx") as book:
        sheets = sorted(n for n in book.namelist() if n.startswith("xl/worksheets/sheet"))
        rows = sum(book.read(n).count(b"<row ") - 1 for n in sheets)
        text = b"".join(book.read(n) for n in sheets).decode("utf-8")
    assert len(sheets) == -(-result.matching // 100) > 1 and rows == result.matching
    assert "<f>" not in text and "谣言" in text
    manifest = json.loads((result.out / "manifest.json").read_bytes())
    assert manifest["xlsx_sheets"] == len(sheets)
    book = openpyxl.load_workbook(result.out / "data" / "events.xlsx", read_only=True)
    assert book.sheetnames == [f"events-{n}" for n in range(1, len(sheets) + 1)]
    assert sum(len(list(sheet.iter_rows())) - 1 for sheet in book.worksheets) == result.matching


def test_the_xlsx_opens_in_a_spreadsheet_library_with_formulas_and_long_ids_as_text(
        export: Export, audit_log: AuditLogService) -> None:
    audit_log.append(AuditEvent.new(EventType.DECISION_RECORDED, actor=FORMULA, workstation="ws-test",
                                    subject=AUTHOR_ID, category="10.7", decision_kind="remove",
                                    payload={"note": "谣言：某地发生地震"}))
    result = export(EventFilter(category="10.7"), ("xlsx",), include_pii=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. "Workbook contains no default style"
        book = openpyxl.load_workbook(result.out / "data" / "events.xlsx")
    rows = list(book["events-1"].iter_rows())
    assert [cell.value for cell in rows[0]] == list(views.HEADERS["en"])
    row = next(r for r in rows if r[3].value == FORMULA)
    assert [cell.data_type for cell in row] == ["n"] + ["s"] * 9  # the seq a number, the rest text, no formula
    assert row[4].value == AUTHOR_ID and json.loads(row[8].value) == {"note": "谣言：某地发生地震"}
    assert row[7].value == "谣言：某地发生地震"  # the moderator's note in a column of its own
    assert all(isinstance(r[0].value, int) for r in rows[1:]) and len(rows) == result.matching + 1


def test_author_identities_are_pseudonymised_by_default(export: Export) -> None:
    result = export(EventFilter(), EVERY_FORMAT)
    for path in result.out.rglob("*"):
        if path.is_file() and path.suffix != ".pdf":
            data = path.read_bytes()
            assert AUTHOR_ID.encode() not in data and AUTHOR_NAME.encode() not in data, path
    report = verify_export(result.out)
    assert report.ok, report.problems
    assert report.redacted == 2


def test_exports_are_for_leads_only_and_include_pii_is_recorded(export: Export, audit_log: AuditLogService,
                                                                 tmp_path: Path) -> None:
    for include_pii in (False, True):
        with pytest.raises(PermissionDenied, match="mod9 is not a lead"):
            export(EventFilter(), ("jsonl",), user=MODERATOR, include_pii=include_pii)
    assert not (tmp_path / "bundle").exists()
    result = export(EventFilter(), ("jsonl",), include_pii=True, name="pii")
    assert AUTHOR_ID.encode() in (result.out / "data" / "events.jsonl").read_bytes()
    assert verify_export(result.out).redacted == 0
    recorded = audit_log.events(EventFilter(event_type=EventType.EXPORT_MADE, actor="lead1"))[-1]
    assert json.loads(recorded.envelope)["body"]["include_pii"] is True


def test_a_cancelled_export_leaves_nothing_behind(export: Export, monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setattr(sqlite_fast, "CHUNK", 100)
    cancel, seen = CancelToken(), []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        cancel.cancel()

    with pytest.raises(ExportCancelled):
        export(EventFilter(), ("csv", "xlsx"), progress=progress, cancel=cancel)
    # each of the two passes (JSONL, views) stops at its next page
    assert 1 <= len(seen) <= 4 and max(seen) <= 400 and not (tmp_path / "bundle").exists()


def test_a_cancel_while_the_workbook_is_assembled_still_leaves_nothing_behind(
        export: Export, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cancel, assemble = CancelToken(), views.XlsxView.close

    def close(view: views.XlsxView) -> None:
        cancel.cancel()  # the user presses Cancel while XlsxWriter writes the zip
        assemble(view)

    monkeypatch.setattr(views.XlsxView, "close", close)
    with pytest.raises(ExportCancelled):
        export(EventFilter(), ("xlsx",), cancel=cancel)
    assert not (tmp_path / "bundle").exists()


def test_an_export_never_writes_into_a_folder_with_files(export: Export, tmp_path: Path) -> None:
    (tmp_path / "bundle").mkdir()
    (tmp_path / "bundle" / "keep.txt").write_text("mine")
    with pytest.raises(UsageError, match="is not empty"):
        export(EventFilter(), ("csv",))
    assert (tmp_path / "bundle" / "keep.txt").read_text() == "mine"


def test_the_pdf_report_embeds_its_chinese_font(export: Export) -> None:
    result = export(FILTERED, ("pdf",))
    pdf = (result.out / "data" / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"FontFile2" in pdf


def test_a_missing_cjk_font_is_named(export: Export, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from moderator_app.audit.exports import report_stats

    monkeypatch.setattr(report_stats, "FONT_CANDIDATES", ())
    monkeypatch.setenv("MODAPP_CJK_FONT", str(tmp_path / "nope.ttf"))
    with pytest.raises(UsageError, match="fonts-wqy-microhei"):
        export(FILTERED, ("pdf",))
    assert not (tmp_path / "bundle").exists()

