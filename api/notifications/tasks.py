"""The daily reminders (SPEC §11): "your customer's protection ends in N days" to the contact
salesperson and the agent's master account, "follow-up overdue" to the contact salesperson, and
"a mass-production review is due" and "a question has waited N days" to the vendor's staff
(issue 12 §2).
Each is given once per episode (a `Reminder` row): once per protection end (an extension moves
the end and warns again), once per overdue spell (a new report ends it). Safe to run on several
servers at once: one database lock per run, and the episode key is the table's primary key."""

from datetime import UTC, datetime, timedelta

from api.config import get_settings
from api.customers.models import Customer
from api.customers.protection import days_left, followup_since, is_followup_overdue
from api.db import AsyncSession, take_job_lock
from api.desk import service as desk
from api.desk.schemas import Question
from api.kit.clock import CHINA, now
from api.notifications import repository
from api.notifications.models import Reminder
from api.notifications.service import notify
from api.rules.models import Rules
from api.rules.service import current_rules

# pg_advisory_xact_lock key of this job ("CDremind" as a number): held until the run commits.
REMINDER_LOCK_KEY = 0x4344_7265_6D69_6E64

PROTECTION_ENDING = "protection_ending"
FOLLOWUP_OVERDUE = "followup_overdue"
REVIEW_DUE = "review_due"
QUESTION_UNANSWERED = "question_unanswered"


def _episode(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


async def _given(
    session: AsyncSession, kind: str, customers: list[Customer]
) -> set[tuple[int, str]]:
    return await repository.reminders_given(session, kind, [c.id for c in customers if c.id])


async def warn_protection_ending(session: AsyncSession, rules: Rules, at: datetime) -> int:
    """Warn of every protection period that ends within the rules' warning window
    (`near_expiry_days`) and was not warned of yet. Returns how many periods."""
    customers = await repository.protection_ending_between(
        session, at, at + timedelta(days=rules.near_expiry_days)
    )
    given = await _given(session, PROTECTION_ENDING, customers)
    due = [
        c
        for c in customers
        if c.protection_until and (c.id, _episode(c.protection_until)) not in given
    ]
    people = await repository.users_by_id(
        session, {c.contact_user_id for c in due if c.contact_user_id}
    )
    masters = await repository.masters_by_agent(session, {c.agent_id for c in due if c.agent_id})
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
    candidates = await repository.not_reported_since(
        session, cutoff.astimezone(CHINA).date(), cutoff
    )
    customers = [c for c in candidates if is_followup_overdue(c, rules, at)]
    given = await _given(session, FOLLOWUP_OVERDUE, customers)
    due = []
    for customer in customers:
        since = followup_since(customer)
        if since is not None and (customer.id, _episode(since)) not in given:
            due.append((customer, since))
    people = await repository.users_by_id(
        session, {c.contact_user_id for c, _ in due if c.contact_user_id}
    )
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


async def warn_review_due(session: AsyncSession, rules: Rules, at: datetime) -> int:
    """Tell the vendor's staff of every mass-production review that came due (within the
    warning window, as on the desk), once per customer and review date. Returns how many."""
    customers = await repository.reviews_due_before(
        session, at + timedelta(days=rules.near_expiry_days)
    )
    given = await _given(session, REVIEW_DUE, customers)
    due = [
        c for c in customers if c.next_review_at and (c.id, _episode(c.next_review_at)) not in given
    ]
    staff = await repository.vendor_staff(session) if due else []
    for customer in due:
        assert customer.id is not None and customer.next_review_at is not None
        session.add(
            Reminder(
                customer_id=customer.id, kind=REVIEW_DUE, episode=_episode(customer.next_review_at)
            )
        )
        for user in staff:
            notify(
                session,
                user,
                REVIEW_DUE,
                customer=customer.name,
                agent=customer.agent.name if customer.agent else "",
                date=customer.next_review_at.astimezone(CHINA).date().isoformat(),
            )
    return len(due)


async def warn_questions_unanswered(session: AsyncSession, at: datetime) -> int:
    """Tell the vendor's staff of every entry's question the agent's side has waited on for
    `question_reminder_days`, once per wait (a reply after an answer starts a new one)."""
    days = get_settings().question_reminder_days
    waiting = await desk.questions_waiting_since(session, at - timedelta(days=days))
    given = await repository.reminders_given(
        session, QUESTION_UNANSWERED, [q.customer.id for q in waiting]
    )
    due = [q for q in waiting if (q.customer.id, _question_episode(q)) not in given]
    staff = await repository.vendor_staff(session) if due else []
    for question in due:
        session.add(
            Reminder(
                customer_id=question.customer.id,
                kind=QUESTION_UNANSWERED,
                episode=_question_episode(question),
            )
        )
        for user in staff:
            notify(
                session,
                user,
                QUESTION_UNANSWERED,
                customer=question.customer.name,
                agent=question.agent.name,
                project=question.project.name,
                question=question.question,
                days=question.age_days,
            )
    return len(due)


def _question_episode(question: Question) -> str:
    return f"entry {question.entry_id} {_episode(question.replied_at or question.asked_at)}"


async def queue_reminders(session: AsyncSession, at: datetime | None = None) -> int:
    """Write today's reminders to the outbox; returns how many episodes were new."""
    at = at or now()
    if not await take_job_lock(session, REMINDER_LOCK_KEY):
        return 0  # another server is running it right now
    rules = await current_rules(session)
    return (
        await warn_protection_ending(session, rules, at)
        + await warn_followup_overdue(session, rules, at)
        + await warn_review_due(session, rules, at)
        + await warn_questions_unanswered(session, at)
    )
