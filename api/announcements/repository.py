from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Select, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col, or_, select

from api.agents.models import Agent
from api.announcements.models import Announcement, AnnouncementReceipt
from api.authz.policy import (
    announcement_active,
    announcement_addressed_to,
    announcement_audience_members,
    readable_statement,
)
from api.authz.principal import Principal
from api.kit.errors import NotFound
from api.kit.pagination import PageParams, paginate
from api.users.models import User


def _with_parties(statement: Select[Announcement]) -> Select[Announcement]:
    # SQLModel types a relationship as the object it holds, not as the class attribute it is.
    return statement.execution_options(populate_existing=True).options(
        selectinload(Announcement.agent),  # type: ignore[arg-type]
        selectinload(Announcement.created_by),  # type: ignore[arg-type]
    )


async def list_announcements(
    session: AsyncSession, principal: Principal, page: PageParams
) -> tuple[list[Announcement], int]:
    """Every announcement the caller may see, newest publish time first."""
    statement = _with_parties(readable_statement(principal, Announcement)).order_by(
        col(Announcement.publish_at).desc(), col(Announcement.id).desc()
    )
    return await paginate(session, statement, page)


async def get_visible(
    session: AsyncSession, principal: Principal, announcement_id: int, for_update: bool = False
) -> Announcement:
    """The announcement the caller may see (404 otherwise); `for_update` locks its row until
    commit, so a change decided on what was read cannot race another."""
    statement = _with_parties(readable_statement(principal, Announcement)).where(
        col(Announcement.id) == announcement_id
    )
    if for_update:
        statement = statement.with_for_update(of=Announcement)
    announcement = await session.scalar(statement)
    if announcement is None:
        raise NotFound("announcement")
    return announcement


async def unread_active(
    session: AsyncSession, principal: Principal, at: datetime
) -> list[Announcement]:
    """Active announcements addressed to the caller that they have not acknowledged yet."""
    read = select(col(AnnouncementReceipt.announcement_id)).where(
        col(AnnouncementReceipt.user_id) == principal.user_id
    )
    statement = _with_parties(readable_statement(principal, Announcement)).where(
        announcement_addressed_to(principal),
        announcement_active(at),
        col(Announcement.id).not_in(read),
    )
    return list(await session.scalars(statement))


async def addressed_ids(
    session: AsyncSession, principal: Principal, announcement_ids: list[int]
) -> set[int]:
    """Which of these announcements are addressed to the caller (one statement per page)."""
    if not announcement_ids:
        return set()
    rows = await session.scalars(
        select(col(Announcement.id)).where(
            col(Announcement.id).in_(announcement_ids), announcement_addressed_to(principal)
        )
    )
    return {i for i in rows if i is not None}


async def read_times(
    session: AsyncSession, user_id: int, announcement_ids: list[int]
) -> dict[int, datetime]:
    """announcement id -> when the user acknowledged it (one statement per page)."""
    if not announcement_ids:
        return {}
    rows = await session.execute(
        select(col(AnnouncementReceipt.announcement_id), col(AnnouncementReceipt.read_at)).where(
            col(AnnouncementReceipt.user_id) == user_id,
            col(AnnouncementReceipt.announcement_id).in_(announcement_ids),
        )
    )
    return {r[0]: r[1] for r in rows.all()}


async def get_receipt(
    session: AsyncSession, announcement_id: int, user_id: int
) -> AnnouncementReceipt | None:
    return await session.get(AnnouncementReceipt, (announcement_id, user_id))


async def insert_receipt(session: AsyncSession, receipt: AnnouncementReceipt) -> bool:
    """Store the receipt; False when the person's receipt for that announcement exists already.
    In a savepoint, so the request's transaction goes on after the refusal."""
    try:
        async with session.begin_nested():
            session.add(receipt)
            await session.flush()
    except IntegrityError:
        return False
    return True


async def remove_receipts(session: AsyncSession, announcement_id: int) -> int:
    """Delete every receipt of the announcement; how many there were."""
    statement = delete(AnnouncementReceipt).where(
        col(AnnouncementReceipt.announcement_id) == announcement_id
    )
    # A DELETE answers a cursor result, with its row count (execute() is typed for any).
    result = cast(CursorResult[Any], await session.execute(statement))
    return result.rowcount


async def readers(
    session: AsyncSession, announcement: Announcement
) -> list[tuple[User, Agent | None, datetime | None]]:
    """Every active person of the audience, and anybody who read it since; with the read time.
    Not yet read first, then by agent and name."""
    statement = (
        select(User, Agent, col(AnnouncementReceipt.read_at))
        .outerjoin(Agent, col(Agent.id) == col(User.agent_id))
        .outerjoin(
            AnnouncementReceipt,
            (col(AnnouncementReceipt.user_id) == col(User.id))
            & (col(AnnouncementReceipt.announcement_id) == announcement.id),
        )
        .where(
            or_(
                announcement_audience_members(announcement) & col(User.is_active),
                col(AnnouncementReceipt.read_at).is_not(None),
            )
        )
        .order_by(
            col(AnnouncementReceipt.read_at).is_not(None),
            col(Agent.name).nulls_first(),
            col(User.display_name),
            col(User.id),
        )
    )
    return [(r[0], r[1], r[2]) for r in (await session.execute(statement)).all()]
