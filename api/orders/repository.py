"""Order queries; every read starts from the caller's readable, not deleted orders."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    case,
    cast,
    delete,
    exists,
    func,
    literal,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.customers.models import Customer
from api.db import dialect_name
from api.kit.clock import CHINA
from api.kit.errors import NotFound
from api.kit.filters import starts_with_text, within
from api.kit.pagination import PageParams, order_by, paginate
from api.orders.models import Order, OrderLine, ShipmentMonth, not_deleted
from api.orders.totals import CellChange, CellKey

SORTABLE = {
    "contract_date": col(Order.contract_date),
    "order_number": col(Order.order_number),
    "created_at": col(Order.created_at),
}


@dataclass
class OrderFilters:
    """The order list across customers (the order desk). Numbers match exactly or by their
    start; dates are contract dates, `entered_on` the China day the order was recorded."""

    batch: str | None = None
    order_number: str | None = None
    customer_id: int | None = None
    mcu_model_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    entered_on: date | None = None
    sort: str | None = None


def _live_orders(principal: Principal) -> Select[Order]:
    return readable_statement(principal, Order).where(not_deleted())


# SQLModel types a relationship attribute as the related model, not as the attribute that
# selectinload() takes: hence `type: ignore[arg-type]` on each loader option.
def _with_lines(statement: Select[Order]) -> Select[Order]:
    return statement.execution_options(populate_existing=True).options(
        selectinload(Order.customer),  # type: ignore[arg-type]
        selectinload(Order.created_by),  # type: ignore[arg-type]
        selectinload(Order.lines).selectinload(OrderLine.project),  # type: ignore[arg-type]
        selectinload(Order.lines).selectinload(OrderLine.mcu_model),  # type: ignore[arg-type]
        selectinload(Order.lines).selectinload(OrderLine.product_domain),  # type: ignore[arg-type]
    )


async def list_orders(
    session: AsyncSession,
    principal: Principal,
    customer_id: int,
    page: PageParams,
    date_from: date | None = None,
    date_to: date | None = None,
) -> tuple[list[Order], int]:
    statement = _with_lines(_live_orders(principal)).where(col(Order.customer_id) == customer_id)
    statement = statement.where(within(col(Order.contract_date), date_from, date_to))
    statement = statement.order_by(col(Order.contract_date).desc(), col(Order.id).desc())
    return await paginate(session, statement, page)


def _carries_batch(session: AsyncSession, batch: str) -> Select[int | None]:
    """The lines (their ids) with a batch number that is `batch` or starts with it: each line's
    JSON array unnested as rows (PostgreSQL: a function in FROM sees the tables before it)."""
    elements = (
        func.json_array_elements_text
        if dialect_name(session) == "postgresql"
        else func.json_each  # SQLite
    )
    number = elements(col(OrderLine.batches)).table_valued("value")
    return (
        select(col(OrderLine.id))
        .select_from(OrderLine)
        .join(number, true())
        .where(starts_with_text(number.c.value, batch))
    )


def _has_batch(session: AsyncSession, batch: str) -> ColumnElement[bool]:
    """A line of the order carries a batch number that is `batch` or starts with it."""
    return col(Order.id).in_(
        select(col(OrderLine.order_id)).where(col(OrderLine.id).in_(_carries_batch(session, batch)))
    )


def _filtered(session: AsyncSession, statement: Select[Order], f: OrderFilters) -> Select[Order]:
    if f.batch:
        statement = statement.where(_has_batch(session, f.batch))
    if f.order_number:
        statement = statement.where(starts_with_text(col(Order.order_number), f.order_number))
    if f.customer_id is not None:
        statement = statement.where(col(Order.customer_id) == f.customer_id)
    if f.mcu_model_id is not None:
        statement = statement.where(
            exists().where(
                col(OrderLine.order_id) == col(Order.id),
                col(OrderLine.mcu_model_id) == f.mcu_model_id,
            )
        )
    if f.entered_on is not None:
        start = datetime.combine(f.entered_on, time(), CHINA)
        statement = statement.where(
            col(Order.created_at) >= start, col(Order.created_at) < start + timedelta(days=1)
        )
    return statement.where(within(col(Order.contract_date), f.date_from, f.date_to))


def _across_customers(
    session: AsyncSession, principal: Principal, filters: OrderFilters
) -> Select[Order]:
    statement = _filtered(session, _with_lines(_live_orders(principal)), filters)
    return statement.order_by(
        *order_by(filters.sort, SORTABLE, "-contract_date"), col(Order.id).desc()
    )


async def search_orders(
    session: AsyncSession, principal: Principal, page: PageParams, filters: OrderFilters
) -> tuple[list[Order], int]:
    """One page of the caller's orders across every customer they may see."""
    return await paginate(session, _across_customers(session, principal, filters), page)


@dataclass
class BatchDelivery:
    """One order line that carried a traced batch, with its customer."""

    customer_id: int
    customer_name: str
    order_number: str
    contract_date: date
    quantity: int
    batches: list[str]


