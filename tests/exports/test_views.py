"""The CSV and XLSX writers on their own: what a spreadsheet will read back."""

from __future__ import annotations

import csv
import gc
import io
import re
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

from moderator_app.audit.exports import views

LONG_ID = "1234567890123456789"
MARKUP = '<r><t>a</t></r></is><f>HYPERLINK("http://x","y")</f><is><r><t>b</t></r>'
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def row(seq: int, payload: str = "{}", actor: str = "mod1", subject: str = "post:1") -> views.Row:
    return (seq, "2026-11-02T01:00:00Z", "decision_recorded", actor, subject, "10.7", "remove", "a note", payload,
            "e-1")


def excel_text(value: object) -> object:
    """A cell's text as Excel shows it: openpyxl leaves the _xHHHH_ escapes of the file as they are."""
    if not isinstance(value, str):
        return value
    return _EXCEL_ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), value)


def write_book(path: Path, pages: list[list[views.Row]]) -> views.XlsxView:
    book = views.XlsxView(path)
    for page in pages:
        book.write(page)
    book.close()
    return book


def read_rows(path: Path) -> list[list[openpyxl.cell.cell.Cell]]:
    workbook = openpyxl.load_workbook(path)
    return [list(r) for sheet in workbook.worksheets for r in sheet.iter_rows(min_row=2)]


def test_cells_are_text_as_written_never_formulas_numbers_or_links(tmp_path: Path) -> None:
    payload = '{"note":"谣言：某地发生地震","url":"http://example.com"}'
    odd = "a\x07b\rc _x0041_ <&> \ufffe"
    write_book(tmp_path / "v.xlsx", [[row(7, payload, actor="=cmd|' /C calc'!A0", subject=LONG_ID),
                                      row(8, actor=odd, subject=" post:2\t"), row(9, actor="+1", subject="1e5")]])
    first, second, third = read_rows(tmp_path / "v.xlsx")
    assert [cell.data_type for cell in first] == ["n"] + ["s"] * 9  # the seq a number, no formula anywhere
    assert first[0].value == 7 and first[3].value == "=cmd|' /C calc'!A0"
    assert first[4].value == LONG_ID and first[8].value == payload  # 19 digits exact; Chinese intact; no link
    assert excel_text(second[3].value) == odd and second[4].value == " post:2\t"
    assert [cell.value for cell in third[3:5]] == ["+1", "1e5"] and third[4].data_type == "s"


def test_a_value_that_looks_like_xlsxwriter_markup_stays_text(tmp_path: Path) -> None:
    """XlsxWriter (constant_memory) would write '<r>…</r>' into the sheet XML unescaped: a formula could ride in."""
    write_book(tmp_path / "v.xlsx", [[row(1, actor=MARKUP, subject="<r></r>"), row(2)]])
    with zipfile.ZipFile(tmp_path / "v.xlsx") as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    first, second = read_rows(tmp_path / "v.xlsx")
    assert [cell.data_type for cell in first] == ["n"] + ["s"] * 9
    assert (first[3].value, first[4].value) == (MARKUP, "<r></r>") and second[3].value == "mod1"


def test_a_cell_over_excels_limit_is_cut_with_a_note_and_the_rest_of_the_row_kept(tmp_path: Path) -> None:
    write_book(tmp_path / "v.xlsx", [[row(1, "😀" * 20_000), row(2, "长" * views.EXCEL_CELL_CHARS)]])
    cut, kept = read_rows(tmp_path / "v.xlsx")  # 40,000 UTF-16 units; exactly the limit
    assert cut[8].value.endswith(views.TRUNCATED) and cut[8].value.startswith("😀" * 1000)
    assert len(cut[8].value.encode("utf-16-le")) // 2 <= views.EXCEL_CELL_CHARS and cut[9].value == "e-1"
    assert kept[8].value == "长" * views.EXCEL_CELL_CHARS


