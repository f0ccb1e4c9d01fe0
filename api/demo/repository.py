"""What the demo loader reads back while it writes: rows by their natural keys."""

from typing import TypeVar

from sqlalchemy import func
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col, select

from api.announcements.models import Announcement
from api.authz.policy import announcement_audience_members
from api.authz.roles import Role
from api.projects.models import Project
from api.users.models import User

RowT = TypeVar("RowT", bound=SQLModel)


async def all_rows(session: AsyncSession, model: type[RowT]) -> list[RowT]:
    return list(await session.scalars(select(model)))


async def has_users(session: AsyncSession) -> bool:
    return bool(await session.scalar(select(func.count()).select_from(User)))


async def audience_ids(session: AsyncSession, announcement: Announcement) -> list[int]:
    ids = await session.scalars(
        select(col(User.id)).where(announcement_audience_members(announcement))
    )
    return [i for i in ids if i is not None]


async def order_takers(session: AsyncSession) -> list[User]:
    """Each agent's assistants and master accounts: who enters the demo orders."""
    return list(
        await session.scalars(
            select(User).where(col(User.role).in_([Role.ASSISTANT, Role.AGENT_ADMIN]))
        )
    )


async def project_named(session: AsyncSession, customer_id: int, name: str) -> Project | None:
    return await session.scalar(
        select(Project).where(col(Project.customer_id) == customer_id, col(Project.name) == name)
    )
