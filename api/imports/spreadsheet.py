"""The import template (.xlsx) and reading a filled one back: columns are found by their header,
in Chinese or English, so a user may reorder them or keep only the ones they need."""

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from api.config import get_settings
from api.identity.credit_code import check_character
from api.kit.errors import AppError
from api.kit.sheets import (
    DamagedSheet,
    SheetLimits,
    SheetTooLarge,
    UnreadableSheet,
    cell_text,
    first_sheet_rows,
)

DATA_SHEET = "客户 Customers"
HELP_SHEET = "说明 Instructions"
_EXAMPLE_CODE_17 = "91440300MA5F12345"


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    required: bool
    example: str
    help_zh: str
    help_en: str

    @property
    def title(self) -> str:
        return f"{self.zh} / {self.en}"


COLUMNS: tuple[Column, ...] = (
    Column(
        "name",
        "客户名称",
        "Customer name",
        True,
        "深圳市示例智能控制有限公司",
        "官方全称（营业执照上的名称）",
        "Official full name (as on the business licence)",
    ),
    Column(
        "english_name",
        "英文名",
        "English name",
        False,
        "Shenzhen Example Smart Control Co., Ltd.",
        "可留空；查重时与中文名同样比对",
        "Optional; the conflict check matches it like the Chinese name",
    ),
    Column(
        "short_name",
        "简称",
        "Short name",
        False,
        "示例智控",
        "可留空",
        "Optional",
    ),
    Column(
        "former_names",
        "曾用名",
        "Former names",
        False,
        "深圳市示例电子有限公司",
        "可留空；多个曾用名用分号（；）隔开",
        "Optional; several former names separated by semicolons (;)",
    ),
    Column(
        "credit_code",
        "统一社会信用代码",
        "Credit code",
        False,
        _EXAMPLE_CODE_17 + check_character(_EXAMPLE_CODE_17),
        "可留空；填写时校验位必须正确",
        "Optional; when given its check character must be right",
    ),
    Column(
        "province",
        "省份",
        "Province",
        True,
        "广东省",
        "省级行政区全称，如 广东省、上海市",
        "Full province name, e.g. 广东省, 上海市",
    ),
    Column(
        "city",
        "城市",
        "City",
        True,
        "深圳市",
        "地级市全称，如 深圳市",
        "Full prefecture-level city name, e.g. 深圳市",
    ),
    Column(
        "product_domain",
        "产品领域",
        "Product domain",
        True,
        "小家电",
        "产品领域目录中的名称（中文或英文）",
        "A name from the product domain catalog (Chinese or English)",
    ),
    Column(
        "annual_mcu_usage_wan",
        "MCU年用量（万）",
        "Annual MCU usage (10k units)",
        True,
        "120.5",
        "数字，单位：万颗",
        "A number, in units of 10,000",
    ),
    Column(
        "contact",
        "联系业务员",
        "Contact salesperson",
        True,
        "张三",
        "该代理商在用业务员的姓名，必须完全一致；重名或找不到时该行无效",
        "The exact name of an active salesperson of the agent; no match or two matches make the "
        "row invalid",
    ),
    Column(
        "protection_until",
        "保护期至",
        "Protected until",
        False,
        "2027-06-30",
        "可留空，按规则从导入之日起计算；填写时为将来的日期（YYYY-MM-DD）",
        "Optional; by default the rules' period from the import date; else a future date "
        "(YYYY-MM-DD)",
    ),
)
_BY_KEY = {c.key: c for c in COLUMNS}


@dataclass(frozen=True)
class ParsedRow:
    row_number: int
    values: dict[str, str]


