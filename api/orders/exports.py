"""The order desk's tables as files: a row per order line (so quantities add up in a
spreadsheet), and the batch trace; names instead of ids."""

from dataclasses import dataclass

from api.exporting import Column, Expanded, Sheet
from api.orders.schemas import BatchCustomer, LinePublic, OrderPublic


@dataclass(frozen=True)
class OrderLine:
    order: OrderPublic
    line: LinePublic


ORDERS: Expanded[OrderPublic, OrderLine] = Expanded(
    Sheet(
        "orders",
        [
            Column("销售日期", "Contract date", lambda r: r.order.contract_date),
            Column("订单号", "Order number", lambda r: r.order.order_number),
            Column("客户", "Customer", lambda r: r.order.customer.name),
            Column("项目", "Project", lambda r: r.line.project.name),
            Column("MCU型号", "MCU model", lambda r: r.line.mcu_model.part_number),
            Column("产品领域", "Product domain", lambda r: r.line.product_domain.name),
            Column("数量", "Quantity", lambda r: r.line.quantity),
            Column("单价", "Unit price", lambda r: r.line.unit_price),
            Column("币种", "Currency", lambda r: r.line.currency),
            Column("批次号", "Batch numbers", lambda r: r.line.batches),
            Column("备注", "Remarks", lambda r: r.order.remarks),
            Column("录入人", "Entered by", lambda r: r.order.created_by.display_name),
            Column("录入时间", "Entered at", lambda r: r.order.created_at),
        ],
    ),
    lambda order: [OrderLine(order, line) for line in order.lines],
)

BATCH: Sheet[BatchCustomer] = Sheet(
    "batch",
    [
        Column("客户", "Customer", lambda c: c.customer.name),
        Column("批次号", "Batch numbers", lambda c: c.batches),
        Column("订单号", "Order numbers", lambda c: c.order_numbers),
        Column("数量", "Quantity", lambda c: c.quantity),
        Column("首次销售日期", "First contract date", lambda c: c.first_date),
        Column("最近销售日期", "Last contract date", lambda c: c.last_date),
    ],
)
