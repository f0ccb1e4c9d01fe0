from typing import Annotated, Literal

from fastapi import Depends, Query
from fastapi.responses import Response

from api.audit import repository, service
from api.audit.schemas import AuditEntry, AuditFacets
from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import Session
from api.kit.clock import today
from api.kit.days import Day
from api.kit.errors import AppError, error_responses
from api.kit.export import XLSX_TYPE, download
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params

router = protected_router("audit")

EXPORT_LIMIT = 10_000  # newest rows in one download; narrow the filters for older ones


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


@router.get("/audit", responses=error_responses(422))
async def list_audit(
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    filters: Filters,
) -> Page[AuditEntry]:
    """The audit trail, newest first, filtered (vendor only; others see an empty list)."""
    rows, total = await repository.list_entries(session, principal, page, filters)
    return Page(items=await service.described(session, rows), total=total)


@router.get("/audit/facets")
async def audit_facets(session: Session, principal: CurrentPrincipal) -> AuditFacets:
    """The object types and actions recorded so far, for the filters (vendor only)."""
    object_types, actions = await repository.facets(session, principal)
    return AuditFacets(object_types=object_types, actions=actions)


@router.get(
    "/audit/export",
    response_class=Response,
    responses={**error_responses(422), 200: {"content": {"text/csv": {}, XLSX_TYPE: {}}}},
)
async def export_audit(
    session: Session,
    principal: CurrentPrincipal,
    filters: Filters,
    format: Literal["xlsx", "csv"] = "xlsx",
) -> Response:
    """The filtered trail as .xlsx or CSV, newest first, at most 10,000 rows (vendor only)."""
    rows = await repository.export_entries(session, principal, filters, EXPORT_LIMIT)
    headers, table = service.export_table(rows)
    return download(format, f"audit-{today().isoformat()}", headers, table)
