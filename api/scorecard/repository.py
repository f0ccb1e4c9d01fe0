"""The scorecard's aggregates: one grouped statement per measure, each from the caller's
readable scope, so the number of statements does not grow with agents, people or rows."""

from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, case, func, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from api.agents.models import Agent
from api.applications.models import ApplicationStatus
from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.authz.roles import Role
from api.customers.models import Customer, CustomerStatus, followup_overdue
from api.forecast.models import ForecastSnapshot
from api.kit.clock import shift_month
from api.orders.models import Order, OrderLine, not_deleted
from api.registrations.models import Registration
from api.reports.models import Report
from api.users.models import User

# The accounts that own customers and write reports: a row each under their agent.
SCORED_ROLES = (Role.SALES, Role.AGENT_ADMIN)


class Person(NamedTuple):
    user_id: int
    name: str
    agent_id: int
    is_active: bool


class CustomerCount(NamedTuple):
    agent_id: int
    contact_user_id: int | None
    protected: int
    overdue: int


class MonthCount(NamedTuple):
    agent_id: int
    user_id: int | None  # the report's author; the order's customer's contact salesperson
    month: str
    number: int  # reports, or orders
    quantity: int


class Decisions(NamedTuple):
    agent_id: int
    applicant_id: int
    status: ApplicationStatus
    number: int


class ForecastCell(NamedTuple):
    agent_id: int
    month: str
    quantity: float


def first_day(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def _month_of(day: Any, months: list[str]) -> ColumnElement[Any]:
    """The 'YYYY-MM' of a date column, portable across SQLite and PostgreSQL: the first month
    whose end the date is before (the statement keeps dates inside the period)."""
    return case(*((day < first_day(shift_month(m, 1)), m) for m in months))


async def agents(session: AsyncSession, principal: Principal) -> list[Agent]:
    statement = readable_statement(principal, Agent).order_by(col(Agent.name), col(Agent.id))
    return list((await session.scalars(statement)).all())


async def people(session: AsyncSession, principal: Principal) -> list[Person]:
    statement = (
        readable_statement(principal, User)
        .where(col(User.role).in_(SCORED_ROLES), col(User.agent_id).is_not(None))
        .with_only_columns(
            col(User.id), col(User.display_name), col(User.agent_id), col(User.is_active)
        )
        .order_by(col(User.display_name), col(User.id))
    )
    return [Person._make(row) for row in await session.execute(statement)]


async def customer_counts(
    session: AsyncSession, principal: Principal, overdue_cutoff: datetime
) -> list[CustomerCount]:
    """Protected customers, and those overdue for a report, per agent and contact salesperson."""
    overdue = func.sum(case((followup_overdue(overdue_cutoff), 1), else_=0))
    statement = (
        readable_statement(principal, Customer)
        .where(col(Customer.status) == CustomerStatus.PROTECTED)
        .with_only_columns(
            col(Customer.agent_id), col(Customer.contact_user_id), func.count(), overdue
        )
        .group_by(col(Customer.agent_id), col(Customer.contact_user_id))
    )
    return [
        CustomerCount(agent, contact, int(protected), int(late or 0))
        for agent, contact, protected, late in await session.execute(statement)
    ]


async def monthly_reports(
    session: AsyncSession, principal: Principal, months: list[str], end: date
) -> list[MonthCount]:
    """Reports dated in the period per agent, author and month."""
    month = _month_of(col(Report.report_date), months)
    statement = (
        readable_statement(principal, Report)
        .where(col(Report.report_date) >= first_day(months[0]), col(Report.report_date) <= end)
        .with_only_columns(col(Report.agent_id), col(Report.author_id), month, func.count())
        .group_by(col(Report.agent_id), col(Report.author_id), month)
    )
    return [
        MonthCount(agent, author, m, int(n), 0)
        for agent, author, m, n in await session.execute(statement)
    ]


async def monthly_orders(
    session: AsyncSession, principal: Principal, months: list[str], end: date
) -> list[MonthCount]:
    """Orders (not deleted) and their units per agent, the customer's contact salesperson and
    contract month. An order has one customer and one date, so the counts add up exactly."""
    month = _month_of(col(Order.contract_date), months)
    statement = (
        readable_statement(principal, Order)
        .where(not_deleted())
        .join(OrderLine, col(OrderLine.order_id) == col(Order.id))
        .join(Customer, col(Customer.id) == col(Order.customer_id))
        .where(col(Order.contract_date) >= first_day(months[0]), col(Order.contract_date) <= end)
        .with_only_columns(
            col(Order.agent_id),
            col(Customer.contact_user_id),
            month,
            func.count(func.distinct(col(Order.id))),
            func.sum(col(OrderLine.quantity)),
        )
        .group_by(col(Order.agent_id), col(Customer.contact_user_id), month)
    )
    return [
        MonthCount(agent, contact, m, int(n), int(q or 0))
        for agent, contact, m, n, q in await session.execute(statement)
    ]


async def decisions(
    session: AsyncSession, principal: Principal, start: datetime, end: datetime
) -> list[Decisions]:
    """Registrations approved or rejected in [start, end) per agent and applicant."""
    statement = (
        readable_statement(principal, Registration)
        .where(
            col(Registration.status).in_([ApplicationStatus.APPROVED, ApplicationStatus.REJECTED]),
            col(Registration.decided_at) >= start,
            col(Registration.decided_at) < end,
        )
        .with_only_columns(
            col(Registration.agent_id),
            col(Registration.applicant_id),
            col(Registration.status),
            func.count(),
        )
        .group_by(
            col(Registration.agent_id), col(Registration.applicant_id), col(Registration.status)
        )
    )
    return [Decisions._make(row) for row in await session.execute(statement)]


async def forecasts_a_month_ahead(session: AsyncSession, months: list[str]) -> list[ForecastCell]:
    """Per agent and month, what the snapshot made the month before said (all models summed).
    Snapshots are vendor-wide cells with no per-role scope: the service lets only the vendor's
    staff here."""
    if not months:
        return []
    made_a_month_before = or_(
        *(
            and_(
                col(ForecastSnapshot.target_month) == m,
                col(ForecastSnapshot.made_in) == shift_month(m, -1),
            )
            for m in months
        )
    )
    statement = (
        select(
            col(ForecastSnapshot.agent_id),
            col(ForecastSnapshot.target_month),
            func.sum(col(ForecastSnapshot.quantity)),
        )
        .where(made_a_month_before)
        .group_by(col(ForecastSnapshot.agent_id), col(ForecastSnapshot.target_month))
    )
    return [
        ForecastCell(agent, m, float(q or 0)) for agent, m, q in await session.execute(statement)
    ]
