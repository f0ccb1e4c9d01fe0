"""Desk queries: every queue starts from the caller's readable scope (authz.policy)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, selectinload
from sqlmodel import col, select

from api.agents.models import Agent
from api.authz.policy import readable_statement
from api.authz.principal import SYSTEM, Principal
from api.comments.models import question_thread
from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.desk.models import DeskSeen
from api.kit.pagination import PageParams, paginate
from api.projects.stages import ProjectStage
from api.reports.models import Report, ReportEntry


@dataclass
class QuestionRow:
    entry: ReportEntry
    answered_at: datetime | None
    replied_at: datetime | None
    answered: bool
    report: Report

    @property
    def waiting_since(self) -> datetime:
        """Since when the agent's side waits: the question, or its newest reply."""
        return self.replied_at or self.report.created_at


@dataclass
class ReportFilters:
    agent_id: int | None = None
    product_domain_id: int | None = None
    stage: ProjectStage | None = None
    stage_changed: bool | None = None


async def seen_at(session: AsyncSession, user_id: int) -> datetime | None:
    return await session.scalar(
        select(col(DeskSeen.seen_at)).where(col(DeskSeen.user_id) == user_id)
    )


async def mark_seen(session: AsyncSession, user_id: int, at: datetime) -> DeskSeen:
    """Set the person's marker to `at`; two simultaneous marks end with one row (the primary
    key), the later write winning."""
    marker = await session.get(DeskSeen, user_id, with_for_update=True)
    if marker is None:
        try:
            async with session.begin_nested():
                marker = DeskSeen(user_id=user_id, seen_at=at)
                session.add(marker)
                await session.flush()
            return marker
        except IntegrityError:
            marker = await session.get(
                DeskSeen, user_id, with_for_update=True, populate_existing=True
            )
            assert marker is not None
    marker.seen_at = at
    session.add(marker)
    return marker


def _previous_stage() -> Any:
    """The stage of the project's entry before this one (entries are numbered as written)."""
    earlier = aliased(ReportEntry)
    return (
        select(col(earlier.stage))
        .where(
            col(earlier.project_id) == col(ReportEntry.project_id),
            col(earlier.id) < col(ReportEntry.id),
        )
        .order_by(col(earlier.id).desc())
        .limit(1)
        .scalar_subquery()
    )


