"""The shipment statistics query: the caller's readable, not deleted orders, like every order
list, summed per day, dimension value and currency."""

from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import func, literal
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col

from api.agents.models import Agent
from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.catalog.models import McuModel, ProductDomain
from api.customers.models import Customer
from api.orders.models import Order, OrderLine, not_deleted
from api.stats.schemas import Dimension
from api.users.models import User

# dimension -> (key column, label column, table to join for the label)
_DIMENSIONS: dict[Dimension, tuple[Any, Any, type[SQLModel] | None]] = {
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


class DailyShipment(NamedTuple):
    day: date
    key: Any  # the dimension's value (an id or a province); 0 without a dimension
    label: str | None
    currency: str | None
    quantity: int
    amount: Decimal | None  # quantity × unit price of the lines that have a price


async def daily_shipments(
    session: AsyncSession,
    principal: Principal,
    dimension: Dimension,
    start: date,
    end: date,
    agent_id: int | None,
) -> list[DailyShipment]:
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
        readable_statement(principal, Order)
        .where(not_deleted())
        .join(OrderLine, col(OrderLine.order_id) == col(Order.id))
        .join(Customer, col(Customer.id) == col(Order.customer_id))
        .where(col(Order.contract_date) >= start, col(Order.contract_date) <= end)
    )
    if table is not None:
        statement = statement.outerjoin(table, _JOINS[table])
    if agent_id is not None:
        statement = statement.where(col(Order.agent_id) == agent_id)
    per_day = statement.with_only_columns(*columns).group_by(*columns[:4])
    return [
        DailyShipment(day, key, label, currency, int(quantity), amount)
        for day, key, label, currency, quantity, amount in await session.execute(per_day)
    ]
