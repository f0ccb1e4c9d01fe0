from typing import Annotated

from fastapi import Depends, Request, Response

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_page
from api.kit.export import ExportFormat
from api.kit.pagination import Page, PageParams, page_params
from api.notifications import exports, repository
from api.notifications.models import OutboxStatus
from api.notifications.schemas import OutboxMessagePublic

router = protected_router("notifications")


@router.get("/outbox", response_model=Page[OutboxMessagePublic], responses=DOWNLOADS)
async def list_outbox(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    status: OutboxStatus | None = None,
    format: ExportFormat = "json",
) -> Page[OutboxMessagePublic] | Response:
    """Queued and sent emails, newest first (vendor; with SMTP off they wait here); JSON
    (paged), .xlsx or CSV."""

    async def fetch(db: AsyncSession, page: PageParams) -> Page[OutboxMessagePublic]:
        rows, total = await repository.list_outbox(db, principal, page, status)
        return Page(items=[OutboxMessagePublic.model_validate(m) for m in rows], total=total)

    return await answer_page(request, session, page, format, exports.OUTBOX, fetch)
