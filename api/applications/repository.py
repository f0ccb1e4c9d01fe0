"""The statements both application queues (registrations, extensions) share."""

from typing import Any, TypeVar

from sqlalchemy import Select
from sqlmodel import col

from api.applications.models import Application
from api.applications.schemas import ApplicationFilters
from api.db import AsyncSession
from api.kit.filters import within

SelectT = TypeVar("SelectT", bound=Select[Any])


def filtered(statement: SelectT, model: type[Application], filters: ApplicationFilters) -> SelectT:
    """The filters of the queue (status, creation time), newest first unless oldest_first."""
    if filters.status is not None:
        statement = statement.where(col(model.status) == filters.status)
    statement = statement.where(
        within(col(model.created_at), filters.created_from, filters.created_to)
    )
    if filters.oldest_first:
        return statement.order_by(col(model.created_at), col(model.id))
    return statement.order_by(col(model.created_at).desc(), col(model.id).desc())


async def lock(session: AsyncSession, application: Application) -> None:
    """Lock the application's row until commit and re-read its status (SELECT ... FOR UPDATE
    on PostgreSQL): of two simultaneous decisions, the second sees the first."""
    await session.refresh(application, attribute_names=["status"], with_for_update=True)