async def batch_deliveries(
    session: AsyncSession, principal: Principal, batch: str, limit: int
) -> list[BatchDelivery]:
    """Every visible order line carrying a batch that is `batch` or starts with it, with its
    customer, in one statement; by customer, then contract date."""
    orders = _live_orders(principal).subquery()
    statement = (
        select(
            col(Customer.id),
            col(Customer.name),
            orders.c.order_number,
            orders.c.contract_date,
            col(OrderLine.quantity),
            col(OrderLine.batches),
        )
        .select_from(OrderLine)
        .join(orders, orders.c.id == col(OrderLine.order_id))
        .join(Customer, col(Customer.id) == orders.c.customer_id)
        .where(col(OrderLine.id).in_(_carries_batch(session, batch)))
        .order_by(col(Customer.name), orders.c.contract_date, col(OrderLine.id))
        .limit(limit)
    )
    return [BatchDelivery(*row) for row in (await session.execute(statement)).all()]


async def get_visible(
    session: AsyncSession, principal: Principal, order_id: int, for_update: bool = False
) -> Order:
    """The live order the caller may see (404 otherwise); `for_update` locks it until commit:
    a second edit or delete waits, then finds the order as the first left it."""
    statement = _with_lines(_live_orders(principal)).where(col(Order.id) == order_id)
    if for_update:
        statement = statement.with_for_update(of=Order)
    order = await session.scalar(statement)
    if order is None:
        raise NotFound("order")
    return order


async def save(session: AsyncSession, order: Order) -> bool:
    """Write the order and its lines; False (nothing written) when the agent already has a live
    order with this number (the partial unique index decides, so two requests cannot both pass
    a check first)."""
    try:
        async with session.begin_nested():
            session.add(order)
            await session.flush()
    except IntegrityError:
        return False
    return True


_CELL = ("month", "agent_id", "mcu_model_id", "product_domain_id", "currency")
_SUMMED = ("lines", "quantity", "priced_lines", "amount")
_ALL = (*_CELL, *_SUMMED, "first_day", "last_day")


def _earlier(a: ColumnElement[date], b: ColumnElement[date]) -> ColumnElement[date]:
    return case((a < b, a), else_=b)


def _later(a: ColumnElement[date], b: ColumnElement[date]) -> ColumnElement[date]:
    return case((a > b, a), else_=b)


async def add_to_month_totals(session: AsyncSession, changes: dict[CellKey, CellChange]) -> None:
    """One upsert adds every changed cell: the database adds to what is there under its row lock,
    so simultaneous orders all count. Cells go in key order, so two writers lock them in the
    same order and never wait on each other crosswise."""
    if not changes:
        return
    statement = _insert(session)(ShipmentMonth).values(
        [
            {
                **dict(zip(_CELL, key, strict=True)),
                "lines": change.lines,
                "quantity": change.quantity,
                "priced_lines": change.priced_lines,
                "amount": change.amount,
                "first_day": change.first_day,
                "last_day": change.last_day,
            }
            for key, change in sorted(changes.items())
        ]
    )
    await session.execute(_adding_to_cells(statement))


async def move_domain_totals(session: AsyncSession, source_id: int, target_id: int) -> None:
    """Add the month totals of product domain `source_id` to `target_id`'s and drop them (a
    domain merge: its lines moved to the target)."""
    cell = ShipmentMonth.__table__.c  # type: ignore[attr-defined]
    source = cell.product_domain_id == source_id
    moved = select(
        *(literal(target_id) if name == "product_domain_id" else cell[name] for name in _ALL)
    ).where(source)
    await session.execute(
        _adding_to_cells(_insert(session)(ShipmentMonth).from_select(_ALL, moved))
    )
    await session.execute(delete(ShipmentMonth).where(source))


def _insert(session: AsyncSession) -> Any:
    """The dialect's INSERT, which can add to a row that is there (ON CONFLICT DO UPDATE)."""
    return postgresql_insert if dialect_name(session) == "postgresql" else sqlite_insert


def _adding_to_cells(statement: Any) -> Any:
    """An INSERT into shipment_month that adds to the cells already there."""
    cell, new = ShipmentMonth.__table__.c, statement.excluded  # type: ignore[attr-defined]
    return statement.on_conflict_do_update(
        index_elements=list(_CELL),
        set_={
            **{name: cell[name] + new[name] for name in _SUMMED},
            "first_day": _earlier(new.first_day, cell.first_day),
            "last_day": _later(new.last_day, cell.last_day),
        },
    )


async def rebuild_month_totals(session: AsyncSession) -> None:
    """The month totals summed afresh from the live lines (after a bulk load that bypassed the
    service)."""
    day = col(Order.contract_date)
    month: ColumnElement[date] = (
        cast(func.date_trunc("month", day), Date)
        if dialect_name(session) == "postgresql"
        else func.date(day, "start of month")
    )
    cell = [
        month,
        col(Order.agent_id),
        col(OrderLine.mcu_model_id),
        col(OrderLine.product_domain_id),
        func.coalesce(col(OrderLine.currency), ""),
    ]
    sums = (
        select(
            *cell,
            func.count(),
            func.sum(col(OrderLine.quantity)),
            func.count(col(OrderLine.unit_price)),
            func.coalesce(func.sum(col(OrderLine.quantity) * col(OrderLine.unit_price)), 0),
            func.min(day),
            func.max(day),
        )
        .select_from(OrderLine)
        .join(Order, col(Order.id) == col(OrderLine.order_id))
        .where(not_deleted())
        .group_by(*cell)
    )
    await session.execute(delete(ShipmentMonth))
    await session.execute(
        ShipmentMonth.__table__.insert().from_select(_ALL, sums)  # type: ignore[attr-defined]
    )
