"""公告 (SPEC §4): the vendor writes announcements; everybody acknowledges the ones addressed to
them, one after another, after login; the vendor sees who has read what."""

from datetime import datetime
from typing import Any

from api.agents.models import Agent
from api.announcements import repository
from api.announcements.models import (
    IMPORTANCE_RANK,
    Announcement,
    AnnouncementReceipt,
    Audience,
)
from api.announcements.schemas import AnnouncementIn, AnnouncementState, AnnouncementUpdate
from api.audit.service import record, snapshot
from api.authz.policy import authorize, can_write_announcements
from api.authz.principal import Principal
from api.db import AsyncSession
from api.kit.clock import now
from api.kit.errors import AppError, Conflict, Forbidden
from api.users.models import User


def state_of(announcement: Announcement, at: datetime) -> AnnouncementState:
    if announcement.withdrawn_at is not None:
        return AnnouncementState.WITHDRAWN
    if announcement.publish_at > at:
        return AnnouncementState.SCHEDULED
    if announcement.expire_at is not None and announcement.expire_at <= at:
        return AnnouncementState.EXPIRED
    return AnnouncementState.ACTIVE


def popup_order(announcements: list[Announcement]) -> list[Announcement]:
    """Most important first, then the newest publish time first."""
    return sorted(
        announcements,
        key=lambda a: (IMPORTANCE_RANK[a.importance], -a.publish_at.timestamp(), -(a.id or 0)),
    )


async def _checked(session: AsyncSession, data: AnnouncementIn, at: datetime) -> dict[str, Any]:
    """The columns of `data`. Raises 422 when the one-agent audience names no (known) agent, an
    agent is named for another audience, or the expiry is not after the publish time."""
    if data.audience is Audience.AGENT:
        if data.agent_id is None or await session.get(Agent, data.agent_id) is None:
            raise AppError("announcement_agent_required", 422)
    elif data.agent_id is not None:
        raise AppError("announcement_agent_unexpected", 422)
    publish_at = data.publish_at or at
    if data.expire_at is not None and data.expire_at <= publish_at:
        raise AppError("announcement_expiry_before_publish", 422)
    return {**data.model_dump(include=set(AnnouncementIn.model_fields)), "publish_at": publish_at}


async def create(session: AsyncSession, principal: Principal, data: AnnouncementIn) -> Announcement:
    """Publish (or schedule) an announcement (vendor). Raises 403, 422."""
    authorize(can_write_announcements(principal))
    at = now()
    announcement = Announcement(
        **await _checked(session, data, at),
        created_by_id=principal.user_id,
        created_at=at,
        updated_at=at,
    )
    session.add(announcement)
    await record(session, principal, "announcement.create", announcement)
    return await repository.get_visible(session, principal, announcement.id or 0)


async def _writable(
    session: AsyncSession, principal: Principal, announcement_id: int
) -> Announcement:
    announcement = await repository.get_visible(
        session, principal, announcement_id, for_update=True
    )
    authorize(can_write_announcements(principal))
    if announcement.withdrawn_at is not None:
        raise Conflict("announcement_withdrawn")
    return announcement


async def update(
    session: AsyncSession, principal: Principal, announcement_id: int, data: AnnouncementUpdate
) -> Announcement:
    """Change an announcement (vendor). Receipts already given stay, unless the vendor asks
    everyone to read it again (a correction that matters). Raises 403, 404, 409 when withdrawn,
    422."""
    announcement = await _writable(session, principal, announcement_id)
    before = snapshot(announcement)
    at = now()
    for key, value in (await _checked(session, data, at)).items():
        setattr(announcement, key, value)
    announcement.updated_at = at
    session.add(announcement)
    removed = 0
    if data.ask_again:
        removed = await repository.remove_receipts(session, announcement_id)
    await record(
        session,
        principal,
        "announcement.update",
        announcement,
        before=before,
        after_extra={"receipts_removed": removed} if data.ask_again else None,
    )
    return await repository.get_visible(session, principal, announcement_id)


async def withdraw(
    session: AsyncSession, principal: Principal, announcement_id: int, reason: str
) -> Announcement:
    """Stop showing an announcement to anybody but the vendor. Raises 403, 404, 409."""
    announcement = await _writable(session, principal, announcement_id)
    before = snapshot(announcement)
    at = now()
    announcement.withdrawn_at = at
    announcement.withdrawal_reason = reason
    announcement.updated_at = at
    session.add(announcement)
    await record(
        session, principal, "announcement.withdraw", announcement, before=before, reason=reason
    )
    return await repository.get_visible(session, principal, announcement_id)


async def acknowledge(
    session: AsyncSession, principal: Principal, announcement_id: int
) -> AnnouncementReceipt:
    """ "我已阅读": store the caller's receipt; again is a no-op that answers the first one.
    Raises 404 when hidden, 403 when not addressed to the caller, 409 when not active."""
    announcement = await repository.get_visible(session, principal, announcement_id)
    existing = await repository.get_receipt(session, announcement_id, principal.user_id)
    if existing is not None:
        return existing
    if announcement_id not in await repository.addressed_ids(session, principal, [announcement_id]):
        raise Forbidden("announcement_not_addressed")
    if state_of(announcement, now()) is not AnnouncementState.ACTIVE:
        raise Conflict("announcement_not_active")
    receipt = AnnouncementReceipt(announcement_id=announcement_id, user_id=principal.user_id)
    if not await repository.insert_receipt(session, receipt):
        # A second tab acknowledged at the same moment: its receipt is the one.
        concurrent = await repository.get_receipt(session, announcement_id, principal.user_id)
        assert concurrent is not None
        return concurrent
    await record(
        session,
        principal,
        "announcement.acknowledge",
        announcement,
        agent_id=principal.agent_id,
        after_extra={"read_at": receipt.read_at.isoformat()},
    )
    return receipt


async def readers(
    session: AsyncSession, principal: Principal, announcement_id: int
) -> tuple[Announcement, list[tuple[User, Agent | None, datetime | None]]]:
    """The audience with who has read it and when (vendor). Raises 403, 404."""
    announcement = await repository.get_visible(
        session, principal, announcement_id, for_update=True
    )
    authorize(can_write_announcements(principal))
    return announcement, await repository.readers(session, announcement)
