"""Uploaded spreadsheets are read as the text a person typed."""

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from api.kit.sheets import UnreadableSheet, cell_text, first_sheet_rows


def test_cells_read_as_typed() -> None:
    assert cell_text(None) == ""
    assert cell_text(12.0) == "12"  # Excel stores every number as a float
    assert cell_text(12.5) == "12.5"
    assert cell_text(datetime(2027, 3, 1, 0, 0)) == "2027-03-01"
    assert cell_text(date(2027, 3, 1)) == "2027-03-01"
    assert cell_text("  深圳市  ") == "深圳市"


def test_the_first_sheet_is_read_row_by_row() -> None:
    book = Workbook()
    book.active.append(["型号", "系列"])
    book.active.append(["GD32F103", 103])
    book.create_sheet("other").append(["ignored"])
    buffer = io.BytesIO()
    book.save(buffer)
    with first_sheet_rows(buffer.getvalue()) as rows:
        assert [[cell_text(v) for v in row] for row in rows] == [
            ["型号", "系列"],
            ["GD32F103", "103"],
        ]


@pytest.mark.parametrize("content", [b"", b"part,series\n", b"PK\x03\x04 not a zip"])
def test_a_file_that_is_not_xlsx_is_unreadable(content: bytes) -> None:
    with pytest.raises(UnreadableSheet), first_sheet_rows(content):
        pass
