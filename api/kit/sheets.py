"""Reading uploaded spreadsheets (.xlsx via openpyxl) as rows of plain text cells."""

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook


class UnreadableSheet(Exception):
    """The bytes are not an .xlsx file openpyxl can open."""


def cell_text(value: Any) -> str:
    """A cell as the text a person typed: dates as ISO dates, 12.0 as 12, no outer spaces."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@contextmanager
def first_sheet_rows(content: bytes) -> Iterator[Iterator[tuple[Any, ...]]]:
    """The first sheet's rows of cell values, read lazily (a large file is never all in memory);
    raises UnreadableSheet for a damaged or foreign file."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise UnreadableSheet from None
    try:
        yield workbook.worksheets[0].iter_rows(values_only=True)
    finally:
        workbook.close()
