"""Registration (报备): apply, check conflicts, and the decision (SPEC §5)."""

from datetime import datetime, timedelta

from api.applications import service as applications
from api.applications.models import ApplicationStatus
from api.applications.schemas import ApplicationFilters
from api.audit.service import record
from api.authz.policy import (
    authorize,
    can_decide_applications,
    can_register_customers,
    can_withdraw,
)
from api.authz.principal import Principal
from api.authz.roles import Role
from api.catalog.domains import check_domain
from api.config import get_settings
from api.customers import lifecycle
from api.customers.models import Customer
from api.customers.service import check_region, get_pool_customer
from api.db import AsyncSession
from api.identity import service as identity
from api.identity.disclosure import shown, stored
from api.identity.matching import name_warnings, normalise
from api.identity.service import Candidate
from api.kit.clock import now
from api.kit.errors import AppError, Conflict
from api.kit.pagination import PageParams
from api.notifications.service import notify_vendor_staff
from api.registrations import repository
from api.registrations.models import Registration, RegistrationCheck, RegistrationKind
from api.registrations.schemas import CheckResult, PoolApplication, RegistrationCreate
from api.rules.models import Rules
from api.users.models import User

CHECK_WINDOW = timedelta(hours=1)


async def _within_check_rate(session: AsyncSession, principal: Principal) -> None:
    """429 check_rate_limited once the person ran `registration_checks_per_hour` checks within
    the last hour (with Retry-After: when the oldest of them leaves the window)."""
    limit, at = get_settings().registration_checks_per_hour, now()
    count, oldest = await repository.checks_in_window(session, principal.user_id, at - CHECK_WINDOW)
    if count < limit:
        return
    wait = max(int(((oldest or at) + CHECK_WINDOW - at).total_seconds()), 1)
    error = AppError("check_rate_limited", 429, limit=limit, minutes=-(-wait // 60))
    error.headers = {"Retry-After": str(wait)}
    raise error


async def list_visible(
    session: AsyncSession, principal: Principal, page: PageParams, filters: ApplicationFilters
) -> tuple[list[Registration], int]:
    """The registrations the caller may see, filtered, with their parties loaded."""
    return await repository.list_registrations(session, principal, page, filters)


async def check(session: AsyncSession, principal: Principal, name: str) -> CheckResult:
    """Rank possible conflicts for a name; every check is logged (probing is visible) and
    counted against the person's hourly allowance."""
    await _within_check_rate(session, principal)
    normalised = normalise(name)
    candidates = await identity.find_candidates(session, normalised)
    session.add(
        RegistrationCheck(
            user_id=principal.user_id,
            agent_id=principal.agent_id,
            name=name[:200],
            name_key=normalised.full[:200],
            best_score=candidates[0].score if candidates else 0.0,
        )
    )
    return CheckResult(
        blocked=any(c.blocks for c in candidates),
        candidates=shown(principal, candidates),
        warnings=name_warnings(name),
    )


def _blocked(principal: Principal, candidates: list[Candidate]) -> Conflict:
    error = Conflict("registration_blocked")
    error.extra = {"candidates": [c.model_dump(mode="json") for c in shown(principal, candidates)]}
    return error


async def _contact_for(
    session: AsyncSession, principal: Principal, contact_user_id: int | None
) -> int | None:
    """Sales register for themselves; the master account may name a salesperson of the agent."""
    if principal.role is Role.SALES:
        return principal.user_id
    if contact_user_id is None:
        return None
    user = await session.get(User, contact_user_id)
    if (
        user is None
        or user.agent_id != principal.agent_id
        or user.role is not Role.SALES
        or not user.is_active
    ):
        raise AppError("not_agent_member", 422, role=Role.SALES.value)
    return contact_user_id


# How the vendor's email names where the customer comes from (zh, en).
SOURCES = {
    RegistrationKind.NEW: ("新客户", "the new customer"),
    RegistrationKind.POOL: ("资源池客户", "the pool customer"),
}


async def _tell_vendor(session: AsyncSession, registration: Registration) -> None:
    """One email per new registration to each vendor staff member, who decide it."""
    source_zh, source_en = SOURCES[registration.kind]
    await notify_vendor_staff(
        session,
        "registration_submitted",
        customer=registration.customer.name,
        agent=registration.agent.name,
        applicant=registration.applicant.display_name,
        source_zh=source_zh,
        source_en=source_en,
    )


async def apply(
    session: AsyncSession, principal: Principal, data: RegistrationCreate
) -> tuple[Registration, list[str]]:
    """Register a new customer as `pending`. Raises 409 registration_blocked (with candidates)
    on an exact or near-exact match or the same credit code held by anyone; a fuzzy match goes
    through with the candidates attached for the vendor. Returns the name warnings too."""
    authorize(can_register_customers(principal))
    assert principal.agent_id is not None
    check_region(data.province, data.city)
    await check_domain(session, data.product_domain_id)
    credit_code = identity.clean_credit_code(data.credit_code)
    contact = await _contact_for(session, principal, data.contact_user_id)
    name = normalise(data.name)
    await identity.lock_name(session, name)
    candidates = await identity.find_candidates(session, name, credit_code)
    for alias in data.aliases:  # every name the company goes by must be free
        candidates += [
            c for c in await identity.find_candidates(session, normalise(alias.name)) if c.blocks
        ]
    if any(c.blocks for c in candidates):
        raise _blocked(principal, candidates)
    for text in (data.name, *(a.name for a in data.aliases)):
        identity.check_name_text(text)
    details = data.model_dump(exclude={"name", "credit_code", "contact_user_id", "note", "aliases"})
    customer = Customer(
        **details,
        name=data.name.strip(),
        name_key=name.full,
        name_core=name.core,
        credit_code=credit_code,
    )
    registered = await lifecycle.register(
        session, principal, customer, agent_id=principal.agent_id, contact_user_id=contact
    )
    if not registered:  # a concurrent winner: the unique index refused us
        raise _blocked(principal, await identity.find_candidates(session, name, credit_code))
    assert customer.id is not None
    await identity.index_names(session, [(customer.id, name)])
    await identity.add_new_customers_aliases(
        session,
        [(customer.id, a.kind, a.name.strip()) for a in data.aliases],
        {customer.id: name},
        principal.user_id,
    )
    registration = Registration(
        customer_id=customer.id,
        agent_id=principal.agent_id,
        applicant_id=principal.user_id,
        kind=RegistrationKind.NEW,
        status=ApplicationStatus.PENDING,
        note=data.note,
        conflicts=[stored(c) for c in candidates],
    )
    session.add(registration)
    await record(session, principal, "registration.create", registration)
    created = await repository.get_visible(session, principal, registration.id or 0)
    await _tell_vendor(session, created)
    return created, name_warnings(data.name)


def cooldown_until(
    customer: Customer, principal: Principal, rules: Rules, at: datetime
) -> datetime | None:
    """Until when the caller's agent may not apply for a pool customer it released itself
    (`pool_cooldown_days`); None when it may (another agent's release, or the wait is over)."""
    if customer.released_from_agent_id != principal.agent_id or customer.released_at is None:
        return None
    until = customer.released_at + timedelta(days=rules.pool_cooldown_days)
    return until if until > at else None


async def apply_from_pool(
    session: AsyncSession,
    principal: Principal,
    customer_id: int,
    data: PoolApplication,
    rules: Rules,
) -> Registration:
    """Apply for a released customer. The agent that lost it waits `pool_cooldown_days`; an agent
    holds at most `pool_max_pending` pool applications (counted under a lock on the agent, so
    simultaneous applications cannot overshoot); the first applicant wins (409 after)."""
    authorize(can_register_customers(principal))
    assert principal.agent_id is not None
    customer = await get_pool_customer(session, customer_id)
    until = cooldown_until(customer, principal, rules, now())
    if until is not None:
        raise AppError("pool_cooldown", 422, date=until.strftime("%Y-%m-%d"))
    await repository.lock_agent_applications(session, principal.agent_id)
    if (
        await repository.pending_pool_applications(session, principal.agent_id)
        >= rules.pool_max_pending
    ):
        raise AppError("pool_limit", 422, limit=rules.pool_max_pending)
    contact = await _contact_for(session, principal, data.contact_user_id)
    await lifecycle.take_from_pool(
        session, principal, customer, agent_id=principal.agent_id, contact_user_id=contact
    )
    registration = Registration(
        customer_id=customer_id,
        agent_id=principal.agent_id,
        applicant_id=principal.user_id,
        kind=RegistrationKind.POOL,
        status=ApplicationStatus.PENDING,
        note=data.note,
    )
    session.add(registration)
    await record(session, principal, "registration.create", registration)
    created = await repository.get_visible(session, principal, registration.id or 0)
    await _tell_vendor(session, created)
    return created


async def approve(
    session: AsyncSession, principal: Principal, registration_id: int, rules: Rules, reason: str
) -> Registration:
    """The vendor approves: the customer is protected for `protection_new_months` (3). 409 when
    the application was decided meanwhile."""
    registration = await repository.get_visible(session, principal, registration_id)
    authorize(can_decide_applications(principal))
    await applications.ensure_pending(session, registration)
    await lifecycle.approve(session, principal, registration.customer, rules)
    await applications.decide(session, principal, registration, ApplicationStatus.APPROVED, reason)
    return await repository.get_visible(session, principal, registration_id)


async def close(
    session: AsyncSession,
    principal: Principal,
    registration_id: int,
    status: ApplicationStatus,
    reason: str,
) -> Registration:
    """Reject (vendor, with a reason) or withdraw (the applying agent). A new customer's name is
    free again; a pool customer goes back to the pool. 409 when decided meanwhile."""
    registration = await repository.get_visible(session, principal, registration_id)
    rejecting = status is ApplicationStatus.REJECTED
    authorize(
        can_decide_applications(principal) if rejecting else can_withdraw(principal, registration)
    )
    await applications.ensure_pending(session, registration)
    from_pool = registration.kind is RegistrationKind.POOL
    close_customer = lifecycle.reject if rejecting else lifecycle.withdraw
    await close_customer(session, principal, registration.customer, reason, from_pool=from_pool)
    await applications.decide(session, principal, registration, status, reason)
    return await repository.get_visible(session, principal, registration_id)
