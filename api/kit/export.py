"""Tables as .xlsx (openpyxl) or CSV downloads, with the same numbers as the JSON."""

import csv
import io
from collections.abc import Sequence
from typing import Any, Literal
from urllib.parse import quote

from fastapi import Response
from openpyxl import Workbook
from openpyxl.styles import Font

ExportFormat = Literal["json", "xlsx", "csv"]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(10, width * 1.6), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
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
