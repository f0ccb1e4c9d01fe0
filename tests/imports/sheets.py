"""Filled import templates for the tests: the real template, rows appended under its header."""

import io
from typing import Any

from openpyxl import load_workbook

from api.imports.spreadsheet import COLUMNS, template_bytes


def row(name: str, contact: str, **values: Any) -> dict[str, Any]:
    """A good row for agent A in 深圳 unless `values` say otherwise."""
    return {
        "name": name,
        "credit_code": "",
        "province": "广东省",
        "city": "深圳市",
        "product_domain": "小家电",
        "annual_mcu_usage_wan": 120.5,
        "contact": contact,
        "protection_until": "",
        **values,
    }


def filled_template(rows: list[dict[str, Any]]) -> bytes:
    workbook = load_workbook(io.BytesIO(template_bytes()))
    sheet = workbook.worksheets[0]
    for values in rows:
        sheet.append([values.get(c.key, "") for c in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
