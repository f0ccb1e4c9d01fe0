from datetime import datetime, timedelta
from typing import Annotated

from fastapi import Depends, Query, Request, Response, status

from api.applications.models import ApplicationStatus
from api.applications.schemas import ApplicationFilters, DecisionIn, RejectionIn
from api.authz.policy import authorize
from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import AsyncSession, Session, WriteSession
from api.exporting import DOWNLOADS, answer_page
from api.identity.schemas import BlockedOut
from api.kit.clock import now
from api.kit.errors import error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params
from api.registrations import exports, repository, service, views
from api.registrations.models import RegistrationKind
from api.registrations.probing import probing_users
from api.registrations.schemas import (
    CheckResult,
    ProbingUser,
    RegistrationCreate,
    RegistrationPublic,
)
from api.rules.service import current_rules

router = protected_router("registrations")


@router.get("/registrations/check", responses=error_responses(429))
async def check_name(
    session: WriteSession,  # every check is logged
    principal: CurrentPrincipal,
    name: Annotated[str, Query(min_length=1, max_length=200)],
) -> CheckResult:
    """Conflict candidates for a company name, ranked with scores (logged)."""
    return await service.check(session, principal, name)


@router.post(
    "/registrations",
    status_code=status.HTTP_201_CREATED,
    responses={**error_responses(403, 422), 409: {"model": BlockedOut}},
)
async def apply(
    body: RegistrationCreate, session: Session, principal: CurrentPrincipal
) -> RegistrationPublic:
    """Register a newly found customer (报备); 409 with candidates when it is already held."""
    registration, warnings = await service.apply(session, principal, body)
    return views.public(principal, registration, warnings)


@router.get("/registrations", response_model=Page[RegistrationPublic], responses=DOWNLOADS)
async def list_registrations(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    status: ApplicationStatus | None = None,
    kind: RegistrationKind | None = None,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
    format: ExportFormat = "json",
) -> Page[RegistrationPublic] | Response:
    """Registration applications the caller may see, newest first (申请处理); JSON (paged),
    .xlsx or CSV."""
    filters = ApplicationFilters(status=status, created_from=created_from, created_to=created_to)

    async def fetch(db: AsyncSession, page: PageParams) -> Page[RegistrationPublic]:
        rows, total = await repository.list_registrations(db, principal, page, filters, kind)
        return Page(items=[views.public(principal, r) for r in rows], total=total)

    return await answer_page(request, session, page, format, exports.REGISTRATIONS, fetch)


@router.get("/registrations/probing", responses=error_responses(403))
async def list_probing(
    session: Session, principal: CurrentPrincipal, days: Annotated[int, Query(ge=1, le=365)] = 30
) -> list[ProbingUser]:
    """Users who check many names but apply for few (vendor only)."""
    authorize(principal.is_vendor)
    return await probing_users(session, now() - timedelta(days=days))


@router.get("/registrations/{registration_id}", responses=error_responses(404))
async def read_registration(
    registration_id: RowId, session: Session, principal: CurrentPrincipal
) -> RegistrationPublic:
    """One registration application."""
    return views.public(
        principal, await repository.get_visible(session, principal, registration_id)
    )


@router.post("/registrations/{registration_id}/approve", responses=error_responses(403, 404, 409))
async def approve(
    registration_id: RowId, body: DecisionIn, session: Session, principal: CurrentPrincipal
) -> RegistrationPublic:
    """Approve: the customer is protected for the new-customer period (vendor)."""
    rules = await current_rules(session)
    return views.public(
        principal, await service.approve(session, principal, registration_id, rules, body.reason)
    )


@router.post("/registrations/{registration_id}/reject", responses=error_responses(403, 404, 409))
async def reject(
    registration_id: RowId, body: RejectionIn, session: Session, principal: CurrentPrincipal
) -> RegistrationPublic:
    """Reject with a reason (vendor)."""
    return views.public(
        principal,
        await service.close(
            session, principal, registration_id, ApplicationStatus.REJECTED, body.reason
        ),
    )


@router.post("/registrations/{registration_id}/withdraw", responses=error_responses(403, 404, 409))
async def withdraw(
    registration_id: RowId, body: DecisionIn, session: Session, principal: CurrentPrincipal
) -> RegistrationPublic:
    """Withdraw a pending application (the applying agent)."""
    return views.public(
        principal,
        await service.close(
            session, principal, registration_id, ApplicationStatus.WITHDRAWN, body.reason
        ),
    )
