"""What an order write changes in the month totals of shipments (ShipmentMonth): its live lines
as signed amounts per cell. The service adds them in the transaction that writes the order."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from api.orders.models import Order

# (month's first day, agent, MCU model, product domain, currency or "")
CellKey = tuple[date, int, int, int, str]


@dataclass
class CellChange:
    first_day: date
    last_day: date
    lines: int = 0
    quantity: int = 0
    priced_lines: int = 0
    amount: Decimal = Decimal(0)


def month_changes(
    order: Order, sign: int, into: dict[CellKey, CellChange] | None = None
) -> dict[CellKey, CellChange]:
    """`order`'s lines added (sign 1) or taken away (sign -1), summed per cell into `into`. An
    edit is the old order taken away and the new one added: cells it leaves unchanged net to 0."""
    changes = {} if into is None else into
    day = order.contract_date
    for line in order.lines:
        key = (day.replace(day=1), order.agent_id, line.mcu_model_id, line.product_domain_id)
        cell = changes.setdefault((*key, line.currency or ""), CellChange(day, day))
        cell.first_day, cell.last_day = min(cell.first_day, day), max(cell.last_day, day)
        cell.lines += sign
        cell.quantity += sign * line.quantity
        if line.unit_price is not None:
            cell.priced_lines += sign
            cell.amount += sign * line.quantity * line.unit_price
    return changes
