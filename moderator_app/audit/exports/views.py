"""Human views of the matching events: CSV for Excel (UTF-8 with BOM) and XLSX (constant memory).

Integrity is proved over data/events.jsonl (the canonical bytes); these views are hashed in the manifest like every
file, and the escaping they apply is stated there (CSV_ESCAPING).

Both views take their rows already formatted, as bytes: ``csv_lines`` and ``xlsx_rows`` format Python rows, and
sqlite_fast.py formats whole pages inside SQLite to the same bytes. Every file is hashed as it is written."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

COLUMNS = ("seq", "occurred_at", "event_type", "actor", "subject", "category", "decision_kind", "payload", "event_id")
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

Row = tuple[int, str, str, str, str, str, str, str, str]


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


CSV_HEADER = BOM + ",".join(f'"{name}"' for name in COLUMNS).encode("ascii") + b"\r\n"


class CsvView:
    def __init__(self, path: Path) -> None:
        self.file = HashedFile(path)
        self.file.write(CSV_HEADER)

    def write(self, lines: bytes) -> None:
        self.file.write(lines)

    def close(self) -> None:
        self.file.close()


# -- XLSX -----------------------------------------------------------------------------------------------------------
# A row of sheet XML is written with ROW_NUMBER standing for its row number, which only the writer knows (a page of
# rows can be formatted before the pages ahead of it are). The byte never occurs in UTF-8 text.
ROW_NUMBER = b"\xfb"
LETTERS = "ABCDEFGHI"
_TEXT_CELL = b'<c r="%s\xfb" t="inlineStr"><is><t>'
_END_CELL = b"</t></is></c>"
_PRESERVED = b'<t xml:space="preserve">'  # instead of <t> for a text with leading or trailing white space
XML_SPACE = frozenset(b" \t\n")
# The fixed parts of a data row, around its 9 values (the first, the seq, is a number cell).
XLSX_ROW_PARTS: tuple[bytes, ...] = (
    b'<row r="\xfb"><c r="A\xfb"><v>', b"</v></c>" + _TEXT_CELL % b"B",
    *(_END_CELL + _TEXT_CELL % letter.encode() for letter in LETTERS[2:]), _END_CELL + b"</row>")
_XML_ESCAPED_LITERAL = re.compile("(_x[0-9a-fA-F]{4}_)")
_XML_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def xlsx_text(value: str) -> str:
    """A string cell's text as Excel reads it back: control characters as _xHHHH_ (and a literal _xHHHH_ with its
    underscore escaped, as Excel does), markup escaped, and cut at Excel's cell limit with a visible note."""
    if len(value) > EXCEL_CELL_CHARS // 2:
        units = value.encode("utf-16-le")
        if len(units) > 2 * EXCEL_CELL_CHARS:
            keep = 2 * (EXCEL_CELL_CHARS - len(TRUNCATED))
            value = units[:keep].decode("utf-16-le", errors="ignore") + TRUNCATED
    value = _XML_ESCAPED_LITERAL.sub(r"_x005F\1", value)
    value = _XML_CONTROL.sub(lambda found: f"_x{ord(found.group()):04X}_", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xlsx_rows(rows: Iterable[Row]) -> list[bytes]:
    """One row of sheet XML per row (with ROW_NUMBER for its number): the seq a number, every other column a string
    cell (never a formula, a number or a link: a 19-digit id stays exact)."""
    parts = XLSX_ROW_PARTS
    out = []
    for row in rows:
        pieces = [parts[0], b"%d" % row[0]]
        for part, value in zip(parts[1:-1], row[1:], strict=True):
            text = xlsx_text(value).encode("utf-8")
            if text and (text[0] in XML_SPACE or text[-1] in XML_SPACE):
                part = part[:-len(b"<t>")] + _PRESERVED
            pieces += (part, text)
        pieces.append(parts[-1])
        out.append(b"".join(pieces))
    return out


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '{sheets}</Types>')
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'extended-properties" Target="docProps/app.xml"/></Relationships>')
_APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        '<Application>Moderator Workstation</Application></Properties>')
_CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Audit export</dc:title></cp:coreProperties>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets>'
    '</workbook>')
