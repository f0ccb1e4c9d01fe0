"""Project queries. What a caller reads starts from their readable scope; the queries that derive
a project's state see the customer's current agent's work only."""

from sqlalchemy import Select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col, select

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.customers.models import Customer
from api.kit.errors import NotFound
from api.projects.models import Project
from api.reports.models import Report, ReportEntry


# SQLModel types a relationship attribute as the related model, not as the attribute that
# selectinload() takes: hence `type: ignore[arg-type]` on each loader option.
def _readable(principal: Principal) -> Select[Project]:
    return readable_statement(principal, Project).options(
        selectinload(Project.product_domain),  # type: ignore[arg-type]
        selectinload(Project.mcu_model),  # type: ignore[arg-type]
    )


async def list_for_customer(
    session: AsyncSession, principal: Principal, customer_id: int
) -> list[Project]:
    statement = _readable(principal).where(col(Project.customer_id) == customer_id)
    statement = statement.order_by(col(Project.updated_at).desc(), col(Project.id))
    return list((await session.scalars(statement)).all())


async def get_visible(session: AsyncSession, principal: Principal, project_id: int) -> Project:
    project = await session.scalar(_readable(principal).where(col(Project.id) == project_id))
    if project is None:
        raise NotFound("project")
    return project


async def history(session: AsyncSession, project_id: int) -> list[tuple[ReportEntry, Report]]:
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


async def latest_entry(session: AsyncSession, project: Project) -> ReportEntry | None:
    """The entry of the latest report (by report date, then report) that tells of the project."""
    return await session.scalar(
        select(ReportEntry)
        .join(Report, col(Report.id) == col(ReportEntry.report_id))
        .where(col(ReportEntry.project_id) == project.id)
        .order_by(col(Report.report_date).desc(), col(Report.id).desc())
        .limit(1)
    )


async def of_current_agent(session: AsyncSession, customer: Customer) -> list[Project]:
    statement = select(Project).where(
        col(Project.customer_id) == customer.id, col(Project.agent_id) == customer.agent_id
    )
    return list((await session.scalars(statement)).all())


async def add(session: AsyncSession, project: Project) -> bool:
    """Insert the project; False (and nothing inserted) when the customer already has a project
    of that name by the same agent (the unique constraint decides, so two requests cannot
    both pass a check first)."""
    try:
        async with session.begin_nested():
            session.add(project)
            await session.flush()
    except IntegrityError:
        return False
    return True
