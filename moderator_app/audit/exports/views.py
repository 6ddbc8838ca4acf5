"""Human views of the matching events: CSV for Excel (UTF-8 with BOM) and XLSX (XlsxWriter, constant memory).

Integrity is proved over data/events.jsonl (the canonical bytes); these views are hashed in the manifest like every
file, and the escaping they apply is stated there (CSV_ESCAPING).

The CSV view takes its rows already formatted, as bytes (``csv_lines`` formats Python rows; sqlite_fast.py formats
whole pages inside SQLite to the same bytes) and is hashed as it is written. The XLSX view takes Python rows
(``Row``: the values the CSV gets before its escaping); the bundle hashes the finished workbook once after close."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

COLUMNS = ("seq", "occurred_at", "event_type", "actor", "subject", "category", "decision_kind", "note", "payload",
           "event_id")
# The header row people read, in the export's language (the manifest names the columns by COLUMNS).
HEADERS = {
    "en": ("seq", "occurred at (UTC)", "event type", "moderator", "subject", "category", "decision", "note",
           "payload (JSON)", "event id"),
    "zh": ("序号", "发生时间（UTC）", "事件类型", "审核员", "对象", "类别", "处理决定", "备注", "载荷（JSON）",
           "事件编号"),
}
LANGUAGES = tuple(HEADERS)
# Characters a column shows in a spreadsheet (XLSX): wide enough for a timestamp, an event type, a note.
COLUMN_WIDTHS = (9, 21, 20, 14, 18, 10, 14, 40, 60, 38)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_TRIGGER_CHARS = frozenset(FORMULA_TRIGGERS)
EXCEL_MAX_ROWS = 1_048_576
SHEET_DATA_ROWS = EXCEL_MAX_ROWS - 1  # the first row of every sheet is the header
SHEET_MAX_BYTES = 1 << 30  # a sheet part stays far below 2 GiB, where a zip member would need Zip64
EXCEL_CELL_CHARS = 32_767  # Excel's limit, in UTF-16 units
TRUNCATED = "…[truncated: Excel holds 32,767 characters a cell; the whole value is in data/events.jsonl]"
CSV_ESCAPING = ("a cell starting with = + - @ TAB or CR, or made of 16 or more digits (Excel keeps 15), is written "
                "with a leading apostrophe ('); the canonical values are in data/events.jsonl")
BOM = b"\xef\xbb\xbf"

Row = tuple[int, str, str, str, str, str, str, str, str, str]


def export_language(language: str | None) -> str:
    """"zh", "zh_CN" (the UI's setting) or "en"; anything else is refused by the caller's choices."""
    return "zh" if (language or "zh").startswith("zh") else "en"


def headers(language: str) -> tuple[str, ...]:
    return HEADERS[export_language(language)]


def note_of(body: object) -> str:
    """The moderator's note: the payload's top-level "note" when it is text (as SQLite's json_type 'text')."""
    note = body.get("note") if isinstance(body, dict) else None
    return note if isinstance(note, str) else ""


def neutralise(cell: str) -> str:
    """OWASP / CWE-1236: a spreadsheet must show the text, never evaluate it or round a long id (of ASCII digits,
    which is what a spreadsheet reads as a number)."""
    if cell and (cell[0] in _TRIGGER_CHARS or (len(cell) > 15 and cell.isascii() and cell.isdigit())):
        return "'" + cell
    return cell


class HashedFile:
    """A binary file that hashes what is written to it, so the bundle never reads its own files back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] = path.open("wb")
        self._digest = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self._digest.update(data)  # hashlib and file writes let go of the GIL
        self._file.write(data)

    def close(self) -> None:
        self._file.close()

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


# -- CSV ------------------------------------------------------------------------------------------------------------
def csv_lines(rows: Iterable[Row]) -> bytes:
    """Every text cell quoted (quotes doubled) and neutralised, the seq bare, CRLF line ends."""
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n").writerows(
        (row[0], *(neutralise(cell) for cell in row[1:])) for row in rows)
    return buffer.getvalue().encode("utf-8")


def csv_header(language: str = "en") -> bytes:
    """The BOM (Excel and LibreOffice then read UTF-8 without asking) and the quoted header row."""
    return BOM + ",".join(f'"{name}"' for name in headers(language)).encode("utf-8") + b"\r\n"


class CsvView:
    def __init__(self, path: Path, language: str = "en") -> None:
        self.file = HashedFile(path)
        self.file.write(csv_header(language))

    def write(self, lines: bytes) -> None:
        self.file.write(lines)

    def close(self) -> None:
        self.file.close()


# -- XLSX -----------------------------------------------------------------------------------------------------------
_ROW_MARKUP = 480  # bytes of sheet XML around a row's values (row and cell elements), about
_ESCAPED = b"&<>" + bytes(set(range(0x20)) - set(b"\t\n"))  # written as entities or _xHHHH_ (up to 6 bytes more)


def _xml_size(text: str, rows: int) -> int:
    """About how many bytes of sheet XML ``rows`` rows take whose text cells, joined, are ``text``."""
    data = text.encode("utf-8")
    return rows * _ROW_MARKUP + len(data) + 6 * (len(data) - len(data.translate(None, _ESCAPED)))


def fit_cell(value: str) -> str:
    """A value cut at Excel's cell limit (in UTF-16 units) with a visible note, where XlsxWriter would cut it
    silently (returning -2)."""
    if len(value) <= EXCEL_CELL_CHARS // 2:
        return value
    units = value.encode("utf-16-le")
    if len(units) <= 2 * EXCEL_CELL_CHARS:
        return value
    keep = 2 * (EXCEL_CELL_CHARS - len(TRUNCATED))
    return units[:keep].decode("utf-16-le", errors="ignore") + TRUNCATED


def _rich_markup(value: str) -> bool:
    """In constant_memory mode XlsxWriter writes a string that starts with <r> and ends with </r> into the sheet
    as XML, unescaped (it takes it for its own rich-string markup): such a value could carry a formula."""
    return value.startswith("<r>") and value.endswith("</r>")


class XlsxView:
    """XlsxWriter in constant_memory mode: a row in memory, each sheet's rows in a temporary file until close, kept
    in the bundle's data folder (the space is taken where the export goes, not in a /tmp that may be RAM, and a
    cancelled export's go with it). Every column but the seq is written as a string, never a formula, number or
    link; a new sheet starts before Excel's row limit, and before a sheet's XML nears the 2 GiB a zip member holds
    without Zip64 (whose Excel support is patchy)."""

    def __init__(self, path: Path, language: str = "en") -> None:
        import xlsxwriter  # only when an XLSX is asked for

        self._headers = headers(language)

        self._book = xlsxwriter.Workbook(str(path), {
            "constant_memory": True, "tmpdir": str(path.parent),
            "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False})
        self._sheet: Any = None
        self._rows = 0  # data rows in the current sheet
        self._bytes = 0  # its XML, estimated
        self.sheets = 0
        self._new_sheet()

    def _new_sheet(self) -> None:
        self.sheets += 1
        self._sheet = self._book.add_worksheet(f"events-{self.sheets}")
        for column, width in enumerate(COLUMN_WIDTHS):
            self._sheet.set_column(column, column, width)
        self._sheet.freeze_panes(1, 0)  # the header row stays in view while scrolling
        self._check(self._sheet.write_row(0, 0, self._headers), 0)
        self._rows = self._bytes = 0

    def write(self, rows: list[Row]) -> None:
        """A page of rows. One look over the whole page tells whether a row needs more than ``write_row``: a new
        sheet, a cell to cut, a value to write as a rich string."""
        cells = [cell for row in rows for cell in row[1:]]
        text = "\n".join(cells)
        size = _xml_size(text, len(rows))
        if ("<r>" in text or max(map(len, cells), default=0) > EXCEL_CELL_CHARS // 2
                or self._rows + len(rows) > SHEET_DATA_ROWS or self._bytes + size > SHEET_MAX_BYTES):
            for row in rows:
                self._write_alone(row)
            return
        sheet = self._sheet
        for at, row in enumerate(rows, self._rows + 1):
            self._check(sheet.write_row(at, 0, row), at)
        self._rows += len(rows)
        self._bytes += size

    def _write_alone(self, row: Row) -> None:
        texts = [fit_cell(cell) for cell in row[1:]]
        size = _xml_size("\n".join(texts), 1)
        if self._rows >= SHEET_DATA_ROWS or (self._rows and self._bytes + size > SHEET_MAX_BYTES):
            self._new_sheet()
        self._rows += 1
        self._bytes += size
        at = self._rows
        self._check(self._sheet.write_row(at, 0, (row[0], *texts)), at)
        for column, cell in enumerate(texts, 1):
            if _rich_markup(cell):  # "<" and "r>…" as two runs of plain text: shown as it is
                self._check(self._sheet.write_rich_string(at, column, "<", "r>", cell[3:]), at)

    def _check(self, status: int, at: int) -> None:
        """XlsxWriter returns an error code instead of raising: -1 past Excel's row or column limit, -2 for a string
        it cut at Excel's cell limit (never here: fit_cell cuts first, and says so in the cell)."""
        if status != 0:
            raise RuntimeError(f"XLSX: row {at + 1} of sheet events-{self.sheets} was not written "
                               f"(XlsxWriter returned {status})")

    def close(self) -> None:
        """Assemble the workbook: each sheet's rows are copied from their temporary file and deflated into the zip."""
        self._book.close()

    def abandon(self) -> None:
        """Leave the workbook unwritten (a cancelled or failed export): only its temporary files are closed; they are
        in the bundle's folder, which is removed. XlsxWriter has no public way to abort, so this calls the clean-up
        its own close() runs."""
        for sheet in self._book.worksheets():
            sheet._opt_close()


class Views:
    """The views one export writes, fed a page at a time."""

    def __init__(self, csv_view: CsvView | None, xlsx_view: XlsxView | None) -> None:
        self.csv, self.xlsx = csv_view, xlsx_view

    def close(self, *, complete: bool = True) -> None:
        """``complete`` False: the export failed or was cancelled, and the workbook is not assembled."""
        if self.csv is not None:
            self.csv.close()
        if self.xlsx is not None:
            self.xlsx.close() if complete else self.xlsx.abandon()
