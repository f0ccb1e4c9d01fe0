from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col

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


async def facets(session: AsyncSession, principal: Principal) -> tuple[list[str], list[str]]:
    """The object types and actions that occur in the rows `principal` may read."""
    allowed = readable(principal, AuditLog)
    values = []
    for column in (col(AuditLog.object_type), col(AuditLog.action)):
        rows = await session.scalars(select(column).where(allowed).distinct().order_by(column))
        values.append(list(rows.all()))
    return values[0], values[1]


# What names a row of a table, in this order of preference; a row without one (a report, a
# comment, an application) is named by its customer.
_NAME_COLUMNS = ("name", "display_name", "title", "part_number", "order_number", "login_name")
_USER_REFERENCES = ("author_id", "applicant_id", "actor_id")


def referenced_table(object_type: str, field: str) -> str | None:
    """The table an `…_id` field of an `object_type` snapshot points at, when we can name it."""
    if not field.endswith("_id") or field == "id":
        return None
    tables = SQLModel.metadata.tables
    if field == "parent_id":
        return object_type
    if field == "child_id":
        return "customer"
    if field.endswith("agent_id"):
        return "agent"
    if field.endswith(("user_id", "_by_id")) or field in _USER_REFERENCES:
        return "user_account"
    return field.removesuffix("_id") if field.removesuffix("_id") in tables else None


async def row_names(
    session: AsyncSession, wanted: dict[str, set[int]]
) -> dict[tuple[str, int], str]:
    """The name of each (table, id) asked for, where the table has one (directly or by its
    customer); rows since deleted are left out."""
    tables = SQLModel.metadata.tables
    customer = tables["customer"]
    names: dict[tuple[str, int], str] = {}
    for table_name, ids in wanted.items():
        table = tables.get(table_name)
        if table is None or not ids:
            continue
        column = next((table.c[c] for c in _NAME_COLUMNS if c in table.c), None)
        if column is not None:
            statement = select(table.c.id, column).where(table.c.id.in_(ids))
        elif "customer_id" in table.c:
            statement = (
                select(table.c.id, customer.c.name)
                .join(customer, customer.c.id == table.c.customer_id)
                .where(table.c.id.in_(ids))
            )
        else:
            continue
        for row_id, name in (await session.execute(statement)).all():
            names[(table_name, row_id)] = name
    return names
