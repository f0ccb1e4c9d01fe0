from typing import Annotated

from fastapi import Depends, Request, Response, status

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.comments import service as comments
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_page
from api.kit.days import Day
from api.kit.errors import error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params
from api.reports import exports, repository, service, views
from api.reports.schemas import (
    CommentIn,
    CommentPublic,
    ReportDetail,
    ReportEdit,
    ReportIn,
    ReportRevisionPublic,
    ReportSummary,
)
from api.rules.service import current_rules

router = protected_router("reports")
ERRORS = error_responses(403, 404, 409, 422)


@router.get(
    "/customers/{customer_id}/reports",
    response_model=Page[ReportSummary],
    responses={**error_responses(404), **DOWNLOADS},
)
async def list_reports(
    customer_id: RowId,
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    date_from: Day | None = None,
    date_to: Day | None = None,
    format: ExportFormat = "json",
) -> Page[ReportSummary] | Response:
    """A customer's follow-up reports, newest first, filtered by report date; JSON (paged),
    .xlsx or CSV."""

    async def fetch(db: AsyncSession, page: PageParams) -> Page[ReportSummary]:
        rows, total = await repository.list_reports(
            db, principal, customer_id, page, date_from, date_to
        )
        return Page(items=await views.summaries(db, principal, rows), total=total)

    return await answer_page(request, session, page, format, exports.REPORTS, fetch)


@router.post(
    "/customers/{customer_id}/reports", status_code=status.HTTP_201_CREATED, responses=ERRORS
)
async def submit_report(
    customer_id: RowId, body: ReportIn, session: Session, principal: CurrentPrincipal
) -> ReportDetail:
    """Submit a follow-up report: customer news plus project entries."""
    report = await service.submit(
        session, principal, customer_id, body, await current_rules(session)
    )
    return await views.detail(session, principal, report.id or 0)


@router.get("/reports/{report_id}", responses=error_responses(404))
async def read_report(
    report_id: RowId, session: Session, principal: CurrentPrincipal
) -> ReportDetail:
    """One report with its entries and comments."""
    return await views.detail(session, principal, report_id)


@router.put("/reports/{report_id}", responses=ERRORS)
async def edit_report(
    report_id: RowId, body: ReportEdit, session: Session, principal: CurrentPrincipal
) -> ReportDetail:
    """Edit a report from the version the editor saw; the previous version is kept."""
    await service.edit(session, principal, report_id, body, await current_rules(session))
    return await views.detail(session, principal, report_id)


@router.get("/reports/{report_id}/revisions", responses=error_responses(403, 404))
async def list_revisions(
    report_id: RowId, session: Session, principal: CurrentPrincipal
) -> list[ReportRevisionPublic]:
    """Earlier versions of a report (vendor and master account)."""
    return await views.revisions(session, principal, report_id)


@router.post("/reports/{report_id}/comments", status_code=status.HTTP_201_CREATED, responses=ERRORS)
async def comment(
    report_id: RowId, body: CommentIn, session: Session, principal: CurrentPrincipal
) -> CommentPublic:
    """Comment (点评) on a report or one entry (vendor)."""
    created = await comments.add(session, principal, report_id, body.body, body.entry_id)
    return await views.comment(session, created.id or 0)


@router.post("/reports/{report_id}/read", responses=error_responses(404))
async def mark_read(
    report_id: RowId, session: Session, principal: CurrentPrincipal
) -> dict[str, int]:
    """Mark the report's comments read for the caller."""
    return {"marked": await comments.mark_read(session, principal, report_id)}
