from typing import Annotated

from fastapi import Depends, Query

from api.audit import repository
from api.audit.schemas import AuditEntry
from api.authz.principal import CurrentPrincipal
from api.db import Session
from api.kit.pagination import Page, PageParams, page_params
from api.kit.routing import protected_router

router = protected_router("audit")


@router.get("/audit")
async def list_audit(
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    object_type: Annotated[str | None, Query(max_length=30)] = None,
    object_id: Annotated[str | None, Query(max_length=40)] = None,
    actor_id: int | None = None,
    action: Annotated[str | None, Query(max_length=50)] = None,
) -> Page[AuditEntry]:
    """The audit trail, newest first (vendor only; others see an empty list)."""
    rows, total = await repository.list_entries(
        session,
        principal,
        page,
        object_type=object_type,
        object_id=object_id,
        actor_id=actor_id,
        action=action,
    )
    return Page(items=[AuditEntry.model_validate(r) for r in rows], total=total)
