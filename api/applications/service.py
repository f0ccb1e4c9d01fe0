"""Applications awaiting the vendor's decision (申请处理, SPEC §5–6): registrations and
extensions share their states, their decision and the email that tells the applicant."""

from api.applications import repository
from api.applications.models import Application, ApplicationStatus
from api.audit.service import record
from api.authz.principal import Principal
from api.db import AsyncSession
from api.kit.clock import now
from api.kit.errors import Conflict
from api.notifications.service import decision_params, notify

# The audit verb of each decision.
VERBS = {
    ApplicationStatus.APPROVED: "approve",
    ApplicationStatus.REJECTED: "reject",
    ApplicationStatus.WITHDRAWN: "withdraw",
}


async def ensure_pending(session: AsyncSession, application: Application) -> None:
    """Lock the application and re-read it; 409 application_not_pending once it was decided
    (also by a simultaneous request that committed first)."""
    await repository.lock(session, application)
    if application.status is not ApplicationStatus.PENDING:
        raise Conflict("application_not_pending")


async def decide(
    session: AsyncSession,
    principal: Principal,
    application: Application,
    status: ApplicationStatus,
    reason: str,
) -> None:
    """Record the decision on a pending application (call `ensure_pending` first, before
    changing anything it decides about), audit it, and email the applicant an approval or a
    rejection (a withdrawal is the applicant's own act)."""
    application.status = status
    application.decided_by_id = principal.user_id
    application.decided_at = now()
    application.decision_reason = reason
    session.add(application)
    kind = application.__tablename__
    action = f"{kind}.{VERBS[status]}"
    await record(session, principal, action, application, reason=reason)
    if status is not ApplicationStatus.WITHDRAWN:
        params = decision_params(status is ApplicationStatus.APPROVED, reason)
        notify(
            session,
            application.applicant,
            f"{kind}_decided",
            customer=application.customer.name,
            **params,
        )
