from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request, Response, status

from api.applications.models import ApplicationStatus
from api.applications.schemas import ApplicationFilters, RejectionIn
from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_page
from api.extensions import exports, repository, service
from api.extensions.schemas import ExtensionApproval, ExtensionCreate, ExtensionPublic
from api.extensions.views import with_evidence
from api.kit.errors import error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params

router = protected_router("extensions")


@router.post(
    "/customers/{customer_id}/extensions",
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(403, 404, 409, 422),
)
async def request_extension(
    customer_id: RowId, body: ExtensionCreate, session: Session, principal: CurrentPrincipal
) -> ExtensionPublic:
    """Apply for a longer protection period, before the deadline (申请延期)."""
    return ExtensionPublic.model_validate(
        await service.request(session, principal, customer_id, body)
    )


@router.get("/extensions", response_model=Page[ExtensionPublic], responses=DOWNLOADS)
async def list_extensions(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    status: ApplicationStatus | None = None,
    customer_id: RowId | None = None,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
    format: ExportFormat = "json",
) -> Page[ExtensionPublic] | Response:
    """Extension applications the caller may see, newest first; JSON (paged), .xlsx or CSV."""
    filters = ApplicationFilters(status=status, created_from=created_from, created_to=created_to)

    async def fetch(db: AsyncSession, page: PageParams) -> Page[ExtensionPublic]:
        rows, total = await repository.list_extensions(db, principal, page, filters, customer_id)
        return Page(items=await with_evidence(db, rows), total=total)

    return await answer_page(request, session, page, format, exports.EXTENSIONS, fetch)


@router.post("/extensions/{extension_id}/approve", responses=error_responses(403, 404, 409, 422))
async def approve_extension(
    extension_id: RowId, body: ExtensionApproval, session: Session, principal: CurrentPrincipal
) -> ExtensionPublic:
    """Extend protection to a new date (vendor)."""
    return ExtensionPublic.model_validate(
        await service.approve(session, principal, extension_id, body)
    )


@router.post("/extensions/{extension_id}/reject", responses=error_responses(403, 404, 409))
async def reject_extension(
    extension_id: RowId, body: RejectionIn, session: Session, principal: CurrentPrincipal
) -> ExtensionPublic:
    """Refuse with a reason (vendor)."""
    return ExtensionPublic.model_validate(
        await service.reject(session, principal, extension_id, body.reason)
    )
