"""Shipment statistics (销售出货统计, SPEC §10): quantity and amount by period and dimension,
against the previous period. Starts from the caller's readable orders, like every list."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, literal
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from api.agents.models import Agent
from api.authz.principal import Principal
from api.catalog.models import McuModel, ProductDomain
from api.customers.models import Customer
from api.kit.clock import add_months, month_key
from api.orders.models import Order, OrderLine
from api.orders.repository import live_orders
from api.stats.schemas import Dimension, Granularity, ShipmentRow, ShipmentStats
from api.users.models import User

# dimension -> (key column, label column, table to join for the label)
_DIMENSIONS: dict[Dimension, tuple[Any, Any, Any]] = {
    Dimension.AGENT: (col(Order.agent_id), col(Agent.name), Agent),
    Dimension.SALESPERSON: (col(Customer.contact_user_id), col(User.display_name), User),
    Dimension.CUSTOMER: (col(Order.customer_id), col(Customer.name), None),
    Dimension.MCU_MODEL: (col(OrderLine.mcu_model_id), col(McuModel.part_number), McuModel),
    Dimension.PRODUCT_DOMAIN: (
        col(OrderLine.product_domain_id),
        col(ProductDomain.name),
        ProductDomain,
    ),
    Dimension.REGION: (col(Customer.province), col(Customer.province), None),
}
_JOINS = {
    Agent: col(Agent.id) == col(Order.agent_id),
    User: col(User.id) == col(Customer.contact_user_id),
    McuModel: col(McuModel.id) == col(OrderLine.mcu_model_id),
    ProductDomain: col(ProductDomain.id) == col(OrderLine.product_domain_id),
}


def period_of(day: date, granularity: Granularity) -> str:
    if granularity is Granularity.MONTH:
        return month_key(day)
    if granularity is Granularity.QUARTER:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def periods_between(start: date, end: date, granularity: Granularity) -> list[str]:
    found, day = [], start
    while day <= end:
        label = period_of(day, granularity)
        if label not in found:
            found.append(label)
        day = add_months(day.replace(day=1), 1)
    return found


@dataclass
class _Tally:
    label: str
    quantity: int = 0
    previous: int = 0
    amounts: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    by_period: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def row(self, key: str, periods: list[str]) -> ShipmentRow:
        change = (
            None
            if not self.previous
            else round((self.quantity - self.previous) * 100 / self.previous, 1)
        )
        return ShipmentRow(
            key=key,
            label=self.label,
            quantity=self.quantity,
            amounts={c: round(a, 2) for c, a in sorted(self.amounts.items())},
            previous_quantity=self.previous,
            change_pct=change,
            by_period={p: self.by_period.get(p, 0) for p in periods},
        )


async def _daily(
    session: AsyncSession,
    principal: Principal,
    dimension: Dimension,
    start: date,
    end: date,
    agent_id: int | None,
) -> list[Any]:
    """Quantity and amount per day, key and currency: small enough to roll up in Python."""
    key, label, table = _DIMENSIONS.get(dimension, (None, None, None))
    columns = [
        col(Order.contract_date),
        key if key is not None else literal(0),
        label if label is not None else literal(""),
        col(OrderLine.currency),
        func.sum(col(OrderLine.quantity)),
        func.sum(col(OrderLine.quantity) * col(OrderLine.unit_price)),
    ]
    statement = (
        live_orders(principal)
        .join(OrderLine, col(OrderLine.order_id) == col(Order.id))
        .join(Customer, col(Customer.id) == col(Order.customer_id))
        .where(col(Order.contract_date) >= start, col(Order.contract_date) <= end)
    )
    if table is not None:
        statement = statement.outerjoin(table, _JOINS[table])
    if agent_id is not None:
        statement = statement.where(col(Order.agent_id) == agent_id)
    statement = statement.with_only_columns(*columns).group_by(*columns[:4])
    return list((await session.execute(statement)).all())


async def shipments(
    session: AsyncSession,
    principal: Principal,
    *,
    granularity: Granularity,
    dimension: Dimension,
    date_from: date,
    date_to: date,
    agent_id: int | None = None,
    top: int | None = None,
) -> ShipmentStats:
    """Rows per dimension value, best first; with `top`, the rest summed as one row "其他"."""
    span = date_to - date_from
    previous_from = date_from - span - timedelta(days=1)
    periods = periods_between(date_from, date_to, granularity)
    tallies: dict[str, _Tally] = {}
    total = _Tally(label="合计")
    for day, key, label, currency, quantity, amount in await _daily(
        session, principal, dimension, previous_from, date_to, agent_id
    ):
        if dimension is Dimension.NONE:
            name, label = "all", "全部"
        else:
            name = str(key)
        tally = tallies.setdefault(name, _Tally(label=str(label) if label is not None else "—"))
        current = day >= date_from
        for target in (tally, total):
            if current:
                target.quantity += int(quantity)
                target.by_period[period_of(day, granularity)] += int(quantity)
                if amount is not None:
                    target.amounts[currency or "CNY"] += float(amount)
            else:
                target.previous += int(quantity)
    ranked = sorted(tallies.items(), key=lambda item: (-item[1].quantity, item[1].label))
    if top is not None and len(ranked) > top:
        rest = _Tally(label="其他")
        for _, tally in ranked[top:]:
            rest.quantity += tally.quantity
            rest.previous += tally.previous
            for currency, amount in tally.amounts.items():
                rest.amounts[currency] += amount
            for period, quantity in tally.by_period.items():
                rest.by_period[period] += quantity
        ranked = [*ranked[:top], ("other", rest)]
    return ShipmentStats(
        granularity=granularity,
        group_by=dimension,
        date_from=date_from.isoformat(),
        date_to=date_to.isoformat(),
        periods=periods,
        rows=[tally.row(key, periods) for key, tally in ranked],
        total=total.row("total", periods),
    )


def table(stats: ShipmentStats) -> tuple[list[str], list[list[Any]]]:
    """The statistics as one table (the export): the same numbers as the JSON."""
    currencies = sorted({c for r in [*stats.rows, stats.total] for c in r.amounts})
    headers = ["key", "label", "quantity", "previous_quantity", "change_pct"]
    headers += [f"amount_{c}" for c in currencies] + stats.periods
    rows = [
        [r.key, r.label, r.quantity, r.previous_quantity, r.change_pct]
        + [r.amounts.get(c, 0.0) for c in currencies]
        + [r.by_period[p] for p in stats.periods]
        for r in [*stats.rows, stats.total]
    ]
    return headers, rows
