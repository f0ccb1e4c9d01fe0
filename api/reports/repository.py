"""Report and project queries; every one starts from the caller's readable scope, and list
queries load their parts in a fixed number of statements, however many rows."""

from datetime import date

from sqlalchemy import Select, func
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col, select

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.comments.models import Comment, CommentReceipt
from api.customers.models import Customer
from api.kit.errors import NotFound
from api.kit.filters import within
from api.kit.pagination import PageParams, paginate
from api.projects.models import Project
from api.reports.models import Report, ReportEntry


def _with_parts(statement: Select[Report]) -> Select[Report]:
    return statement.execution_options(populate_existing=True).options(
        selectinload(Report.author),  # type: ignore[arg-type]
        selectinload(Report.entries).selectinload(ReportEntry.project),  # type: ignore[arg-type]
        selectinload(Report.entries).selectinload(ReportEntry.mcu_model),  # type: ignore[arg-type]
        selectinload(Report.entries).selectinload(ReportEntry.product_domain),  # type: ignore[arg-type]
    )


async def list_reports(
    session: AsyncSession,
    principal: Principal,
    customer_id: int,
    page: PageParams,
    date_from: date | None = None,
    date_to: date | None = None,
) -> tuple[list[Report], int]:
    statement = _with_parts(readable_statement(principal, Report)).where(
        col(Report.customer_id) == customer_id
    )
    statement = statement.where(within(col(Report.report_date), date_from, date_to))
    statement = statement.order_by(col(Report.report_date).desc(), col(Report.id).desc())
    return await paginate(session, statement, page)


async def get_visible(session: AsyncSession, principal: Principal, report_id: int) -> Report:
    report = await session.scalar(
        _with_parts(readable_statement(principal, Report)).where(col(Report.id) == report_id)
    )
    if report is None:
        raise NotFound("report")
    return report


async def comment_counts(
    session: AsyncSession, report_ids: list[int], user_id: int
) -> dict[int, tuple[int, int]]:
    """report id -> (comments, unread by user) in one statement."""
    if not report_ids:
        return {}
    unread = func.count(col(CommentReceipt.user_id)).label("unread")
    rows = await session.execute(
        select(col(Comment.report_id), func.count(func.distinct(col(Comment.id))), unread)
        .outerjoin(
            CommentReceipt,
            (col(CommentReceipt.comment_id) == col(Comment.id))
            & (col(CommentReceipt.user_id) == user_id)
            & col(CommentReceipt.read_at).is_(None),
        )
        .where(col(Comment.report_id).in_(report_ids))
        .group_by(col(Comment.report_id))
    )
    return {r[0]: (int(r[1]), int(r[2])) for r in rows.all()}


def _projects(principal: Principal) -> Select[Project]:
    return readable_statement(principal, Project).options(
        selectinload(Project.product_domain),  # type: ignore[arg-type]
        selectinload(Project.mcu_model),  # type: ignore[arg-type]
    )


async def list_projects(
    session: AsyncSession, principal: Principal, customer_id: int
) -> list[Project]:
    statement = _projects(principal).where(col(Project.customer_id) == customer_id)
    return list(
        (
            await session.scalars(
                statement.order_by(col(Project.updated_at).desc(), col(Project.id))
            )
        ).all()
    )


async def get_visible_project(
    session: AsyncSession, principal: Principal, project_id: int
) -> Project:
    project = await session.scalar(_projects(principal).where(col(Project.id) == project_id))
    if project is None:
        raise NotFound("project")
    return project


async def project_history(
    session: AsyncSession, project_id: int
) -> list[tuple[ReportEntry, Report]]:
    """The project's entries, oldest first, with their reports (one statement)."""
    rows = await session.execute(
        select(ReportEntry, Report)
        .join(Report, col(Report.id) == col(ReportEntry.report_id))
        .where(col(ReportEntry.project_id) == project_id)
        .options(
            selectinload(ReportEntry.mcu_model),  # type: ignore[arg-type]
            selectinload(ReportEntry.written_by),  # type: ignore[arg-type]
        )
        .order_by(col(Report.report_date), col(Report.id))
    )
    return [(entry, report) for entry, report in rows.all()]


async def report_counts_since(
    session: AsyncSession, customer_ids: list[int], since: date
) -> dict[int, int]:
    """customer id -> reports since `since` by the customer's current agent (one statement)."""
    if not customer_ids:
        return {}

    rows = await session.execute(
        select(col(Report.customer_id), func.count())
        .join(Customer, col(Customer.id) == col(Report.customer_id))
        .where(
            col(Report.customer_id).in_(customer_ids),
            col(Report.agent_id) == col(Customer.agent_id),
            col(Report.report_date) >= since,
        )
        .group_by(col(Report.customer_id))
    )
    return {r[0]: int(r[1]) for r in rows.all()}
