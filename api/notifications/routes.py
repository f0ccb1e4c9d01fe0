from datetime import datetime
from typing import Annotated

from fastapi import Depends
from pydantic import BaseModel, ConfigDict

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import Session
from api.kit.pagination import Page, PageParams, page_params
from api.notifications import repository
from api.notifications.models import OutboxStatus

router = protected_router("notifications")


class OutboxMessagePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    to_email: str
    subject: str
    body: str
    status: OutboxStatus
    attempts: int
    next_attempt_at: datetime
    last_error: str
    created_at: datetime
    sent_at: datetime | None


@router.get("/outbox")
async def list_outbox(
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    status: OutboxStatus | None = None,
) -> Page[OutboxMessagePublic]:
    """Queued and sent emails, newest first (vendor; with SMTP off they wait here)."""
    rows, total = await repository.list_outbox(session, principal, page, status)
    return Page(items=[OutboxMessagePublic.model_validate(m) for m in rows], total=total)
