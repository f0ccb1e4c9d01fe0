"""Reading an MCU model list from CSV or .xlsx into plain rows (no database here)."""

import csv
import io
from dataclasses import dataclass, field

from api.catalog.models import McuStatus
from api.kit.errors import AppError
from api.kit.sheets import UnreadableSheet, cell_text, first_sheet_rows

MAX_ROWS = 5000

# Header names accepted per field (English and the Chinese a vendor's spreadsheet uses).
HEADERS = {
    "part_number": {"part_number", "part number", "型号", "料号", "mcu型号"},
    "series": {"series", "系列"},
    "core": {"core", "内核"},
    "status": {"status", "状态"},
}
STATUSES = {
    "active": McuStatus.ACTIVE,
    "在产": McuStatus.ACTIVE,
    "nrnd": McuStatus.NRND,
    "不推荐新设计": McuStatus.NRND,
    "eol": McuStatus.EOL,
    "停产": McuStatus.EOL,
}


@dataclass
class ParsedRow:
    row: int
    part_number: str
    series: str
    core: str
    status_text: str
    status: McuStatus | None = None
    errors: list[str] = field(default_factory=list)


def _csv_rows(content: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise AppError("mcu_import_unreadable", 422)
    try:
        return [list(r) for r in csv.reader(io.StringIO(text))]
    except csv.Error:  # e.g. a field over the csv module's 128 KB limit, a NUL byte
        raise AppError("mcu_import_unreadable", 422) from None


def _xlsx_rows(content: bytes) -> list[list[str]]:
    try:
        with first_sheet_rows(content) as lines:
            return [[cell_text(v) for v in line] for line in lines]
    except UnreadableSheet:
        raise AppError("mcu_import_unreadable", 422) from None


def parse(filename: str, content: bytes) -> list[ParsedRow]:
    """The data rows, each with its row number and its own errors (the file-level problems —
    unreadable, no header, too many rows — raise 422)."""
    name = filename.lower()
    if name.endswith(".csv"):
        table = _csv_rows(content)
    elif name.endswith(".xlsx"):
        table = _xlsx_rows(content)
    else:
        raise AppError("mcu_import_unreadable", 422)
    if not table:
        raise AppError("mcu_import_no_rows", 422)
    header = [cell_text(h).lower() for h in table[0]]
    columns: dict[str, int] = {}
    for key, names in HEADERS.items():
        for index, title in enumerate(header):
            if title in names:
                columns[key] = index
                break
    if "part_number" not in columns:
        raise AppError("mcu_import_missing_columns", 422, columns="part_number / 型号")
    body = [(n, r) for n, r in enumerate(table[1:], start=2) if any(cell_text(v) for v in r)]
    if not body:
        raise AppError("mcu_import_no_rows", 422)
    if len(body) > MAX_ROWS:
        raise AppError("mcu_import_too_many_rows", 422, max=MAX_ROWS)

    def get(raw: list[str], key: str) -> str:
        index = columns.get(key)
        return cell_text(raw[index]) if index is not None and index < len(raw) else ""

    parsed = []
    for number, raw in body:
        row = ParsedRow(
            row=number,
            part_number=get(raw, "part_number").upper(),
            series=get(raw, "series"),
            core=get(raw, "core"),
            status_text=get(raw, "status"),
        )
        if not row.part_number:
            row.errors.append("mcu_import_missing_part_number")
        if row.status_text:
            row.status = STATUSES.get(row.status_text.lower())
            if row.status is None:
                row.errors.append("mcu_import_invalid_status")
        if any(len(v) > 40 for v in (row.part_number, row.series, row.core)):
            row.errors.append("mcu_import_value_too_long")
        parsed.append(row)
    return parsed
