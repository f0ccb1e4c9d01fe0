"""Imports and their rows, always read through the caller's scope."""

from datetime import datetime
from typing import Any, cast

from sqlalchemy import bindparam, func, insert, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col, select

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.authz.roles import Role
from api.catalog.models import ProductDomain
from api.imports.models import CustomerImport, CustomerImportRow, ImportStatus, RowStatus
from api.kit.errors import NotFound
from api.kit.pagination import PageParams, paginate
from api.users.models import User

_EAGER = (
    selectinload(CustomerImport.agent),  # type: ignore[arg-type]
    selectinload(CustomerImport.created_by),  # type: ignore[arg-type]
)


async def get_visible(
    session: AsyncSession, principal: Principal, import_id: int
) -> CustomerImport:
    job = await session.scalar(
        readable_statement(principal, CustomerImport)
        .where(col(CustomerImport.id) == import_id)
        .options(*_EAGER)
        .execution_options(populate_existing=True)
    )
    if job is None:
        raise NotFound("import")
    return job


async def list_imports(
    session: AsyncSession, principal: Principal, page: PageParams
) -> tuple[list[CustomerImport], int]:
    statement = (
        readable_statement(principal, CustomerImport)
        .options(*_EAGER)
        .order_by(col(CustomerImport.id).desc())
    )
    return await paginate(session, statement, page)


async def list_rows(
    session: AsyncSession, import_id: int, statuses: list[RowStatus] | None, page: PageParams
) -> tuple[list[CustomerImportRow], int]:
    """Rows of an import the caller was allowed to load (get_visible first)."""
    statement = select(CustomerImportRow).where(col(CustomerImportRow.import_id) == import_id)
    if statuses:
        statement = statement.where(col(CustomerImportRow.status).in_(statuses))
    return await paginate(session, statement.order_by(col(CustomerImportRow.row_number)), page)


async def lock(session: AsyncSession, job: CustomerImport) -> None:
    """Lock the import's row and re-read its status: of two simultaneous commits one starts."""
    await session.refresh(job, attribute_names=["status"], with_for_update=True)


async def insert_rows(
    session: AsyncSession, import_id: int, rows: list[tuple[int, dict[str, str]]]
) -> None:
    """The file's rows, unchecked: one statement (10,000 ORM objects would take seconds)."""
    await session.execute(
        insert(CustomerImportRow),
        [
            {"import_id": import_id, "row_number": number, "values": values}
            | {"status": RowStatus.PENDING, "reasons": [], "candidates": []}
            for number, values in rows
        ],
    )


async def stalled(
    session: AsyncSession, statuses: tuple[ImportStatus, ...], cutoff: datetime
) -> list[int]:
    """Imports in a running pass whose server stopped beating before `cutoff`."""
    ids = await session.scalars(
        select(CustomerImport.id).where(
            col(CustomerImport.status).in_(statuses), col(CustomerImport.heartbeat_at) < cutoff
        )
    )
    return [i for i in ids if i is not None]


async def claim(session: AsyncSession, import_id: int, cutoff: datetime, at: datetime) -> bool:
    """Take over a stalled pass: only one server's conditional update succeeds."""
    taken = await session.execute(
        update(CustomerImport)
        .where(col(CustomerImport.id) == import_id, col(CustomerImport.heartbeat_at) < cutoff)
        .values(heartbeat_at=at)
    )
    return bool(cast(Any, taken).rowcount == 1)


async def beat(
    session: AsyncSession, import_id: int, status: ImportStatus, progress: int, at: datetime
) -> bool:
    """Record progress while the pass still owns the import (its status unchanged)."""
    beaten = await session.execute(
        update(CustomerImport)
        .where(col(CustomerImport.id) == import_id, col(CustomerImport.status) == status)
        .values(progress=progress, heartbeat_at=at)
    )
    return bool(cast(Any, beaten).rowcount == 1)


async def fail(
    session: AsyncSession,
    import_id: int,
    running: tuple[ImportStatus, ...],
    error: str,
    at: datetime,
) -> None:
    await session.execute(
        update(CustomerImport)
        .where(col(CustomerImport.id) == import_id, col(CustomerImport.status).in_(running))
        .values(status=ImportStatus.FAILED, error=error, heartbeat_at=at)
    )


async def row_values(
    session: AsyncSession, import_id: int, status: RowStatus | None = None
) -> list[tuple[int, int, dict[str, str]]]:
    """(row id, row number, cells) of the import's rows (of one status), in file order."""
    statement = select(
        CustomerImportRow.id, CustomerImportRow.row_number, CustomerImportRow.values
    ).where(col(CustomerImportRow.import_id) == import_id)
    if status is not None:
        statement = statement.where(col(CustomerImportRow.status) == status)
    rows = await session.execute(statement.order_by(col(CustomerImportRow.row_number)))
    return [(cast(int, r[0]), r[1], r[2]) for r in rows.all()]


async def rows_by_id(session: AsyncSession, ids: list[int]) -> list[CustomerImportRow]:
    rows = await session.scalars(
        select(CustomerImportRow)
        .where(col(CustomerImportRow.id).in_(ids))
        .order_by(col(CustomerImportRow.row_number))
    )
    return list(rows)


async def count_rows(session: AsyncSession, import_id: int | None) -> dict[RowStatus, int]:
    counts = await session.execute(
        select(CustomerImportRow.status, func.count())
        .where(col(CustomerImportRow.import_id) == import_id)
        .group_by(col(CustomerImportRow.status))
    )
    return {RowStatus(status): int(n) for status, n in counts.all()}


async def mark_rows(
    session: AsyncSession, status: RowStatus, changes: list[dict[str, Any]]
) -> None:
    """Set `status` and the given columns on rows; each change is {"row_id": …, column: value}
    (Core executemany: one statement whatever the number of rows)."""
    if not changes:
        return
    table = CustomerImportRow.__table__  # type: ignore[attr-defined]
    columns: dict[str, Any] = {key: bindparam(key) for key in changes[0] if key != "row_id"}
    await session.execute(
        update(table).where(table.c.id == bindparam("row_id")).values(status=status, **columns),
        changes,
    )


async def active_domains(session: AsyncSession) -> list[ProductDomain]:
    return list(await session.scalars(select(ProductDomain).where(col(ProductDomain.is_active))))


async def active_sales(session: AsyncSession, agent_id: int) -> list[User]:
    users = await session.scalars(
        select(User).where(
            col(User.agent_id) == agent_id,
            col(User.role) == Role.SALES,
            col(User.is_active).is_(True),
        )
    )
    return list(users)
