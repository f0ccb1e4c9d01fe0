from typing import Annotated

from fastapi import Depends, Query, Request, Response

from api.audit import exports, repository, service
from api.audit.schemas import AuditEntry, AuditFacets
from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_page
from api.kit.days import Day
from api.kit.errors import AppError, error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params

router = protected_router("audit")


def audit_filters(
    object_type: Annotated[str | None, Query(max_length=30)] = None,
    object_id: Annotated[str | None, Query(max_length=40)] = None,
    actor_id: RowId | None = None,
    agent_id: Annotated[
        RowId | None, Query(description="Rows on the agent's objects or by its people")
    ] = None,
    action: Annotated[str | None, Query(max_length=50)] = None,
    date_from: Annotated[Day | None, Query(description="First day, China time")] = None,
    date_to: Annotated[Day | None, Query(description="Last day (inclusive), China time")] = None,
) -> repository.AuditFilters:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise AppError("date_range_invalid", 422)
    return repository.AuditFilters(
        object_type=object_type,
        object_id=object_id,
        actor_id=actor_id,
        agent_id=agent_id,
        action=action,
        date_from=date_from,
        date_to=date_to,
    )


Filters = Annotated[repository.AuditFilters, Depends(audit_filters)]


@router.get(
    "/audit",
    response_model=Page[AuditEntry],
    responses={**error_responses(422), **DOWNLOADS},
)
async def list_audit(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    filters: Filters,
    format: ExportFormat = "json",
) -> Page[AuditEntry] | Response:
    """The audit trail, newest first, filtered (vendor only; others see an empty list); JSON
    (paged), .xlsx or CSV."""

    async def fetch(db: AsyncSession, page: PageParams) -> Page[AuditEntry]:
        rows, total = await repository.list_entries(db, principal, page, filters)
        return Page(items=await service.described(db, rows), total=total)

    return await answer_page(request, session, page, format, exports.AUDIT, fetch)


@router.get("/audit/facets")
async def audit_facets(session: Session, principal: CurrentPrincipal) -> AuditFacets:
    """The object types and actions recorded so far, for the filters (vendor only)."""
    object_types, actions = await repository.facets(session, principal)
    return AuditFacets(object_types=object_types, actions=actions)
