"""Forecast queries: the projects that make demand and the orders that met it, both from the
caller's readable scope, and the stored monthly snapshots."""

from datetime import date
from typing import NamedTuple

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from api.agents.models import Agent
from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.catalog.models import McuModel, ProductDomain, in_domain
from api.customers.models import Customer, CustomerStatus
from api.forecast.models import ForecastSnapshot
from api.orders.models import Order, OrderLine, not_deleted
from api.projects.models import Project
from api.projects.stages import ProjectStage


class DemandSource(NamedTuple):
    """A project expected to need our MCU, with the names the forecast shows."""

    stage: ProjectStage
    annual_volume: int
    milestone_date: date | None
    mcu_model_id: int
    mcu_model: str
    agent_id: int
    agent: str
    product_domain_id: int
    product_domain: str


class ShippedLine(NamedTuple):
    contract_date: date
    mcu_model_id: int
    agent_id: int
    quantity: int


async def demand_sources(
    session: AsyncSession,
    principal: Principal,
    *,
    mcu_model_id: int | None = None,
    agent_id: int | None = None,
    product_domain_id: int | None = None,
) -> list[DemandSource]:
    """The readable projects with our MCU model and an annual volume, of protected customers,
    by the customer's current agent."""
    statement = (
        readable_statement(principal, Project)
        .join(Customer, col(Customer.id) == col(Project.customer_id))
        .join(McuModel, col(McuModel.id) == col(Project.mcu_model_id))
        .join(Agent, col(Agent.id) == col(Project.agent_id))
        .join(ProductDomain, col(ProductDomain.id) == col(Project.product_domain_id))
        .where(
            col(Customer.status) == CustomerStatus.PROTECTED,
            col(Customer.agent_id) == col(Project.agent_id),
            col(Project.annual_volume) > 0,
        )
        .with_only_columns(
            col(Project.stage),
            col(Project.annual_volume),
            col(Project.milestone_date),
            col(McuModel.id),
            col(McuModel.part_number),
            col(Agent.id),
            col(Agent.name),
            col(ProductDomain.id),
            col(ProductDomain.name),
        )
    )
    if mcu_model_id is not None:
        statement = statement.where(col(Project.mcu_model_id) == mcu_model_id)
    if agent_id is not None:
        statement = statement.where(col(Project.agent_id) == agent_id)
    if product_domain_id is not None:
        statement = statement.where(in_domain(Project.product_domain_id, product_domain_id))
    return [DemandSource._make(row) for row in await session.execute(statement)]


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
    return {m.id or 0: m.part_number for m in await session.scalars(select(McuModel))}


async def agent_names(session: AsyncSession) -> dict[int, str]:
    return {a.id or 0: a.name for a in await session.scalars(select(Agent))}