def _entry_matches(filters: ReportFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.product_domain_id is not None:
        conditions.append(col(ReportEntry.product_domain_id) == filters.product_domain_id)
    if filters.stage is not None:
        conditions.append(col(ReportEntry.stage) == filters.stage)
    if filters.stage_changed is not None:
        previous = _previous_stage()
        changed = or_(previous.is_(None), previous != col(ReportEntry.stage))
        conditions.append(changed if filters.stage_changed else ~changed)
    return conditions


def _new_reports_statement(
    principal: Principal, since: datetime, filters: ReportFilters
) -> Select[Report]:
    statement = readable_statement(principal, Report).where(col(Report.created_at) > since)
    if filters.agent_id is not None:
        statement = statement.where(col(Report.agent_id) == filters.agent_id)
    conditions = _entry_matches(filters)
    if conditions:
        statement = statement.where(
            select(col(ReportEntry.id))
            .where(col(ReportEntry.report_id) == col(Report.id), *conditions)
            .exists()
        )
    return statement


async def new_reports(
    session: AsyncSession,
    principal: Principal,
    since: datetime,
    filters: ReportFilters,
    page: PageParams,
) -> tuple[list[Report], int]:
    """Reports written after `since`, newest first, with their author and entries loaded."""
    statement = (
        _new_reports_statement(principal, since, filters)
        .options(
            selectinload(Report.author),  # type: ignore[arg-type]
            selectinload(Report.entries).selectinload(ReportEntry.project),  # type: ignore[arg-type]
            selectinload(Report.entries).selectinload(ReportEntry.product_domain),  # type: ignore[arg-type]
        )
        .order_by(col(Report.created_at).desc(), col(Report.id).desc())
    )
    return await paginate(session, statement, page)


async def count_new_reports(session: AsyncSession, principal: Principal, since: datetime) -> int:
    statement = _new_reports_statement(principal, since, ReportFilters())
    return await _count(session, statement)


async def previous_stages(
    session: AsyncSession, entry_ids: list[int]
) -> dict[int, ProjectStage | None]:
    """entry id -> the project's stage in its entry before (one statement)."""
    if not entry_ids:
        return {}
    rows = await session.execute(
        select(col(ReportEntry.id), _previous_stage()).where(col(ReportEntry.id).in_(entry_ids))
    )
    return {r[0]: ProjectStage(r[1]) if r[1] is not None else None for r in rows.all()}


async def names(
    session: AsyncSession, customer_ids: set[int], agent_ids: set[int]
) -> tuple[dict[int, str], dict[int, Agent]]:
    """Customer names and agents by id, for rows already read through the caller's scope."""
    customers: dict[int, str] = {}
    if customer_ids:
        rows = await session.execute(
            select(col(Customer.id), col(Customer.name)).where(col(Customer.id).in_(customer_ids))
        )
        customers = {r[0]: r[1] for r in rows.all() if r[0] is not None}
    agents: dict[int, Agent] = {}
    if agent_ids:
        found = await session.scalars(select(Agent).where(col(Agent.id).in_(agent_ids)))
        agents = {a.id: a for a in found if a.id is not None}
    return customers, agents


def _questions_statement(
    principal: Principal, answered: bool | None, waiting_before: datetime | None = None
) -> Any:
    """Entries with a question and the thread's state: answered while the vendor's newest
    comment is newer than the agent's newest reply. `waiting_before`: unanswered since before
    then (asked, or last replied to, by the agent's side)."""
    visible = readable_statement(principal, Report).subquery()
    thread = question_thread(col(ReportEntry.report_id), col(ReportEntry.id))
    is_answered, replied_at = thread.answered, thread.replied_at
    statement = (
        select(
            ReportEntry,
            thread.answered_at.label("answered_at"),
            replied_at.label("replied_at"),
            is_answered.label("answered"),
        )
        .join(visible, visible.c.id == col(ReportEntry.report_id))
        .where(func.trim(col(ReportEntry.open_questions)) != "")
    )
    if answered is not None:
        statement = statement.where(is_answered if answered else ~is_answered)
    if waiting_before is not None:
        asked_at = (
            select(col(Report.created_at))
            .where(col(Report.id) == col(ReportEntry.report_id))
            .correlate_except(Report)
            .scalar_subquery()
        )
        waiting_since = func.coalesce(replied_at, asked_at)
        statement = statement.where(~is_answered, waiting_since < waiting_before)
    return statement


async def questions(
    session: AsyncSession, principal: Principal, answered: bool | None, page: PageParams
) -> tuple[list[QuestionRow], int]:
    """Entries with a question, oldest first, with their report, the vendor's newest answer and
    the agent's newest reply."""
    statement = (
        _questions_statement(principal, answered)
        .join(Report, col(Report.id) == col(ReportEntry.report_id))
        .add_columns(Report)
        .options(
            selectinload(ReportEntry.project),  # type: ignore[arg-type]
            selectinload(ReportEntry.written_by),  # type: ignore[arg-type]
        )
        .order_by(col(Report.created_at), col(ReportEntry.id))
    )
    total = await _count(session, _questions_statement(principal, answered)) if page.counted else 0
    rows = await session.execute(statement.limit(page.limit).offset(page.offset))
    return [QuestionRow(*row) for row in rows.all()], total


async def questions_waiting_since(session: AsyncSession, before: datetime) -> list[QuestionRow]:
    """Every unanswered question (all agents: the reminder job) asked, or last replied to,
    before `before`."""
    statement = (
        _questions_statement(SYSTEM, answered=None, waiting_before=before)
        .join(Report, col(Report.id) == col(ReportEntry.report_id))
        .add_columns(Report)
        .options(
            selectinload(ReportEntry.project),  # type: ignore[arg-type]
            selectinload(ReportEntry.written_by),  # type: ignore[arg-type]
        )
        .order_by(col(ReportEntry.id))
    )
    return [QuestionRow(*row) for row in (await session.execute(statement)).all()]


async def count_open_questions(session: AsyncSession, principal: Principal) -> int:
    return await _count(session, _questions_statement(principal, answered=False))


def _reviews_due_statement(principal: Principal, due_before: datetime) -> Select[Customer]:
    return readable_statement(principal, Customer).where(
        col(Customer.status) == CustomerStatus.PROTECTED,
        col(Customer.protection_mode) == ProtectionMode.REVIEW,
        and_(col(Customer.next_review_at).is_not(None), col(Customer.next_review_at) < due_before),
    )


async def reviews_due(
    session: AsyncSession, principal: Principal, due_before: datetime
) -> list[Customer]:
    """量产 customers whose review falls before `due_before`, the most overdue first."""
    statement = (
        _reviews_due_statement(principal, due_before)
        .options(selectinload(Customer.agent))  # type: ignore[arg-type]
        .order_by(col(Customer.next_review_at), col(Customer.id))
    )
    return list((await session.scalars(statement)).all())


async def count_reviews_due(
    session: AsyncSession, principal: Principal, due_before: datetime
) -> int:
    return await _count(session, _reviews_due_statement(principal, due_before))


async def _count(session: AsyncSession, statement: Select[Any]) -> int:
    total = await session.scalar(
        select(func.count()).select_from(statement.order_by(None).subquery())
    )
    return int(total or 0)
