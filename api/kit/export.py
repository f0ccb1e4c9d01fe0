"""Tables as .xlsx (openpyxl) or CSV downloads, with the same numbers as the JSON. Every
spreadsheet we hand out is written here, so user text can never become a formula (CWE-1236)."""

import csv
import io
import re
from collections.abc import Sequence
from typing import Any, Literal
from urllib.parse import quote

from fastapi import Response
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
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


def append_text_safe(sheet: Worksheet, values: Sequence[Any]) -> None:
    """Append a row whose text cells stay text: openpyxl makes any string starting with '=' a
    formula, so such a cell is typed as a string, and quotePrefix keeps it text in Excel even
    after the user edits it."""
    cells = [xlsx_text(v) for v in values]
    sheet.append([_text_cell(sheet, v) if is_formula_like(v) else v for v in cells])


def _text_cell(sheet: Worksheet, value: str) -> Cell:
    cell = Cell(sheet, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet opens as text: a leading single quote before a formula trigger."""
    return f"'{value}" if is_formula_like(value) else value


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
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(10, width * 1.6), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_cell(v) for v in headers])
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    # A byte-order mark: Excel then reads the UTF-8 (Chinese names) correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


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
    disposition = f"attachment; filename*=UTF-8''{quote(f'{filename}.{kind}')}"
    return Response(body, media_type=media, headers={"Content-Disposition": disposition})
