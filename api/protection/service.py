"""Protection periods (保护期, SPEC §6): how long an agent keeps a customer."""

from datetime import datetime, time, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from api.audit.service import record, snapshot
from api.authz.principal import Principal
from api.customers.models import Customer, CustomerFae, CustomerStatus, ProtectionMode
from api.kit.clock import CHINA, add_months
from api.projects.stages import DEVELOPMENT_STAGES, ProjectStage
from api.rules.models import Rules


def protect_new(customer: Customer, rules: Rules, at: datetime) -> None:
    """Rule 1: a newly approved customer is protected for `protection_new_months` (3)."""
    customer.status = CustomerStatus.PROTECTED
    customer.protection_mode = ProtectionMode.PERIOD
    customer.protection_until = add_months(at, rules.protection_new_months)
    customer.next_review_at = None
    customer.approved_at = at
    customer.updated_at = at


async def on_project_stage(
    session: AsyncSession,
    actor: Principal | None,
    customer: Customer,
    stage: ProjectStage,
    rules: Rules,
    at: datetime,
) -> bool:
    """Rules 2 and 3, called whenever one of the customer's projects reaches `stage`:
    研发/小批 → protected `protection_development_months` (6) from now, never shortening;
    量产 → periodic review every `review_interval_months` (12) instead of lapsing.
    Returns True when the protection changed (and audits it)."""
    if customer.status is not CustomerStatus.PROTECTED:
        return False
    before = snapshot(customer)
    if stage in DEVELOPMENT_STAGES and customer.protection_mode is ProtectionMode.PERIOD:
        longer = add_months(at, rules.protection_development_months)
        if customer.protection_until is not None and longer <= customer.protection_until:
            return False
        customer.protection_until = longer
    elif (
        stage is ProjectStage.MASS_PRODUCTION and customer.protection_mode is ProtectionMode.PERIOD
    ):
        customer.protection_mode = ProtectionMode.REVIEW
        customer.next_review_at = add_months(at, rules.review_interval_months)
    else:
        return False
    customer.updated_at = at
    session.add(customer)
    await record(session, actor, "customer.protection_changed", customer, before=before)
    return True


def days_left(customer: Customer, at: datetime) -> int | None:
    if (
        customer.status is not CustomerStatus.PROTECTED
        or customer.protection_mode is not ProtectionMode.PERIOD
    ):
        return None
    if customer.protection_until is None:
        return None
    return (customer.protection_until - at).days


def is_near_expiry(customer: Customer, rules: Rules, at: datetime) -> bool:
    """Shown red on the home page: protection ends within `near_expiry_days` (15)."""
    left = days_left(customer, at)
    return left is not None and left < rules.near_expiry_days


def followup_since(customer: Customer) -> datetime | None:
    """Since when the customer waits for a report: the latest report, else the approval."""
    if customer.last_report_at is not None:
        return datetime.combine(customer.last_report_at, time(), CHINA)
    return customer.approved_at


def is_followup_overdue(customer: Customer, rules: Rules, at: datetime) -> bool:
    """SPEC §7: each protected customer gets a report at least every `followup_interval_days`."""
    since = followup_since(customer)
    if customer.status is not CustomerStatus.PROTECTED or since is None:
        return False
    return at - since > timedelta(days=rules.followup_interval_days)


def near_expiry_cutoff(rules: Rules, at: datetime) -> datetime:
    return at + timedelta(days=rules.near_expiry_days)


async def release(
    session: AsyncSession,
    actor: Principal | None,
    customer: Customer,
    at: datetime,
    action: str,
    reason: str = "",
) -> None:
    """Put the customer in the resource pool: the agent, contact and FAEs let go of it."""
    before = snapshot(customer)
    customer.released_from_agent_id = customer.agent_id
    customer.agent_id = None
    customer.contact_user_id = None
    customer.status = CustomerStatus.RELEASED
    customer.protection_mode = ProtectionMode.PERIOD
    customer.protection_until = None
    customer.next_review_at = None
    customer.released_at = at
    customer.updated_at = at
    session.add(customer)
    await session.execute(delete(CustomerFae).where(col(CustomerFae.customer_id) == customer.id))
    await record(
        session, actor, action, customer, before=before, agent_id=before["agent_id"], reason=reason
    )
