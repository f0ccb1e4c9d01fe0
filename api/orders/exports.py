"""The order desk's tables as downloads: one row per order line, and the batch trace; headers
in the caller's language (Chinese by default), names instead of ids."""

from collections.abc import Sequence
from typing import Any

from api.kit.clock import CHINA
from api.orders.models import Order
from api.orders.schemas import BatchCustomer

# (Chinese, English) per column, in the file's order.
ORDER_COLUMNS = (
    ("销售日期", "Contract date"),
    ("订单号", "Order number"),
    ("客户", "Customer"),
    ("项目", "Project"),
    ("MCU型号", "MCU model"),
    ("产品领域", "Product domain"),
    ("数量", "Quantity"),
    ("单价", "Unit price"),
    ("币种", "Currency"),
    ("批次号", "Batch numbers"),
    ("备注", "Remarks"),
    ("录入人", "Entered by"),
    ("录入时间", "Entered at"),
)
BATCH_COLUMNS = (
    ("客户", "Customer"),
    ("批次号", "Batch numbers"),
    ("订单号", "Order numbers"),
    ("数量", "Quantity"),
    ("首次销售日期", "First contract date"),
    ("最近销售日期", "Last contract date"),
)


def headers(columns: Sequence[tuple[str, str]], lang: str) -> list[str]:
    return [en if lang == "en" else zh for zh, en in columns]


def order_rows(orders: Sequence[Order]) -> list[list[Any]]:
    """One row per line, so quantities add up in a spreadsheet; times in China time."""
    return [
        [
            order.contract_date.isoformat(),
            order.order_number,
            order.customer.name,
            line.project.name,
            line.mcu_model.part_number,
            line.product_domain.name,
            line.quantity,
            line.unit_price,
            line.currency or "",
            ", ".join(line.batches),
            order.remarks,
            order.created_by.display_name,
            order.created_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M"),
        ]
        for order in orders
        for line in order.lines
    ]


def batch_rows(customers: Sequence[BatchCustomer]) -> list[list[Any]]:
    return [
        [
            c.customer.name,
            ", ".join(c.batches),
            ", ".join(c.order_numbers),
            c.quantity,
            c.first_date.isoformat(),
            c.last_date.isoformat(),
        ]
        for c in customers
    ]
