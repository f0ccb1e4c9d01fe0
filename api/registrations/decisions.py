"""What every application (registration, extension) records when it is decided."""

from datetime import datetime
from typing import Protocol

from api.authz.principal import Principal
from api.kit.clock import now
from api.registrations.models import ApplicationStatus


class Application(Protocol):
    status: ApplicationStatus
    decided_by_id: int | None
    decided_at: datetime | None
    decision_reason: str


def decide(
    application: Application, principal: Principal, status: ApplicationStatus, reason: str
) -> None:
    application.status = status
    application.decided_by_id = principal.user_id
    application.decided_at = now()
    application.decision_reason = reason
