from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from api.audit.models import AuditLog
from api.authz.policy import readable, readable_statement
from api.authz.principal import Principal
from api.kit.clock import CHINA
from api.kit.pagination import PageParams, paginate
from api.users.models import User


@dataclass(frozen=True)
class AuditFilters:
    """Every filter is optional and they combine (AND)."""

    object_type: str | None = None
    object_id: str | None = None
    actor_id: int | None = None
    agent_id: int | None = None
    action: str | None = None
    date_from: date | None = None  # inclusive, a day in China Standard Time
    date_to: date | None = None  # inclusive, a day in China Standard Time


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(), CHINA)


def filtered_statement(principal: Principal, f: AuditFilters) -> Select[AuditLog]:
    """The rows `principal` may read that match `f`, newest first."""
    statement = readable_statement(principal, AuditLog)
    filters = {
        col(AuditLog.object_type): f.object_type,
        col(AuditLog.object_id): f.object_id,
        col(AuditLog.actor_id): f.actor_id,
        col(AuditLog.action): f.action,
    }
    for column, value in filters.items():
        if value is not None:
            statement = statement.where(column == value)
    if f.agent_id is not None:
        # The agent's rows: the object belongs to it, or one of its people did it.
        agent_people = select(col(User.id)).where(col(User.agent_id) == f.agent_id)
        statement = statement.where(
            or_(col(AuditLog.agent_id) == f.agent_id, col(AuditLog.actor_id).in_(agent_people))
        )
    if f.date_from is not None:
        statement = statement.where(col(AuditLog.at) >= _day_start(f.date_from))
    if f.date_to is not None:
        statement = statement.where(col(AuditLog.at) < _day_start(f.date_to + timedelta(days=1)))
    return statement.order_by(col(AuditLog.id).desc())


async def list_entries(
    session: AsyncSession, principal: Principal, page: PageParams, filters: AuditFilters
) -> tuple[list[AuditLog], int]:
    return await paginate(session, filtered_statement(principal, filters), page)


async def export_entries(
    session: AsyncSession, principal: Principal, filters: AuditFilters, limit: int
) -> list[AuditLog]:
    """The newest `limit` matching rows (an export is capped, not paged)."""
    rows = await session.scalars(filtered_statement(principal, filters).limit(limit))
    return list(rows.all())


async def facets(session: AsyncSession, principal: Principal) -> tuple[list[str], list[str]]:
    """The object types and actions that occur in the rows `principal` may read."""
    allowed = readable(principal, AuditLog)
    values = []
    for column in (col(AuditLog.object_type), col(AuditLog.action)):
        rows = await session.scalars(select(column).where(allowed).distinct().order_by(column))
        values.append(list(rows.all()))
    return values[0], values[1]
