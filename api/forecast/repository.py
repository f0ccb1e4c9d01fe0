"""Forecast queries: the projects that make demand and the orders that met it, both from the
caller's readable scope, and the stored monthly snapshots."""

from datetime import date
from typing import NamedTuple

from sqlalchemy import ColumnElement, case, func, null
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlmodel import col, select

from api.agents.models import Agent
from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.catalog.models import McuModel, ProductDomain, in_domain
from api.customers.models import Customer, CustomerStatus
from api.db import dialect_name
from api.forecast.models import ForecastSnapshot
from api.orders.models import Order, OrderLine, not_deleted
from api.projects.models import Project


class DemandGroup(NamedTuple):
    """Projects expected to need one MCU model in one stage (and, in detail, of one agent and
    product domain; None otherwise) whose demand starts in the same month: `from_month`
    'YYYY-MM', or None for "from the first month on"."""

    stage: str
    mcu_model_id: int
    agent_id: int | None
    product_domain_id: int | None
    from_month: str | None
    annual_volume: int


class ShippedLine(NamedTuple):
    contract_date: date
    mcu_model_id: int
    agent_id: int
    quantity: int


def _month_of(session: AsyncSession, day: Mapped[date | None]) -> ColumnElement[str]:
    """'YYYY-MM' of a date column, in the database's own dialect."""
    if dialect_name(session) == "postgresql":
        return func.to_char(day, "YYYY-MM")
    return func.strftime("%Y-%m", day)


async def demand_groups(
    session: AsyncSession,
    principal: Principal,
    *,
    first_day: date,
    end_day: date,
    mcu_model_id: int | None = None,
    agent_id: int | None = None,
    product_domain_id: int | None = None,
    detail: bool,
) -> list[DemandGroup]:
    """The readable projects with our MCU model and an annual volume, of protected customers, by
    the customer's current agent, summed in the database per model, agent, domain, stage and the
    month their demand starts in [first_day, end_day) — a milestone before the horizon counts
    from its first month, one after it not at all — so the answer's size follows the catalogue,
    not the number of projects."""
    milestone = col(Project.milestone_date)
    from_month = case(
        (milestone > first_day, _month_of(session, milestone)),
        else_=None,
    )
    statement = (
        readable_statement(principal, Project)
        .join(Customer, col(Customer.id) == col(Project.customer_id))
        .where(
            col(Customer.status) == CustomerStatus.PROTECTED,
            col(Customer.agent_id) == col(Project.agent_id),
            col(Project.annual_volume) > 0,
            col(Project.mcu_model_id).is_not(None),
            milestone.is_(None) | (milestone < end_day),
        )
    )
    if mcu_model_id is not None:
        statement = statement.where(col(Project.mcu_model_id) == mcu_model_id)
    if agent_id is not None:
        statement = statement.where(col(Project.agent_id) == agent_id)
    if product_domain_id is not None:
        statement = statement.where(in_domain(Project.product_domain_id, product_domain_id))
    per: tuple[SQLCoreOperations[int | None], ...] = (
        (col(Project.agent_id), col(Project.product_domain_id)) if detail else (null(), null())
    )
    keys = (col(Project.stage), col(Project.mcu_model_id), from_month)
    grouped = statement.with_only_columns(*keys, *per, func.sum(col(Project.annual_volume)))
    grouped = grouped.group_by(*keys, *(per if detail else ()))
    return [
        DemandGroup(str(stage), model, agent, domain, month, int(volume))
        for stage, model, month, agent, domain, volume in await session.execute(grouped)
    ]


async def shipped_lines(
    session: AsyncSession, principal: Principal, start: date, end: date
) -> list[ShippedLine]:
    """The lines of the caller's readable, not deleted orders with a contract date in
    [start, end)."""
    statement = (
        readable_statement(principal, Order)
        .where(not_deleted())
        .join(OrderLine, col(OrderLine.order_id) == col(Order.id))
        .where(col(Order.contract_date) >= start, col(Order.contract_date) < end)
        .with_only_columns(
            col(Order.contract_date),
            col(OrderLine.mcu_model_id),
            col(Order.agent_id),
            col(OrderLine.quantity),
        )
    )
    return [ShippedLine._make(row) for row in await session.execute(statement)]


async def snapshot_taken(session: AsyncSession, made_in: str) -> bool:
    taken = select(col(ForecastSnapshot.id)).where(col(ForecastSnapshot.made_in) == made_in)
    return bool(await session.scalar(taken.limit(1)))


async def snapshots(
    session: AsyncSession, principal: Principal, target_months: list[str], made_in: list[str]
) -> list[ForecastSnapshot]:
    """The snapshot cells for these target months made in these months: the vendor's of every
    agent, an agent's people their own agent's (snapshots are vendor-wide, not per role)."""
    statement = select(ForecastSnapshot).where(
        col(ForecastSnapshot.target_month).in_(target_months),
        col(ForecastSnapshot.made_in).in_(made_in),
    )
    if not principal.is_vendor:
        statement = statement.where(col(ForecastSnapshot.agent_id) == principal.agent_id)
    return list((await session.scalars(statement)).all())


async def part_numbers(session: AsyncSession) -> dict[int, str]:
    rows = await session.execute(select(col(McuModel.id), col(McuModel.part_number)))
    return {model_id or 0: part_number for model_id, part_number in rows}


async def agent_names(session: AsyncSession) -> dict[int, str]:
    rows = await session.execute(select(col(Agent.id), col(Agent.name)))
    return {agent_id or 0: name for agent_id, name in rows}


async def domain_names(session: AsyncSession) -> dict[int, str]:
    rows = await session.execute(select(col(ProductDomain.id), col(ProductDomain.name)))
    return {domain_id or 0: name for domain_id, name in rows}
