from typing import Annotated

from fastapi import Depends, Request, Response

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import AsyncSession, Session
from api.desk import exports, service
from api.desk.repository import ReportFilters
from api.desk.schemas import Desk, DeskSeenOut, NewReport, Question, QuestionStatus, ReviewDue
from api.exporting import DOWNLOADS, answer_list, answer_page
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params
from api.projects.stages import ProjectStage

router = protected_router("desk")


@router.get("/desk")
async def read_desk(session: Session, principal: CurrentPrincipal) -> Desk:
    """The caller's queues with counts, and the applications waiting, oldest first (工作台)."""
    return await service.desk(session, principal)


@router.post("/desk/seen")
async def mark_desk_seen(session: Session, principal: CurrentPrincipal) -> DeskSeenOut:
    """Mark everything up to now as seen: later reports are the new ones."""
    marker = await service.mark_seen(session, principal)
    return DeskSeenOut(seen_at=marker.seen_at)


@router.get("/desk/reports", response_model=Page[NewReport], responses=DOWNLOADS)
async def list_new_reports(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    agent_id: RowId | None = None,
    product_domain_id: RowId | None = None,
    stage: ProjectStage | None = None,
    stage_changed: bool | None = None,
    format: ExportFormat = "json",
) -> Page[NewReport] | Response:
    """Reports written since the caller last marked the desk seen, newest first; the entry
    filters keep reports with at least one such entry. JSON (paged), .xlsx or CSV."""
    filters = ReportFilters(agent_id, product_domain_id, stage, stage_changed)

    async def fetch(db: AsyncSession, page: PageParams) -> Page[NewReport]:
        items, total = await service.new_reports(db, principal, filters, page)
        return Page(items=items, total=total)

    return await answer_page(request, session, page, format, exports.NEW_REPORTS, fetch)


@router.get("/questions", response_model=Page[Question], responses=DOWNLOADS)
async def list_questions(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    status: QuestionStatus | None = None,
    format: ExportFormat = "json",
) -> Page[Question] | Response:
    """Entries' questions for the manufacturer, oldest first: open until a vendor comments.
    JSON (paged), .xlsx or CSV."""
    answered = None if status is None else status is QuestionStatus.ANSWERED

    async def fetch(db: AsyncSession, page: PageParams) -> Page[Question]:
        items, total = await service.questions(db, principal, answered, page)
        return Page(items=items, total=total)

    return await answer_page(request, session, page, format, exports.QUESTIONS, fetch)


@router.get("/reviews/due", response_model=list[ReviewDue], responses=DOWNLOADS)
async def list_reviews_due(
    request: Request, session: Session, principal: CurrentPrincipal, format: ExportFormat = "json"
) -> list[ReviewDue] | Response:
    """量产 customers whose periodic review is due or overdue, the most overdue first; keep or
    release with POST /customers/{id}/review. JSON, .xlsx or CSV."""
    due = await service.reviews_due(session, principal)
    return await answer_list(request, session, format, exports.REVIEWS_DUE, due)
