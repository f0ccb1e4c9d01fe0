"""The daily reminders (SPEC §11): "your customer's protection ends in N days" to the contact
salesperson and the agent's master account, and "follow-up overdue" to the contact salesperson.
Each is given once per episode (a `Reminder` row): once per protection end (an extension moves
the end and warns again), once per overdue spell (a new report ends it). Safe to run on several
servers at once: one database lock per run, and the episode key is the table's primary key."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from api.authz.roles import Role
from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.customers.protection import days_left, followup_since, is_followup_overdue
from api.db import take_job_lock
from api.kit.clock import CHINA, now
from api.notifications.models import Reminder
from api.notifications.service import notify
from api.rules.models import Rules
from api.rules.service import current_rules
from api.users.models import User

# pg_advisory_xact_lock key of this job ("CDremind" as a number): held until the run commits.
REMINDER_LOCK_KEY = 0x4344_7265_6D69_6E64

PROTECTION_ENDING = "protection_ending"
FOLLOWUP_OVERDUE = "followup_overdue"


def _episode(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


async def _given(session: AsyncSession, kind: str, customers: list[Customer]) -> set[tuple]:
    ids = [c.id for c in customers]
    rows = await session.execute(
        select(col(Reminder.customer_id), col(Reminder.episode)).where(
            col(Reminder.kind) == kind, col(Reminder.customer_id).in_(ids)
        )
    )
    return {(r[0], r[1]) for r in rows.all()}


async def _people(session: AsyncSession, ids: set[int]) -> dict[int, User]:
    if not ids:
        return {}
    users = await session.scalars(select(User).where(col(User.id).in_(ids)))
    return {u.id: u for u in users.all() if u.id is not None}


async def _masters(session: AsyncSession, agent_ids: set[int]) -> dict[int, list[User]]:
    """The master accounts (代理商主账号) of each agent."""
    masters: dict[int, list[User]] = {a: [] for a in agent_ids}
    if agent_ids:
        users = await session.scalars(
            select(User)
            .where(col(User.agent_id).in_(agent_ids), col(User.role) == Role.AGENT_ADMIN)
            .order_by(col(User.id))
        )
        for user in users.all():
            masters[user.agent_id or 0].append(user)
    return masters


async def warn_protection_ending(session: AsyncSession, rules: Rules, at: datetime) -> int:
    """Warn of every protection period that ends within the rules' warning window
    (`near_expiry_days`) and was not warned of yet. Returns how many periods."""
    statement = (
        select(Customer)
        .where(
            col(Customer.status) == CustomerStatus.PROTECTED,
            col(Customer.protection_mode) == ProtectionMode.PERIOD,
            col(Customer.protection_until) > at,
            col(Customer.protection_until) < at + timedelta(days=rules.near_expiry_days),
        )
        .order_by(col(Customer.id))
    )
    customers = list((await session.scalars(statement)).all())
    given = await _given(session, PROTECTION_ENDING, customers)
    due = [
        c
        for c in customers
        if c.protection_until and (c.id, _episode(c.protection_until)) not in given
    ]
    people = await _people(session, {c.contact_user_id for c in due if c.contact_user_id})
    masters = await _masters(session, {c.agent_id for c in due if c.agent_id})
    for customer in due:
        assert customer.id is not None and customer.protection_until is not None
        session.add(
            Reminder(
                customer_id=customer.id,
                kind=PROTECTION_ENDING,
                episode=_episode(customer.protection_until),
            )
        )
        recipients = [people.get(customer.contact_user_id or 0)]
        recipients += masters.get(customer.agent_id or 0, [])
        seen: set[int | None] = set()
        for user in recipients:
            if user is None or user.id in seen:
                continue
            seen.add(user.id)
            notify(
                session,
                user,
                PROTECTION_ENDING,
                customer=customer.name,
                days=days_left(customer, at),
                date=customer.protection_until.astimezone(CHINA).date().isoformat(),
            )
    return len(due)


async def warn_followup_overdue(session: AsyncSession, rules: Rules, at: datetime) -> int:
    """Tell the contact salesperson of every customer whose follow-up became overdue (no report
    within `followup_interval_days`), once per overdue spell. Returns how many spells."""
    cutoff = at - timedelta(days=rules.followup_interval_days)
    statement = (
        select(Customer)
        .where(
            col(Customer.status) == CustomerStatus.PROTECTED,
            or_(
                col(Customer.last_report_at) < cutoff.astimezone(CHINA).date(),
                and_(col(Customer.last_report_at).is_(None), col(Customer.approved_at) < cutoff),
            ),
        )
        .order_by(col(Customer.id))
    )
    customers = [
        c for c in (await session.scalars(statement)).all() if is_followup_overdue(c, rules, at)
    ]
    given = await _given(session, FOLLOWUP_OVERDUE, customers)
    due = []
    for customer in customers:
        since = followup_since(customer)
        if since is not None and (customer.id, _episode(since)) not in given:
            due.append((customer, since))
    people = await _people(session, {c.contact_user_id for c, _ in due if c.contact_user_id})
    for customer, since in due:
        assert customer.id is not None
        session.add(
            Reminder(customer_id=customer.id, kind=FOLLOWUP_OVERDUE, episode=_episode(since))
        )
        notify(
            session,
            people.get(customer.contact_user_id or 0),
            FOLLOWUP_OVERDUE,
            customer=customer.name,
            interval=rules.followup_interval_days,
            since=since.astimezone(CHINA).date().isoformat(),
        )
    return len(due)


async def queue_reminders(session: AsyncSession, at: datetime | None = None) -> int:
    """Write today's reminders to the outbox; returns how many episodes were new."""
    at = at or now()
    if not await take_job_lock(session, REMINDER_LOCK_KEY):
        return 0  # another server is running it right now
    rules = await current_rules(session)
    return await warn_protection_ending(session, rules, at) + await warn_followup_overdue(
        session, rules, at
    )
