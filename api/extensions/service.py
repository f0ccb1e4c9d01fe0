"""Extension applications (申请延期, SPEC §6): asked before the deadline, decided by the vendor."""

from datetime import datetime

from api.applications import service as applications
from api.applications.models import ApplicationStatus
from api.applications.schemas import ApplicationFilters
from api.audit.service import record
from api.authz.policy import authorize, can_decide_applications, can_work_on_customer
from api.authz.principal import Principal
from api.customers import lifecycle
from api.customers.lifecycle import Transition
from api.customers.service import get_visible as get_visible_customer
from api.db import AsyncSession
from api.extensions import repository
from api.extensions.models import Extension
from api.extensions.schemas import ExtensionApproval, ExtensionCreate
from api.kit.clock import CHINA, now
from api.kit.errors import AppError, Conflict
from api.kit.pagination import PageParams
from api.notifications.service import notify_vendor_staff


async def request(
    session: AsyncSession, principal: Principal, customer_id: int, data: ExtensionCreate
) -> Extension:
    """Ask for more time. Raises 422 extension_not_applicable unless the customer is protected
    for a period that has not yet ended, 409 extension_open while another awaits a decision."""
    customer = await get_visible_customer(session, principal, customer_id)
    authorize(can_work_on_customer(principal, customer))
    if not lifecycle.may_start(customer, Transition.EXTEND) or customer.protection_until is None:
        raise AppError("extension_not_applicable", 422)
    if customer.protection_until <= now():
        raise AppError("extension_too_late", 422)
    assert customer.agent_id is not None
    extension = Extension(
        customer_id=customer_id,
        agent_id=customer.agent_id,
        applicant_id=principal.user_id,
        reason=data.reason,
        requested_until=data.requested_until,
        protection_until_at_request=customer.protection_until,
        status=ApplicationStatus.PENDING,
    )
    if not await repository.insert_open(session, extension):
        raise Conflict("extension_open")
    await record(session, principal, "extension.create", extension)
    created = await repository.get_visible(session, principal, extension.id or 0)
    until = created.requested_until
    await notify_vendor_staff(
        session,
        "extension_submitted",
        customer=created.customer.name,
        agent=created.agent.name,
        applicant=created.applicant.display_name,
        until_zh=f"至 {china_day(until)}" if until else "",
        until_en=f" until {china_day(until)}" if until else "",
        current=china_day(created.protection_until_at_request),
        reason=created.reason,
    )
    return created


def china_day(moment: datetime) -> str:
    return moment.astimezone(CHINA).date().isoformat()


async def _decidable(session: AsyncSession, principal: Principal, extension_id: int) -> Extension:
    extension = await repository.get_visible(session, principal, extension_id)
    authorize(can_decide_applications(principal))
    await applications.ensure_pending(session, extension)
    return extension


async def approve(
    session: AsyncSession, principal: Principal, extension_id: int, data: ExtensionApproval
) -> Extension:
    """The vendor extends protection to a later date of its choosing."""
    extension = await _decidable(session, principal, extension_id)
    await lifecycle.extend(session, principal, extension.customer, data.protection_until)
    extension.decided_until = data.protection_until
    await applications.decide(
        session, principal, extension, ApplicationStatus.APPROVED, data.reason
    )
    return await repository.get_visible(session, principal, extension_id)


async def reject(
    session: AsyncSession, principal: Principal, extension_id: int, reason: str
) -> Extension:
    """The vendor refuses. If the period ended while the vendor was deciding, the customer goes
    to the pool now (the expiry job waits for open extensions)."""
    extension = await _decidable(session, principal, extension_id)
    await applications.decide(session, principal, extension, ApplicationStatus.REJECTED, reason)
    await lifecycle.expire(session, principal, extension.customer, reason)
    return await repository.get_visible(session, principal, extension_id)


async def list_visible(
    session: AsyncSession, principal: Principal, page: PageParams, filters: ApplicationFilters
) -> tuple[list[Extension], int]:
    """The extensions the caller may see, filtered, with their parties loaded."""
    return await repository.list_extensions(session, principal, page, filters)
