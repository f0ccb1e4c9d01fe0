from typing import Annotated

from fastapi import Depends

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import Session
from api.desk import service
from api.desk.repository import ReportFilters
from api.desk.schemas import Desk, DeskSeenOut, NewReport, Question, QuestionStatus, ReviewDue
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


@router.get("/desk/reports")
async def list_new_reports(
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    agent_id: RowId | None = None,
    product_domain_id: RowId | None = None,
    stage: ProjectStage | None = None,
    stage_changed: bool | None = None,
) -> Page[NewReport]:
    """Reports written since the caller last marked the desk seen, newest first; the entry
    filters keep reports with at least one such entry."""
    filters = ReportFilters(agent_id, product_domain_id, stage, stage_changed)
    items, total = await service.new_reports(session, principal, filters, page)
    return Page(items=items, total=total)


@router.get("/questions")
async def list_questions(
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    status: QuestionStatus | None = None,
) -> Page[Question]:
    """Entries' questions for the manufacturer, oldest first: open until a vendor comments."""
    answered = None if status is None else status is QuestionStatus.ANSWERED
    items, total = await service.questions(session, principal, answered, page)
    return Page(items=items, total=total)


@router.get("/reviews/due")
async def list_reviews_due(session: Session, principal: CurrentPrincipal) -> list[ReviewDue]:
    """量产 customers whose periodic review is due or overdue, the most overdue first; keep or
    release with POST /customers/{id}/review."""
    return await service.reviews_due(session, principal)
