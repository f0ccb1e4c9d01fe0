"""Extension applications (申请延期, SPEC §6): asked before the deadline, decided by the vendor."""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.audit.service import record, snapshot
from api.authz.policy import authorize, can_decide_applications, can_work_on_customer
from api.authz.principal import Principal
from api.customers import repository as customers
from api.customers.models import CustomerStatus, ProtectionMode
from api.extensions import repository
from api.extensions.models import Extension
from api.extensions.schemas import ExtensionApproval, ExtensionCreate
from api.kit.clock import now
from api.kit.errors import AppError, Conflict
from api.notifications.service import decision_params, notify
from api.protection.service import release
from api.registrations.decisions import decide
from api.registrations.models import ApplicationStatus


async def request(
    session: AsyncSession, principal: Principal, customer_id: int, data: ExtensionCreate
) -> Extension:
    """Ask for more time. Raises 422 extension_not_applicable unless the customer is protected
    for a period that has not yet ended, 409 extension_open while another awaits a decision."""
    customer = await customers.get_visible(session, principal, customer_id)
    authorize(can_work_on_customer(principal, customer))
    at = now()
    if (
        customer.status is not CustomerStatus.PROTECTED
        or customer.protection_mode is not ProtectionMode.PERIOD
        or customer.protection_until is None
    ):
        raise AppError("extension_not_applicable", 422)
    if customer.protection_until <= at:
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
    try:
        async with session.begin_nested():
            session.add(extension)
            await session.flush()
    except IntegrityError:
        raise Conflict("extension_open") from None
    await record(session, principal, "extension.create", extension)
    return await repository.get_visible(session, principal, extension.id or 0)


async def _decidable(session: AsyncSession, principal: Principal, extension_id: int) -> Extension:
    extension = await repository.get_visible(session, principal, extension_id)
    authorize(can_decide_applications(principal))
    if extension.status is not ApplicationStatus.PENDING:
        raise Conflict("application_not_pending")
    return extension


async def approve(
    session: AsyncSession, principal: Principal, extension_id: int, data: ExtensionApproval
) -> Extension:
    """The vendor extends protection to a later date of its choosing."""
    extension = await _decidable(session, principal, extension_id)
    customer = extension.customer
    current = customer.protection_until
    if customer.status is not CustomerStatus.PROTECTED or current is None:
        raise AppError("extension_not_applicable", 422)
    if data.protection_until <= max(current, now()):
        raise AppError("extension_date_too_early", 422, date=current.strftime("%Y-%m-%d"))
    before = snapshot(customer)
    customer.protection_until = data.protection_until
    customer.updated_at = now()
    session.add(customer)
    decide(extension, principal, ApplicationStatus.APPROVED, data.reason)
    extension.decided_until = data.protection_until
    await record(session, principal, "customer.extend", customer, before=before)
    await record(session, principal, "extension.approve", extension, reason=data.reason)
    _email_decision(session, extension, approved=True, reason=data.reason)
    return await repository.get_visible(session, principal, extension_id)


async def reject(
    session: AsyncSession, principal: Principal, extension_id: int, reason: str
) -> Extension:
    """The vendor refuses. If the period ended while the vendor was deciding, the customer goes
    to the pool now (the expiry job waits for open extensions)."""
    extension = await _decidable(session, principal, extension_id)
    decide(extension, principal, ApplicationStatus.REJECTED, reason)
    await record(session, principal, "extension.reject", extension, reason=reason)
    _email_decision(session, extension, approved=False, reason=reason)
    customer = extension.customer
    at = now()
    if (
        customer.status is CustomerStatus.PROTECTED
        and customer.protection_until
        and customer.protection_until <= at
    ):
        await release(session, principal, customer, at, "customer.expired", reason)
    return await repository.get_visible(session, principal, extension_id)


def _email_decision(
    session: AsyncSession, extension: Extension, *, approved: bool, reason: str
) -> None:
    params = decision_params(approved, reason)
    notify(
        session,
        extension.applicant,
        "extension_decided",
        customer=extension.customer.name,
        **params,
    )


async def customers_with_open_extension(session: AsyncSession, customer_ids: list[int]) -> set[int]:
    """Which of these customers have an extension awaiting the vendor's decision."""
    return await repository.customers_with_open_extension(session, customer_ids)
