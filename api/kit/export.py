"""Tables as .xlsx (openpyxl) or CSV downloads, with the same numbers as the JSON. Every
spreadsheet we hand out is written here, so user text can never become a formula (CWE-1236):
whole tables at once (xlsx_bytes, csv_bytes) or a chunk of rows at a time (CsvStream,
XlsxStream: a list's export of up to 100,000 rows in constant memory)."""

import csv
import io
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal
from urllib.parse import quote

from fastapi import Response
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

ExportFormat = Literal["json", "xlsx", "csv"]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


# Characters a sheet title may not hold (Excel's rule, enforced by openpyxl).
SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")


def xlsx_text(value: Any) -> Any:
    """A value an .xlsx file can hold: the format has no place for C0 control characters, which
    requests refuse (kit.schemas) but older rows or uploads may carry; each is shown as U+FFFD
    rather than failing the whole export."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value


def sheet_title(title: str) -> str:
    return SHEET_TITLE_FORBIDDEN.sub("_", xlsx_text(title))[:31] or "Sheet"


def append_text_safe(sheet: Worksheet | WriteOnlyWorksheet, values: Sequence[Any]) -> None:
    """Append a row whose text cells stay text: openpyxl makes any string starting with '=' a
    formula, so such a cell is typed as a string, and quotePrefix keeps it text in Excel even
    after the user edits it."""
    cells = [xlsx_text(v) for v in values]
    sheet.append([_text_cell(sheet, v) if is_formula_like(v) else v for v in cells])


def _text_cell(sheet: Worksheet | WriteOnlyWorksheet, value: str) -> Cell:
    cell = Cell(sheet, row=1, column=1, value=value)  # placed by append
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet opens as text: a leading single quote before a formula trigger."""
    return f"'{value}" if is_formula_like(value) else value


def _width(values: Iterable[Any]) -> float:
    """A column wide enough for its longest text (CJK characters count about double)."""
    return min(max(10, max((len(str(v or "")) for v in values), default=0) * 1.6), 60)


def xlsx_bytes(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title(title)
    append_text_safe(sheet, headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_text_safe(sheet, row)
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = _width(c.value for c in column)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_text(rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([csv_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def csv_bytes(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    # A byte-order mark: Excel then reads the UTF-8 (Chinese names) correctly.
    return ("\ufeff" + _csv_text([headers, *rows])).encode("utf-8")


class CsvStream:
    """A CSV sent as it is written: `add` returns the bytes of its rows (the byte-order mark and
    the header row with the first call)."""

    media_type = "text/csv"

    def __init__(self, headers: Sequence[str]) -> None:
        self._head: str = "\ufeff" + _csv_text([headers])

    def add(self, rows: Iterable[Sequence[Any]]) -> bytes:
        text, self._head = self._head + _csv_text(rows), ""
        return text.encode("utf-8")

    def finish(self) -> Iterator[bytes]:
        if self._head:  # no row was added: the header alone
            yield self._head.encode("utf-8")


class XlsxStream:
    """An .xlsx written a chunk of rows at a time. openpyxl's write-only mode puts each row in a
    temporary file (inline strings: no shared-string table growing in memory); `finish` zips
    the workbook into a temporary file and yields it in blocks. Column widths are set from the
    header and the first rows (a write-only sheet takes them before its first row)."""

    media_type = XLSX_TYPE
    BLOCK = 64 * 1024

    def __init__(self, title: str, headers: Sequence[str], first_rows: Sequence[Sequence[Any]]):
        self._workbook = Workbook(write_only=True)
        self._sheet = self._workbook.create_sheet(sheet_title(title))
        for index, column in enumerate(zip(headers, *first_rows, strict=False), start=1):
            self._sheet.column_dimensions[get_column_letter(index)].width = _width(column)
        header = [
            _text_cell(self._sheet, h) if is_formula_like(h) else Cell(self._sheet, 1, 1, h)
            for h in map(xlsx_text, headers)
        ]
        for cell in header:
            cell.font = Font(bold=True)
        self._sheet.append(header)

    def add(self, rows: Iterable[Sequence[Any]]) -> bytes:
        for row in rows:
            append_text_safe(self._sheet, row)
        return b""

    def finish(self) -> Iterator[bytes]:
        with tempfile.TemporaryFile() as file:
            self._workbook.save(file)
            file.seek(0)
            while block := file.read(self.BLOCK):
                yield block


def download(
    kind: Literal["xlsx", "csv"],
    filename: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> Response:
    body, media = (
        (xlsx_bytes(filename, headers, rows), XLSX_TYPE)
        if kind == "xlsx"
        else (csv_bytes(headers, rows), "text/csv")
    )
    return Response(body, media_type=media, headers=attachment(f"{filename}.{kind}"))


def attachment(filename: str) -> dict[str, str]:
    """The header that saves the answer as `filename` (RFC 5987: Chinese names survive)."""
    return {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"}