def template_bytes() -> bytes:
    """The template: a data sheet with the header row, and an instructions sheet with an example."""
    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = DATA_SHEET
    data.append([c.title for c in COLUMNS])
    for column, cell in zip(COLUMNS, data[1], strict=True):
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        data.column_dimensions[cell.column_letter].width = max(16, len(column.title) * 1.4)
    data.freeze_panes = "A2"

    help_sheet = workbook.create_sheet(HELP_SHEET)
    help_sheet.append(["旧系统客户导入模板", "Legacy customer import template"])
    help_sheet.append(
        [
            "在第一个工作表中每行填写一个客户，表头不要修改（红色为必填）。",
            "Fill one customer per row on the first sheet; keep the header (red = required).",
        ]
    )
    help_sheet.append(
        [
            "上传后先试导入：逐行显示将创建、冲突或无效（含原因），确认后再提交。",
            "An upload is a dry run first: each row shows created, conflict or invalid (with the "
            "reason); you commit afterwards.",
        ]
    )
    help_sheet.append([])
    help_sheet.append(["列 Column", "必填 Required", "说明", "Notes", "示例 Example"])
    for column in COLUMNS:
        help_sheet.append(
            [
                column.title,
                "是 Yes" if column.required else "否 No",
                column.help_zh,
                column.help_en,
                column.example,
            ]
        )
    help_sheet.append([])
    help_sheet.append(["示例行 Example row"])
    help_sheet.append([c.title for c in COLUMNS])
    help_sheet.append([c.example for c in COLUMNS])
    for row in (1, 5, help_sheet.max_row - 1):
        for cell in help_sheet[row]:
            cell.font = Font(bold=True)
    for cell in help_sheet[help_sheet.max_row]:
        cell.fill = PatternFill("solid", fgColor="F2F2F2")
    for letter, width in zip("ABCDE", (36, 14, 48, 60, 28), strict=True):
        help_sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header_key(value: Any) -> str | None:
    """Which column a header cell names: its full title, its Chinese or English part, or key."""
    text = str(value or "").strip()
    if not text:
        return None
    parts = {text.lower(), *(p.strip().lower() for p in text.replace("\n", "/").split("/"))}
    for column in COLUMNS:
        if parts & {column.title.lower(), column.zh.lower(), column.en.lower(), column.key}:
            return column.key
    return None


def import_limits() -> SheetLimits:
    settings = get_settings()
    return SheetLimits(
        rows=settings.import_max_rows + 1,  # and the header
        columns=settings.import_max_columns,
        shared_strings=settings.import_max_shared_strings,
        unpacked_bytes=settings.import_max_unpacked_mb * 1024 * 1024,
        compression_ratio=settings.import_max_compression_ratio,
    )


def read_rows(content: bytes) -> list[ParsedRow]:
    """The data rows of the first sheet, keyed by column; raises 422 on a file that is not an
    .xlsx, is damaged or unsafe, is over a limit (import_limits), lacks a required column or
    has no rows. Blocking work: call it in a worker thread."""
    try:
        with first_sheet_rows(content, import_limits()) as lines:
            rows = _data_rows(lines)
    except SheetTooLarge as exc:
        raise _over_limit(exc) from None
    except DamagedSheet:
        raise AppError("import_xlsx_damaged", 422) from None
    except UnreadableSheet:
        raise AppError("import_not_xlsx", 422) from None
    if not rows:
        raise AppError("import_empty", 422)
    return rows


def _over_limit(exc: SheetTooLarge) -> AppError:
    if exc.limit == "rows":
        return AppError("import_too_many_rows", 422, max=exc.maximum - 1)
    if exc.limit == "shared_strings":
        return AppError("import_too_many_strings", 422, max=exc.maximum)
    return AppError("import_unpacked_too_large", 422, max_mb=get_settings().import_max_unpacked_mb)


def _data_rows(lines: Iterator[tuple[Any, ...]]) -> list[ParsedRow]:
    header = next(lines, ())
    keys = [_header_key(v) for v in header]
    missing = [c.title for c in COLUMNS if c.required and c.key not in keys]
    if missing:
        raise AppError("import_missing_columns", 422, columns="、".join(missing))
    rows: list[ParsedRow] = []
    for number, line in enumerate(lines, start=2):
        values = {
            key: cell_text(value)[:500]
            for key, value in zip(keys, line, strict=False)
            if key is not None
        }
        if not any(values.values()):
            continue  # blank lines in the middle or at the end of a sheet
        rows.append(ParsedRow(number, {k: values.get(k, "") for k in _BY_KEY}))
    return rows
