from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col

from api.authz.policy import pool_statement
from api.authz.principal import Principal
from api.customers.models import Customer
from api.kit.filters import contains_text
from api.kit.pagination import PageParams, order_by, paginate

SORTABLE = {
    "name": col(Customer.name),
    "released_at": col(Customer.released_at),
    "annual_mcu_usage_wan": col(Customer.annual_mcu_usage_wan),
}


async def list_pool(
    session: AsyncSession,
    principal: Principal,
    page: PageParams,
    *,
    search: str | None = None,
    province: str | None = None,
    city: str | None = None,
    product_domain_id: int | None = None,
    sort: str | None = None,
) -> tuple[list[Customer], int]:
    statement = pool_statement(principal).options(selectinload(Customer.product_domain))  # type: ignore[arg-type]
    if search:
        statement = statement.where(contains_text(col(Customer.name), search))
    for column, value in (
        (Customer.province, province),
        (Customer.city, city),
        (Customer.product_domain_id, product_domain_id),
    ):
        if value is not None:
            statement = statement.where(col(column) == value)
    statement = statement.order_by(*order_by(sort, SORTABLE, "-released_at"), col(Customer.id))
    return await paginate(session, statement, page)
