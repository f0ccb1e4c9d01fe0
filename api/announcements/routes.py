from typing import Annotated

from fastapi import Depends, Request, status
from fastapi.responses import Response

from api.announcements import exports, repository, service
from api.announcements.schemas import (
    AnnouncementIn,
    AnnouncementPublic,
    AnnouncementReceipts,
    AnnouncementUpdate,
    ReceiptPublic,
    WithdrawalIn,
)
from api.announcements.views import RECEIPT_COLUMNS, public, publics, receipt_rows, receipts
from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_page
from api.kit.clock import now
from api.kit.errors import error_responses
from api.kit.export import XLSX_TYPE, ExportFormat, download
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params

router = protected_router("announcements")


@router.get("/announcements", response_model=Page[AnnouncementPublic], responses=DOWNLOADS)
async def list_announcements(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    format: ExportFormat = "json",
) -> Page[AnnouncementPublic] | Response:
    """Announcements the caller may see with their read state, newest first; JSON (paged),
    .xlsx or CSV."""

    async def fetch(db: AsyncSession, page: PageParams) -> Page[AnnouncementPublic]:
        rows, total = await repository.list_announcements(db, principal, page)
        return Page(items=await publics(db, principal, rows), total=total)

    return await answer_page(request, session, page, format, exports.ANNOUNCEMENTS, fetch)


@router.get("/me/unread-announcements")
async def unread_announcements(
    session: Session, principal: CurrentPrincipal
) -> list[AnnouncementPublic]:
    """The caller's unread active announcements in the order they pop up (most important first)."""
    rows = service.popup_order(await repository.unread_active(session, principal, now()))
    return await publics(session, principal, rows)


@router.post(
    "/announcements",
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(403, 422),
)
async def create_announcement(
    body: AnnouncementIn, session: Session, principal: CurrentPrincipal
) -> AnnouncementPublic:
    """Publish or schedule an announcement (vendor)."""
    return await public(session, principal, await service.create(session, principal, body))


@router.get("/announcements/{announcement_id}", responses=error_responses(404))
async def get_announcement(
    announcement_id: RowId, session: Session, principal: CurrentPrincipal
) -> AnnouncementPublic:
    """One announcement with the caller's read state."""
    announcement = await repository.get_visible(session, principal, announcement_id)
    return await public(session, principal, announcement)


@router.put("/announcements/{announcement_id}", responses=error_responses(403, 404, 409, 422))
async def update_announcement(
    announcement_id: RowId, body: AnnouncementUpdate, session: Session, principal: CurrentPrincipal
) -> AnnouncementPublic:
    """Change an announcement (vendor)."""
    announcement = await service.update(session, principal, announcement_id, body)
    return await public(session, principal, announcement)


@router.post(
    "/announcements/{announcement_id}/withdraw", responses=error_responses(403, 404, 409, 422)
)
async def withdraw_announcement(
    announcement_id: RowId, body: WithdrawalIn, session: Session, principal: CurrentPrincipal
) -> AnnouncementPublic:
    """Stop showing an announcement (vendor)."""
    announcement = await service.withdraw(session, principal, announcement_id, body.reason)
    return await public(session, principal, announcement)


@router.post(
    "/announcements/{announcement_id}/acknowledge", responses=error_responses(403, 404, 409)
)
async def acknowledge_announcement(
    announcement_id: RowId, session: Session, principal: CurrentPrincipal
) -> ReceiptPublic:
    """我已阅读: record that the caller has read the announcement (again: no change)."""
    receipt = await service.acknowledge(session, principal, announcement_id)
    return ReceiptPublic(announcement_id=receipt.announcement_id, read_at=receipt.read_at)


@router.get(
    "/announcements/{announcement_id}/receipts",
    response_model=AnnouncementReceipts,
    responses={**error_responses(403, 404), 200: {"content": {"text/csv": {}, XLSX_TYPE: {}}}},
)
async def announcement_receipts(
    announcement_id: RowId,
    session: Session,
    principal: CurrentPrincipal,
    format: ExportFormat = "json",
) -> AnnouncementReceipts | Response:
    """Who in the audience has and has not read it, with read times; JSON, .xlsx or CSV (vendor)."""
    result = await receipts(session, principal, announcement_id)
    if format == "json":
        return result
    return download(
        format, f"announcement-{announcement_id}-receipts", RECEIPT_COLUMNS, receipt_rows(result)
    )
