"""The CSV and XLSX writers on their own: what a spreadsheet will read back."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from moderator_app.audit.exports import views


def row(seq: int, payload: str = "{}", actor: str = "mod1") -> views.Row:
    return (seq, "2026-11-02T01:00:00Z", "decision_recorded", actor, "post:1", "10.7", "remove", payload, "e-1")


def test_a_sheet_also_ends_before_its_xml_gets_large_and_no_row_is_lost(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "SHEET_MAX_BYTES", 5_000)
    book = views.XlsxView(tmp_path / "big.xlsx")
    for start in range(1, 301, 30):
        book.write(views.xlsx_rows([row(seq, "x" * 200) for seq in range(start, start + 30)]))
    book.close()
    assert book.sheets > 5
    read = openpyxl.load_workbook(tmp_path / "big.xlsx", read_only=True)
    seqs = [r[0] for sheet in read.worksheets for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert seqs == list(range(1, 301))
    with zipfile.ZipFile(tmp_path / "big.xlsx") as archive:
        assert all(info.file_size < 2 * 5_000 for info in archive.infolist() if "worksheets" in info.filename)


def test_xlsx_text_escapes_what_xml_cannot_hold_and_cuts_at_excels_limit() -> None:
    assert views.xlsx_text("a\x07b\rc _x0041_ <&> \ufffe") == "a_x0007_b_x000D_c _x005F_x0041_ &lt;&amp;&gt; _xFFFE_"
    long = views.xlsx_text("😀" * 20_000)  # 40,000 UTF-16 units
    assert long.endswith(views.TRUNCATED) and len(long.encode("utf-16-le")) // 2 <= views.EXCEL_CELL_CHARS
    assert views.xlsx_text("长" * views.EXCEL_CELL_CHARS) == "长" * views.EXCEL_CELL_CHARS  # exactly the limit: kept


def test_csv_lines_quote_every_text_cell_and_neutralise_formulas_and_long_numbers() -> None:
    data = views.csv_lines([row(7, '{"a":"b,c"}', actor="=cmd"), row(8, actor="1234567890123456"),
                            row(9, actor="１２３４５６７８９０１２３４５６")])
    assert data.startswith(b'7,"2026-11-02T01:00:00Z",') and data.endswith(b'"e-1"\r\n')
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert [r[3] for r in parsed] == ["'=cmd", "'1234567890123456", "１２３４５６７８９０１２３４５６"]
    assert parsed[0][7] == '{"a":"b,c"}'