_WORKBOOK_SHEET = '<sheet name="events-{n}" sheetId="{n}" r:id="rId{n}"/>'
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheets}'
    '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>')
_WORKBOOK_REL = ('<Relationship Id="rId{n}" '
                 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                 'Target="worksheets/sheet{n}.xml"/>')
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
               '<row r="1">' + "".join(f'<c r="{letter}1" t="inlineStr"><is><t>{name}</t></is></c>'
                                       for letter, name in zip(LETTERS, COLUMNS, strict=True)) + "</row>").encode()
_SHEET_TAIL = b"</sheetData></worksheet>"


class XlsxView:
    """A workbook written as a stream: sheet XML of inline strings, deflated into the zip as it comes (constant
    memory); a new sheet before Excel's row limit, so no row is ever lost."""

    def __init__(self, path: Path, compresslevel: int = 1) -> None:
        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel)
        self._sheet: IO[bytes] | None = None
        self._rows = 0  # data rows in the current sheet
        self._bytes = 0
        self.sheets = 0
        self._new_sheet()

    def _new_sheet(self) -> None:
        self._end_sheet()
        self.sheets += 1
        self._sheet = self._zip.open(f"xl/worksheets/sheet{self.sheets}.xml", "w")
        self._sheet.write(_SHEET_HEAD)
        self._rows, self._bytes = 0, len(_SHEET_HEAD)

    def _end_sheet(self) -> None:
        if self._sheet is not None:
            self._sheet.write(_SHEET_TAIL)
            self._sheet.close()
            self._sheet = None

    def write(self, rows: list[bytes]) -> None:
        """Rows from ``xlsx_rows`` (or the same bytes made in SQL), numbered here."""
        start = 0
        while start < len(rows):
            if self._rows >= SHEET_DATA_ROWS or self._bytes >= SHEET_MAX_BYTES:
                self._new_sheet()
            count = min(len(rows) - start, SHEET_DATA_ROWS - self._rows)
            while True:
                first = self._rows + 2  # row 1 is the header
                data = b"".join([row.replace(ROW_NUMBER, b"%d" % number)
                                 for number, row in enumerate(rows[start:start + count], first)])
                if count == 1 or self._bytes + len(data) <= SHEET_MAX_BYTES:
                    break
                count //= 2  # rare (very long rows): fewer rows, and the rest on the next sheet
            assert self._sheet is not None
            self._sheet.write(data)
            self._rows += count
            self._bytes += len(data)
            start += count

    def close(self) -> None:
        self._end_sheet()
        numbers = range(1, self.sheets + 1)
        parts = {
            "xl/workbook.xml": _WORKBOOK.format(sheets="".join(_WORKBOOK_SHEET.format(n=n) for n in numbers)),
            "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS.format(
                sheets="".join(_WORKBOOK_REL.format(n=n) for n in numbers)),
            "xl/styles.xml": _STYLES, "docProps/app.xml": _APP, "docProps/core.xml": _CORE, "_rels/.rels": _ROOT_RELS,
            "[Content_Types].xml": _CONTENT_TYPES.format(sheets="".join(_SHEET_TYPE.format(n=n) for n in numbers)),
        }
        for name, text in parts.items():
            self._zip.writestr(name, text)
        self._zip.close()


class Views:
    """The views one export writes, fed formatted pages."""

    def __init__(self, csv_view: CsvView | None, xlsx_view: XlsxView | None) -> None:
        self.csv, self.xlsx = csv_view, xlsx_view

    def close(self) -> None:
        for view in (self.csv, self.xlsx):
            if view is not None:
                view.close()
