"""The desk (工作台, issue 12 §2): each queue of pending work with its count, scoped by role —
the vendor's staff see every agent's, agent people their own."""

from datetime import datetime, timedelta

from api.applications.models import ApplicationStatus
from api.applications.schemas import ApplicationFilters
from api.audit.service import record
from api.authz.principal import Principal
from api.db import AsyncSession
from api.desk import repository
from api.desk.models import DeskSeen
from api.desk.repository import ReportFilters
from api.desk.schemas import (
    CustomerRef,
    Desk,
    DeskEntry,
    DeskQueue,
    NewReport,
    Question,
    QueueKey,
    ReviewDue,
    WaitingExtension,
    WaitingRegistration,
)
from api.extensions import service as extensions
from api.extensions.views import with_evidence
from api.kit.clock import now
from api.kit.pagination import PageParams
from api.registrations import service as registrations
from api.registrations.views import public as registration_view
from api.rules.service import current_rules

# What is "new" to someone who never marked the desk seen: the last month, not all history.
FIRST_LOOK_DAYS = 30
# The desk shows the head of each application queue; the count tells how many wait in all.
WAITING_SHOWN = PageParams(limit=100, offset=0)
WAITING = ApplicationFilters(status=ApplicationStatus.PENDING, oldest_first=True)


def _age_days(since: datetime, at: datetime) -> int:
    return max((at - since).days, 0)


async def new_since(session: AsyncSession, principal: Principal) -> datetime:
    """Since when reports are new to the caller: their desk marker, else FIRST_LOOK_DAYS ago."""
    seen = await repository.seen_at(session, principal.user_id)
    return seen or now() - timedelta(days=FIRST_LOOK_DAYS)


async def review_due_before(session: AsyncSession) -> datetime:
    """A review is due once it falls within the rules' warning window (overdue once past)."""
    rules = await current_rules(session)
    return now() + timedelta(days=rules.near_expiry_days)


async def desk(session: AsyncSession, principal: Principal) -> Desk:
    at = now()
    waiting_registrations, registration_count = await registrations.list_visible(
        session, principal, WAITING_SHOWN, WAITING
    )
    waiting_extensions, extension_count = await extensions.list_visible(
        session, principal, WAITING_SHOWN, WAITING
    )
    counts = {
        QueueKey.REGISTRATIONS: registration_count,
        QueueKey.EXTENSIONS: extension_count,
        QueueKey.NEW_REPORTS: await repository.count_new_reports(
            session, principal, await new_since(session, principal)
        ),
        QueueKey.OPEN_QUESTIONS: await repository.count_open_questions(session, principal),
        QueueKey.REVIEWS_DUE: await repository.count_reviews_due(
            session, principal, await review_due_before(session)
        ),
    }
    return Desk(
        seen_at=await repository.seen_at(session, principal.user_id),
        queues=[DeskQueue(key=key, count=count) for key, count in counts.items()],
        registrations=[
            WaitingRegistration(
                **registration_view(principal, r).model_dump(), age_days=_age_days(r.created_at, at)
            )
            for r in waiting_registrations
        ],
        extensions=[
            WaitingExtension(**e.model_dump(), age_days=_age_days(e.created_at, at))
            for e in await with_evidence(session, waiting_extensions)
        ],
    )


async def mark_seen(session: AsyncSession, principal: Principal) -> DeskSeen:
    """Everything up to now is no longer new to the caller."""
    marker = await repository.mark_seen(session, principal.user_id, now())
    await record(session, principal, "desk.seen", marker)
    return marker


async def new_reports(
    session: AsyncSession, principal: Principal, filters: ReportFilters, page: PageParams
) -> tuple[list[NewReport], int]:
    since = await new_since(session, principal)
    reports, total = await repository.new_reports(session, principal, since, filters, page)
    previous = await repository.previous_stages(
        session, [e.id for r in reports for e in r.entries if e.id is not None]
    )
    customers, agents = await repository.names(
        session, {r.customer_id for r in reports}, {r.agent_id for r in reports}
    )
    items = [
        NewReport.model_validate(
            {
                "id": r.id,
                "customer": CustomerRef(id=r.customer_id, name=customers.get(r.customer_id, "")),
                "agent": agents[r.agent_id],
                "author": r.author,
                "report_date": r.report_date,
                "created_at": r.created_at,
                "customer_news": r.customer_news,
                "entries": [
                    DeskEntry.model_validate(
                        {
                            "id": e.id,
                            "project": e.project,
                            "stage": e.stage,
                            "previous_stage": previous.get(e.id or 0),
                            "product_domain": e.product_domain,
                            "progress": e.progress,
                            "open_questions": e.open_questions,
                        },
                        from_attributes=True,
                    )
                    for e in r.entries
                ],
            },
            from_attributes=True,
        )
        for r in reports
    ]
    return items, total


async def questions(
    session: AsyncSession, principal: Principal, answered: bool | None, page: PageParams
) -> tuple[list[Question], int]:
    rows, total = await repository.questions(session, principal, answered, page)
    return await _questions(session, rows), total


async def questions_waiting_since(session: AsyncSession, before: datetime) -> list[Question]:
    """Every question of every agent still waiting for the vendor since before `before`."""
    return await _questions(session, await repository.questions_waiting_since(session, before))


async def _questions(session: AsyncSession, rows: list[repository.QuestionRow]) -> list[Question]:
    customers, agents = await repository.names(
        session, {r.report.customer_id for r in rows}, {r.report.agent_id for r in rows}
    )
    at = now()
    return [
        Question.model_validate(
            {
                "entry_id": row.entry.id,
                "report_id": row.report.id,
                "customer": CustomerRef(
                    id=row.report.customer_id, name=customers.get(row.report.customer_id, "")
                ),
                "agent": agents[row.report.agent_id],
                "author": row.entry.written_by,
                "project": row.entry.project,
                "question": row.entry.open_questions,
                "asked_at": row.report.created_at,
                "age_days": _age_days(row.waiting_since, at),
                "answered_at": row.answered_at,
                "replied_at": row.replied_at,
                "answered": row.answered,
            },
            from_attributes=True,
        )
        for row in rows
    ]


async def reviews_due(session: AsyncSession, principal: Principal) -> list[ReviewDue]:
    at = now()
    customers = await repository.reviews_due(session, principal, await review_due_before(session))
    return [
        ReviewDue.model_validate(
            {
                "customer": CustomerRef(id=c.id or 0, name=c.name),
                "agent": c.agent,
                "next_review_at": c.next_review_at,
                "days_left": (c.next_review_at - at).days,
                "overdue": c.next_review_at < at,
            },
            from_attributes=True,
        )
        for c in customers
        if c.next_review_at is not None
    ]