def test_sheets_split_at_the_row_limit_without_losing_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "SHEET_DATA_ROWS", 25)
    book = write_book(tmp_path / "v.xlsx", [[row(seq) for seq in range(start, start + 30)] for start in (1, 31, 61)])
    workbook = openpyxl.load_workbook(tmp_path / "v.xlsx", read_only=True)
    assert book.sheets == 4 and workbook.sheetnames == ["events-1", "events-2", "events-3", "events-4"]
    sheets = [list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets]
    assert all(rows[0] == views.HEADERS["en"] for rows in sheets)
    assert [len(rows) - 1 for rows in sheets] == [25, 25, 25, 15]
    assert [r[0] for rows in sheets for r in rows[1:]] == list(range(1, 91))


def test_a_sheet_also_ends_before_its_xml_gets_large_and_no_row_is_lost(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "SHEET_MAX_BYTES", 5_000)
    book = write_book(tmp_path / "big.xlsx", [[row(seq, "x" * 200) for seq in range(start, start + 30)]
                                              for start in range(1, 301, 30)])
    assert book.sheets > 5
    read = openpyxl.load_workbook(tmp_path / "big.xlsx", read_only=True)
    seqs = [r[0] for sheet in read.worksheets for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert seqs == list(range(1, 301))
    with zipfile.ZipFile(tmp_path / "big.xlsx") as archive:
        assert all(info.file_size < 2 * 5_000 for info in archive.infolist() if "worksheets" in info.filename)


def test_an_abandoned_workbook_closes_its_temporary_files_in_the_bundle_folder(tmp_path: Path) -> None:
    book = views.XlsxView(tmp_path / "v.xlsx")
    book.write([row(1)])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book.abandon()
        del book
        gc.collect()
    assert not [warning for warning in caught if issubclass(warning.category, ResourceWarning)]
    assert not (tmp_path / "v.xlsx").exists()
    assert list(tmp_path.iterdir())  # the sheet's rows, beside the workbook: the bundle removes them with itself


def test_csv_lines_quote_every_text_cell_and_neutralise_formulas_and_long_numbers() -> None:
    data = views.csv_lines([row(7, '{"a":"b,c"}', actor="=cmd"), row(8, actor="1234567890123456"),
                            row(9, actor="１２３４５６７８９０１２３４５６")])
    assert data.startswith(b'7,"2026-11-02T01:00:00Z",') and data.endswith(b'"e-1"\r\n')
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert [r[3] for r in parsed] == ["'=cmd", "'1234567890123456", "１２３４５６７８９０１２３４５６"]
    assert parsed[0][8] == '{"a":"b,c"}'


def test_every_sheet_has_set_column_widths_a_frozen_header_and_headers_in_the_exports_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "SHEET_DATA_ROWS", 2)
    book = views.XlsxView(tmp_path / "v.xlsx", "zh_CN")
    book.write([row(1), row(2), row(3)])
    book.close()
    workbook = openpyxl.load_workbook(tmp_path / "v.xlsx")
    assert workbook.sheetnames == ["events-1", "events-2"]
    for sheet in workbook.worksheets:
        assert [cell.value for cell in sheet[1]] == ["序号", "发生时间（UTC）", "事件类型", "审核员", "对象", "类别",
                                                     "处理决定", "备注", "载荷（JSON）", "事件编号"]
        assert sheet.freeze_panes == "A2"  # the header row stays while scrolling
        widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJ"}
        assert widths["H"] >= 40 and widths["I"] >= 60 and widths["B"] >= 20  # note, payload, timestamp readable


def test_the_csv_header_is_in_the_exports_language_after_a_bom() -> None:
    assert views.csv_header("zh").startswith(views.BOM + '"序号","发生时间（UTC）"'.encode())
    assert views.csv_header("en").endswith(b'"note","payload (JSON)","event id"\r\n')
    assert views.csv_header("zh_CN") == views.csv_header("zh")
