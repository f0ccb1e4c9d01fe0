"""Report queries. What a caller reads starts from their readable scope, and list queries load
their parts in a fixed number of statements, however many rows."""

from datetime import date

from sqlalchemy import Select, func, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col, select

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.customers.models import Customer
from api.kit.errors import NotFound
from api.kit.filters import within
from api.kit.pagination import PageParams, paginate
from api.reports.models import Report, ReportEntry, ReportRevision


# SQLModel types a relationship attribute as the related model, not as the attribute that
# selectinload() takes: hence `type: ignore[arg-type]` on each loader option.
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


async def revisions(session: AsyncSession, report_id: int) -> list[ReportRevision]:
    """The report's earlier versions, newest first, with who replaced each."""
    rows = await session.scalars(
        select(ReportRevision)
        .where(col(ReportRevision.report_id) == report_id)
        .options(selectinload(ReportRevision.edited_by))  # type: ignore[arg-type]
        .order_by(col(ReportRevision.version).desc())
    )
    return list(rows.all())


async def latest_report_date(session: AsyncSession, customer: Customer) -> date | None:
    """The date of the customer's latest report by its current agent."""
    return await session.scalar(
        select(col(Report.report_date))
        .where(col(Report.customer_id) == customer.id, col(Report.agent_id) == customer.agent_id)
        .order_by(col(Report.report_date).desc())
        .limit(1)
    )


async def claim_version(session: AsyncSession, report: Report, started_from: int) -> bool:
    """Move the report from version `started_from` to the next one; False when it is no longer
    at that version. The conditional UPDATE waits for a concurrent edit's row lock (PostgreSQL)
    and then no longer matches."""
    claimed = await session.execute(
        update(Report)
        .where(col(Report.id) == report.id, col(Report.version) == started_from)
        .values(version=started_from + 1)
        .execution_options(synchronize_session=False)
    )
    # An UPDATE returns a CursorResult, but execute() is typed as returning a plain Result.
    return bool(claimed.rowcount == 1)  # type: ignore[attr-defined]


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
