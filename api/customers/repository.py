"""Customer queries; every one starts from the caller's readable scope."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import and_, col, or_

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.catalog.models import in_domain
from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.kit.clock import CHINA
from api.kit.errors import NotFound
from api.kit.pagination import PageParams, order_by, paginate

SORTABLE = {
    "name": col(Customer.name),
    "protection_until": col(Customer.protection_until),
    "created_at": col(Customer.created_at),
    "updated_at": col(Customer.updated_at),
    "annual_mcu_usage_wan": col(Customer.annual_mcu_usage_wan),
}


@dataclass
class CustomerFilters:
    search: str | None = None
    statuses: list[CustomerStatus] | None = None
    province: str | None = None
    city: str | None = None
    product_domain_id: int | None = None
    contact_user_id: int | None = None
    agent_id: int | None = None
    near_expiry_before: datetime | None = None  # protected, period mode, ending before this
    followup_overdue_at: datetime | None = (
        None  # protected, no report for the interval (set: now - interval)
    )
    sort: str | None = None


def with_people(statement: Select[Customer]) -> Select[Customer]:
    # populate_existing: a customer changed in this transaction is re-read with its people.
    return statement.execution_options(populate_existing=True).options(
        selectinload(Customer.contact),  # type: ignore[arg-type]
        selectinload(Customer.product_domain),  # type: ignore[arg-type]
        selectinload(Customer.agent),  # type: ignore[arg-type]
        selectinload(Customer.faes),  # type: ignore[arg-type]
    )


def _filtered(statement: Select[Customer], f: CustomerFilters) -> Select[Customer]:
    if f.search:
        pattern = f"%{f.search.strip()}%"
        statement = statement.where(
            or_(col(Customer.name).ilike(pattern), col(Customer.purchaser).ilike(pattern))
        )
    if f.statuses:
        statement = statement.where(col(Customer.status).in_(f.statuses))
    for column, value in (
        (Customer.province, f.province),
        (Customer.city, f.city),
        (Customer.contact_user_id, f.contact_user_id),
        (Customer.agent_id, f.agent_id),
    ):
        if value is not None:
            statement = statement.where(col(column) == value)
    if f.product_domain_id is not None:
        statement = statement.where(in_domain(Customer.product_domain_id, f.product_domain_id))
    if f.near_expiry_before is not None:
        statement = statement.where(
            col(Customer.status) == CustomerStatus.PROTECTED,
            col(Customer.protection_mode) == ProtectionMode.PERIOD,
            col(Customer.protection_until) < f.near_expiry_before,
        )
    if f.followup_overdue_at is not None:
        cutoff = f.followup_overdue_at
        statement = statement.where(
            col(Customer.status) == CustomerStatus.PROTECTED,
            or_(
                col(Customer.last_report_at) < cutoff.astimezone(CHINA).date(),
                and_(col(Customer.last_report_at).is_(None), col(Customer.approved_at) < cutoff),
            ),
        )
    return statement


async def list_customers(
    session: AsyncSession, principal: Principal, page: PageParams, filters: CustomerFilters
) -> tuple[list[Customer], int]:
    statement = _filtered(with_people(readable_statement(principal, Customer)), filters)
    statement = statement.order_by(
        *order_by(filters.sort, SORTABLE, "-updated_at"), col(Customer.id)
    )
    return await paginate(session, statement, page)


async def get_visible(session: AsyncSession, principal: Principal, customer_id: int) -> Customer:
    """The customer if the caller may see it; 404 otherwise (no existence leak)."""
    statement = with_people(readable_statement(principal, Customer)).where(
        col(Customer.id) == customer_id
    )
    customer = await session.scalar(statement)
    if customer is None:
        raise NotFound("customer")
    return customer
