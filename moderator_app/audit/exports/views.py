"""Human views of the matching events: CSV for Excel (UTF-8 with BOM) and XLSX (constant memory).

Integrity is proved over data/events.jsonl (the canonical bytes); these views are hashed in the manifest like every
file, and the escaping they apply is stated there (CSV_ESCAPING)."""

from __future__ import annotations

import csv
from pathlib import Path
from types import TracebackType
from typing import IO, Any

COLUMNS = ("seq", "occurred_at", "event_type", "actor", "subject", "category", "decision_kind", "payload", "event_id")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_TRIGGER_CHARS = frozenset(FORMULA_TRIGGERS)
EXCEL_MAX_ROWS = 1_048_576
SHEET_DATA_ROWS = EXCEL_MAX_ROWS - 1  # the first row of every sheet is the header
CSV_ESCAPING = ("a cell starting with = + - @ TAB or CR, or made of 16 or more digits (Excel keeps 15), is written "
                "with a leading apostrophe ('); the canonical values are in data/events.jsonl")

Row = tuple[int, str, str, str, str, str, str, str, str]


def neutralise(cell: str) -> str:
    """OWASP / CWE-1236: a spreadsheet must show the text, never evaluate it or round a long id."""
    if cell and (cell[0] in _TRIGGER_CHARS or (len(cell) > 15 and cell.isdigit())):
        return "'" + cell
    return cell


class CsvView:
    def __init__(self, path: Path) -> None:
        self.file: IO[str] = path.open("w", encoding="utf-8-sig", newline="")
        self.writer = csv.writer(self.file)
        self.writer.writerow(COLUMNS)

    def write(self, row: Row) -> None:
        self.writer.writerow([row[0], *(neutralise(cell or "") for cell in row[1:])])

    def close(self) -> None:
        self.file.close()


class XlsxView:
    """Constant memory; every text cell written as a string; a new sheet before Excel's row limit."""

    def __init__(self, path: Path) -> None:
        import xlsxwriter  # only when an XLSX is asked for: it is slow to import

        self._book = xlsxwriter.Workbook(str(path), {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False})
        self._sheet: Any = None
        self._row = 0
        self.sheets = 0
        self._new_sheet()

    def _new_sheet(self) -> None:
        self.sheets += 1
        self._sheet = self._book.add_worksheet(f"events-{self.sheets}")
        for column, name in enumerate(COLUMNS):
            self._sheet.write_string(0, column, name)
        self._row = 0

    def write(self, row: Row) -> None:
        if self._row >= SHEET_DATA_ROWS:
            self._new_sheet()
        self._row += 1
        sheet, at = self._sheet, self._row
        if sheet.write_number(at, 0, row[0]) != 0:
            raise RuntimeError(f"xlsx: row {at} of sheet {self.sheets} was not written")
        for column in range(1, len(COLUMNS)):
            sheet.write_string(at, column, row[column] or "")

    def close(self) -> None:
        self._book.close()


class Views:
    """The views one export writes, as one sink."""

    def __init__(self, sinks: list[CsvView | XlsxView]) -> None:
        self._sinks = sinks

    def write(self, row: Row) -> None:
        for sink in self._sinks:
            sink.write(row)

    def __enter__(self) -> Views:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        for sink in self._sinks:
            sink.close()
