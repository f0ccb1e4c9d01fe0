"""Registration queries; every one starts from the caller's readable scope."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.kit.errors import NotFound
from api.kit.filters import within
from api.kit.pagination import PageParams, paginate
from api.registrations.models import (
    ApplicationStatus,
    Registration,
    RegistrationCheck,
    RegistrationKind,
)


@dataclass
class ApplicationFilters:
    status: ApplicationStatus | None = None
    kind: RegistrationKind | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


def _with_parties(statement: Select[Registration]) -> Select[Registration]:
    # populate_existing: a registration changed in this transaction is re-read with its parties.
    return statement.execution_options(populate_existing=True).options(
        selectinload(Registration.customer),  # type: ignore[arg-type]
        selectinload(Registration.agent),  # type: ignore[arg-type]
        selectinload(Registration.applicant),  # type: ignore[arg-type]
        selectinload(Registration.decided_by),  # type: ignore[arg-type]
    )


async def list_registrations(
    session: AsyncSession, principal: Principal, page: PageParams, filters: ApplicationFilters
) -> tuple[list[Registration], int]:
    statement = _with_parties(readable_statement(principal, Registration))
    if filters.status is not None:
        statement = statement.where(col(Registration.status) == filters.status)
    if filters.kind is not None:
        statement = statement.where(col(Registration.kind) == filters.kind)
    statement = statement.where(
        within(col(Registration.created_at), filters.created_from, filters.created_to)
    )
    statement = statement.order_by(col(Registration.created_at).desc(), col(Registration.id).desc())
    return await paginate(session, statement, page)


async def get_visible(
    session: AsyncSession, principal: Principal, registration_id: int
) -> Registration:
    statement = _with_parties(readable_statement(principal, Registration)).where(
        col(Registration.id) == registration_id
    )
    registration = await session.scalar(statement)
    if registration is None:
        raise NotFound("registration")
    return registration


async def pending_pool_applications(session: AsyncSession, agent_id: int) -> int:
    return int(
        await session.scalar(
            select(func.count())
            .select_from(Registration)
            .where(
                col(Registration.agent_id) == agent_id,
                col(Registration.kind) == RegistrationKind.POOL,
                col(Registration.status) == ApplicationStatus.PENDING,
            )
        )
        or 0
    )


async def check_activity(
    session: AsyncSession, since: datetime
) -> list[tuple[int, int | None, int, int]]:
    """(user id, agent id, distinct names checked, applications) per user since `since`."""
    applications = (
        select(func.count())
        .select_from(Registration)
        .where(
            col(Registration.applicant_id) == col(RegistrationCheck.user_id),
            col(Registration.created_at) >= since,
        )
        .scalar_subquery()
    )
    rows = await session.execute(
        select(
            col(RegistrationCheck.user_id),
            func.max(col(RegistrationCheck.agent_id)),
            func.count(func.distinct(col(RegistrationCheck.name_key))),
            applications,
        )
        .where(col(RegistrationCheck.at) >= since)
        .group_by(col(RegistrationCheck.user_id))
    )
    return [(r[0], r[1], int(r[2]), int(r[3] or 0)) for r in rows.all()]
