"""Registration queries; every one starts from the caller's readable scope."""

from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col

from api.agents.models import Agent
from api.applications.models import ApplicationStatus
from api.applications.repository import filtered
from api.applications.schemas import ApplicationFilters
from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.kit.errors import NotFound
from api.kit.pagination import PageParams, paginate
from api.registrations.models import Registration, RegistrationCheck, RegistrationKind
from api.users.models import User


def _with_parties(statement: Select[Registration]) -> Select[Registration]:
    # populate_existing: a registration changed in this transaction is re-read with its parties.
    return statement.execution_options(populate_existing=True).options(
        selectinload(Registration.customer),  # type: ignore[arg-type]
        selectinload(Registration.agent),  # type: ignore[arg-type]
        selectinload(Registration.applicant),  # type: ignore[arg-type]
        selectinload(Registration.decided_by),  # type: ignore[arg-type]
    )


async def list_registrations(
    session: AsyncSession,
    principal: Principal,
    page: PageParams,
    filters: ApplicationFilters,
    kind: RegistrationKind | None = None,
) -> tuple[list[Registration], int]:
    statement = _with_parties(readable_statement(principal, Registration))
    if kind is not None:
        statement = statement.where(col(Registration.kind) == kind)
    return await paginate(session, filtered(statement, Registration, filters), page)


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


async def checks_in_window(
    session: AsyncSession, user_id: int, since: datetime
) -> tuple[int, datetime | None]:
    """How many conflict checks the user ran since `since`, and when the oldest of them was;
    the user's row stays locked until commit so simultaneous checks count one by one."""
    await session.execute(select(col(User.id)).where(col(User.id) == user_id).with_for_update())
    count, oldest = (
        await session.execute(
            select(func.count(), func.min(col(RegistrationCheck.at))).where(
                col(RegistrationCheck.user_id) == user_id, col(RegistrationCheck.at) >= since
            )
        )
    ).one()
    return int(count), oldest


async def lock_agent_applications(session: AsyncSession, agent_id: int) -> None:
    """Until commit, the agent's other applications wait (SELECT ... FOR UPDATE on the agent's
    row): a limit counted now cannot be overshot by a simultaneous request."""
    await session.execute(select(col(Agent.id)).where(col(Agent.id) == agent_id).with_for_update())


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


async def users_with_agents(session: AsyncSession, user_ids: list[int]) -> dict[int, User]:
    users = await session.scalars(
        select(User).where(col(User.id).in_(user_ids)).options(selectinload(User.agent))  # type: ignore[arg-type]
    )
    return {u.id: u for u in users if u.id is not None}
