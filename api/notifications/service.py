"""Queue emails in the outbox, in the transaction of the event (SPEC §11)."""

from api.db import AsyncSession
from api.notifications import repository
from api.notifications.models import OutboxMessage, OutboxStatus
from api.notifications.templates import render
from api.users.models import User

DECISIONS = {"approved": ("已通过", "approved"), "rejected": ("未获通过", "rejected")}


def reason_params(reason: str) -> dict[str, str]:
    """The vendor's reason as a sentence of its own, or nothing."""
    return {
        "reason_zh": f"说明：{reason}" if reason else "",
        "reason_en": f"Note: {reason}" if reason else "",
    }


def decision_params(approved: bool, reason: str) -> dict[str, str]:
    zh, en = DECISIONS["approved" if approved else "rejected"]
    return {"decision_zh": zh, "decision_en": en, **reason_params(reason)}


def notify(
    session: AsyncSession, user: User | None, kind: str, **params: object
) -> OutboxMessage | None:
    """Queue one email for `user`, unless they opted out of this kind or cannot receive mail."""
    if user is None or not user.is_active or not user.email or kind in user.email_opt_out:
        return None
    subject, body = render(kind, user.language, name=user.display_name, **params)
    message = OutboxMessage(
        kind=kind,
        to_user_id=user.id,
        to_email=user.email,
        subject=subject[:200],
        body=body,
        status=OutboxStatus.PENDING,
    )
    session.add(message)
    return message


async def notify_users(
    session: AsyncSession, user_ids: set[int], kind: str, **params: object
) -> None:
    """Queue the same email for each of these users, under the same conditions as `notify`."""
    for user in (await repository.users_by_id(session, user_ids)).values():
        notify(session, user, kind, **params)


async def notify_vendor_staff(session: AsyncSession, kind: str, **params: object) -> None:
    """Queue one email per vendor staff member about one new item awaiting them (each may turn
    the kind off in their profile)."""
    for user in await repository.vendor_staff(session):
        notify(session, user, kind, **params)


async def notify_agent(
    session: AsyncSession, agent_id: int, contact_user_id: int | None, kind: str, **params: object
) -> None:
    """Queue the same email for the agent's master accounts and, if given, the customer's
    contact salesperson (once each)."""
    masters = (await repository.masters_by_agent(session, {agent_id}))[agent_id]
    wanted = set() if contact_user_id is None else {contact_user_id} - {m.id for m in masters}
    contacts = await repository.users_by_id(session, {u for u in wanted if u is not None})
    for user in [*masters, *contacts.values()]:
        notify(session, user, kind, **params)
