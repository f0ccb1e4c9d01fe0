"""Imports and their rows, always read through the caller's scope."""

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col, select

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.imports.models import CustomerImport, CustomerImportRow, RowStatus
from api.kit.errors import NotFound
from api.kit.pagination import PageParams, paginate

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
