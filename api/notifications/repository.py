"""Outbox and reminder queries, and the people mail goes to."""

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import and_, or_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.authz.roles import Role
from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.kit.pagination import PageParams, paginate
from api.notifications.models import OutboxMessage, OutboxStatus, Reminder
from api.users.models import User


async def list_outbox(
    session: AsyncSession, principal: Principal, page: PageParams, status: OutboxStatus | None
) -> tuple[list[OutboxMessage], int]:
    statement = readable_statement(principal, OutboxMessage)
    if status is not None:
        statement = statement.where(col(OutboxMessage.status) == status)
    return await paginate(session, statement.order_by(col(OutboxMessage.id).desc()), page)


async def users_by_id(session: AsyncSession, ids: set[int]) -> dict[int, User]:
    if not ids:
        return {}
    users = await session.scalars(select(User).where(col(User.id).in_(ids)))
    return {u.id: u for u in users.all() if u.id is not None}


async def masters_by_agent(session: AsyncSession, agent_ids: set[int]) -> dict[int, list[User]]:
    """The master accounts (代理商主账号) of each agent."""
    masters: dict[int, list[User]] = {a: [] for a in agent_ids}
    if agent_ids:
        users = await session.scalars(
            select(User)
            .where(col(User.agent_id).in_(agent_ids), col(User.role) == Role.AGENT_ADMIN)
            .order_by(col(User.id))
        )
        for user in users.all():
            masters[user.agent_id or 0].append(user)
    return masters


async def vendor_staff(session: AsyncSession) -> list[User]:
    """The manufacturer's staff, who decide applications."""
    users = await session.scalars(
        select(User).where(col(User.role) == Role.VENDOR).order_by(col(User.id))
    )
    return list(users.all())


async def reminders_given(
    session: AsyncSession, kind: str, customer_ids: list[int]
) -> set[tuple[int, str]]:
    """(customer id, episode) of the reminders of `kind` already given to these customers."""
    rows = await session.execute(
        select(col(Reminder.customer_id), col(Reminder.episode)).where(
            col(Reminder.kind) == kind, col(Reminder.customer_id).in_(customer_ids)
        )
    )
    return {(r[0], r[1]) for r in rows.all()}


async def protection_ending_between(
    session: AsyncSession, start: datetime, end: datetime
) -> list[Customer]:
    """Protected customers whose protection period ends after `start` and before `end`."""
    statement = (
        select(Customer)
        .where(
            col(Customer.status) == CustomerStatus.PROTECTED,
            col(Customer.protection_mode) == ProtectionMode.PERIOD,
            col(Customer.protection_until) > start,
            col(Customer.protection_until) < end,
        )
        .order_by(col(Customer.id))
    )
    return list((await session.scalars(statement)).all())


async def not_reported_since(
    session: AsyncSession, last_report_before: date, approved_before: datetime
) -> list[Customer]:
    """Protected customers whose last report is older than `last_report_before`, or without a
    report and approved before `approved_before`: the candidates for an overdue follow-up."""
    statement = (
        select(Customer)
        .where(
            col(Customer.status) == CustomerStatus.PROTECTED,
            or_(
                col(Customer.last_report_at) < last_report_before,
                and_(
                    col(Customer.last_report_at).is_(None),
                    col(Customer.approved_at) < approved_before,
                ),
            ),
        )
        .order_by(col(Customer.id))
    )
    return list((await session.scalars(statement)).all())


async def claim_due(
    session: AsyncSession, token: str, lease_until: datetime, at: datetime, limit: int
) -> list[OutboxMessage]:
    """Lease up to `limit` due, unclaimed (or expired) messages to `token`. SKIP LOCKED lets
    claimers on PostgreSQL take different rows at once; on SQLite claimers take turns."""
    due = await session.scalars(
        select(OutboxMessage)
        .where(
            col(OutboxMessage.status) == OutboxStatus.PENDING,
            col(OutboxMessage.next_attempt_at) <= at,
            or_(col(OutboxMessage.lease_until).is_(None), col(OutboxMessage.lease_until) < at),
        )
        .order_by(col(OutboxMessage.id))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    claimed = list(due.all())
    for message in claimed:
        message.claim_token, message.lease_until = token, lease_until
    return claimed


async def end_claim(
    session: AsyncSession, token: str, message_ids: list[int], values: dict[str, Any]
) -> int:
    """Apply `values` to the messages still claimed by `token` and end the claim; how many."""
    result = await session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.id).in_(message_ids), col(OutboxMessage.claim_token) == token)
        .values(claim_token=None, lease_until=None, **values)
    )
    return int(cast(Any, result).rowcount or 0)
