"""Order queries; every read starts from the caller's readable, not deleted orders."""

from datetime import date

from sqlalchemy import Select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.kit.errors import NotFound
from api.kit.filters import within
from api.kit.pagination import PageParams, paginate
from api.orders.models import Order, OrderLine, not_deleted


def _live_orders(principal: Principal) -> Select[Order]:
    return readable_statement(principal, Order).where(not_deleted())


# SQLModel types a relationship attribute as the related model, not as the attribute that
# selectinload() takes: hence `type: ignore[arg-type]` on each loader option.
def _with_lines(statement: Select[Order]) -> Select[Order]:
    return statement.execution_options(populate_existing=True).options(
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
