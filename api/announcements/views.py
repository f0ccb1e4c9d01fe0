"""Announcements as the caller sees them (state, own read time), and the read receipts table."""

from typing import Any

from api.agents.schemas import AgentBrief
from api.announcements import repository, service
from api.announcements.models import Announcement
from api.announcements.schemas import AnnouncementPublic, AnnouncementReceipts, ReaderRow
from api.authz.principal import Principal
from api.db import AsyncSession
from api.kit.clock import now

RECEIPT_COLUMNS = ["username", "display_name", "role", "agent", "active", "read", "read_at"]


async def publics(
    session: AsyncSession, principal: Principal, announcements: list[Announcement]
) -> list[AnnouncementPublic]:
    at, ids = now(), [a.id for a in announcements if a.id is not None]
    read = await repository.read_times(session, principal.user_id, ids)
    addressed = await repository.addressed_ids(session, principal, ids)
    return [
        AnnouncementPublic.model_validate(a).model_copy(
            update={
                "state": service.state_of(a, at),
                "read_at": read.get(a.id or 0),
                "addressed_to_me": a.id in addressed,
            }
        )
        for a in announcements
    ]


async def public(
    session: AsyncSession, principal: Principal, announcement: Announcement
) -> AnnouncementPublic:
    return (await publics(session, principal, [announcement]))[0]


async def receipts(
    session: AsyncSession, principal: Principal, announcement_id: int
) -> AnnouncementReceipts:
    announcement, rows = await service.readers(session, principal, announcement_id)
    readers = [
        ReaderRow(
            user_id=user.id or 0,
            username=user.username,
            display_name=user.display_name,
            role=user.role,
            agent=AgentBrief.model_validate(agent) if agent else None,
            is_active=user.is_active,
            read_at=read_at,
        )
        for user, agent, read_at in rows
    ]
    return AnnouncementReceipts(
        announcement_id=announcement_id,
        title=announcement.title,
        audience_total=len(readers),
        read_total=sum(1 for r in readers if r.read_at is not None),
        readers=readers,
    )


def receipt_rows(result: AnnouncementReceipts) -> list[list[Any]]:
    """The export: the same rows as the JSON."""
    return [
        [
            r.username,
            r.display_name,
            r.role.value,
            r.agent.name if r.agent else "",
            "yes" if r.is_active else "no",
            "yes" if r.read_at else "no",
            r.read_at.isoformat() if r.read_at else "",
        ]
        for r in result.readers
    ]
