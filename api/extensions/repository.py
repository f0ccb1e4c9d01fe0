from sqlalchemy import Select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col

from api.applications.repository import filtered
from api.applications.schemas import ApplicationFilters
from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.extensions.models import Extension
from api.kit.errors import NotFound
from api.kit.pagination import PageParams, paginate


def _with_parties(statement: Select[Extension]) -> Select[Extension]:
    return statement.execution_options(populate_existing=True).options(
        selectinload(Extension.customer),  # type: ignore[arg-type]
        selectinload(Extension.agent),  # type: ignore[arg-type]
        selectinload(Extension.applicant),  # type: ignore[arg-type]
        selectinload(Extension.decided_by),  # type: ignore[arg-type]
    )


async def list_extensions(
    session: AsyncSession,
    principal: Principal,
    page: PageParams,
    filters: ApplicationFilters,
    customer_id: int | None = None,
) -> tuple[list[Extension], int]:
    statement = _with_parties(readable_statement(principal, Extension))
    if customer_id is not None:
        statement = statement.where(col(Extension.customer_id) == customer_id)
    return await paginate(session, filtered(statement, Extension, filters), page)


async def get_visible(session: AsyncSession, principal: Principal, extension_id: int) -> Extension:
    statement = _with_parties(readable_statement(principal, Extension)).where(
        col(Extension.id) == extension_id
    )
    extension = await session.scalar(statement)
    if extension is None:
        raise NotFound("extension")
    return extension


async def insert_open(session: AsyncSession, extension: Extension) -> bool:
    """Insert under a savepoint; False when the customer already has an open extension (the
    database keeps one per customer)."""
    try:
        async with session.begin_nested():
            session.add(extension)
            await session.flush()
    except IntegrityError:
        return False
    return True
