"""The customer's lifecycle (SPEC §5, §6): the one module that changes a customer's status, the
agent holding it, and its protection.

    (found) --register--> pending --approve--> protected --release / expire / review--> released
                             |                  ^     |                                    |
                             |                  +-----+ extend, stage reached, review keep |
                             +--reject / withdraw--> rejected / withdrawn                  |
                                                        pending <--take from pool----------+
    (legacy file) --import--> protected          a refused or withdrawn pool application
                                                 puts the customer back in the pool

Each transition re-reads the customer's state under a row lock (PostgreSQL: SELECT ... FOR
UPDATE; SQLite serialises writers), refuses with a coded 409/422 when the customer no longer
stands where the transition starts (the second of two racing requests), writes the change and
its audit row. Callers decide whether the person may act (authz) and keep their own records
(the application and its decision email, the report); they never assign these fields. The agent
that held a customer is emailed here, whatever the path: when the customer goes to the pool and
when another agent's pool application for it is approved."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from api.audit.service import record, snapshot
from api.authz.principal import Principal
from api.customers import repository
from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.customers.protection import development_period_end, new_customer_period_end, next_review
from api.db import AsyncSession
from api.kit.clock import now
from api.kit.errors import AppError, Conflict
from api.notifications.service import notify_agent, reason_params
from api.projects.stages import DEVELOPMENT_STAGES, ProjectStage
from api.rules.models import Rules

Actor = Principal | None  # None: the system (scheduled jobs)


class Transition(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    WITHDRAW = "withdraw"
    PROTECT_BY_STAGE = "protect_by_stage"
    EXTEND = "extend"
    REVIEW_KEEP = "review_keep"
    REVIEW_RELEASE = "review_release"
    RELEASE = "release"
    EXPIRE = "expire"
    TAKE_FROM_POOL = "take_from_pool"


@dataclass(frozen=True)
class Start:
    """Where a customer must stand for a transition to start, and the refusal otherwise."""

    statuses: frozenset[CustomerStatus]
    modes: frozenset[ProtectionMode] = frozenset(ProtectionMode)
    refusal: str = "customer_state_conflict"
    status_code: int = 409


_PENDING = frozenset({CustomerStatus.PENDING})
_PROTECTED = frozenset({CustomerStatus.PROTECTED})
_PERIOD = frozenset({ProtectionMode.PERIOD})
_REVIEW = frozenset({ProtectionMode.REVIEW})

STARTS: dict[Transition, Start] = {
    Transition.APPROVE: Start(_PENDING, refusal="application_not_pending"),
    Transition.REJECT: Start(_PENDING, refusal="application_not_pending"),
    Transition.WITHDRAW: Start(_PENDING, refusal="application_not_pending"),
    Transition.PROTECT_BY_STAGE: Start(_PROTECTED),
    Transition.EXTEND: Start(_PROTECTED, _PERIOD, "extension_not_applicable", 422),
    Transition.REVIEW_KEEP: Start(_PROTECTED, _REVIEW, "customer_not_in_review"),
    Transition.REVIEW_RELEASE: Start(_PROTECTED, _REVIEW, "customer_not_in_review"),
    Transition.RELEASE: Start(_PROTECTED, refusal="customer_not_protected"),
    Transition.EXPIRE: Start(_PROTECTED, _PERIOD, "customer_not_protected"),
    Transition.TAKE_FROM_POOL: Start(frozenset({CustomerStatus.RELEASED}), refusal="pool_taken"),
}


def may_start(customer: Customer, transition: Transition) -> bool:
    start = STARTS[transition]
    return customer.status in start.statuses and customer.protection_mode in start.modes


async def _start(
    session: AsyncSession, customer: Customer, transition: Transition
) -> dict[str, Any]:
    """Lock the customer's row and re-read its state; refuse unless `transition` may start
    there. Returns the state before, for the audit row."""
    await repository.lock_state(session, customer)
    if not may_start(customer, transition):
        start = STARTS[transition]
        raise AppError(start.refusal, start.status_code, status=customer.status.value)
    return snapshot(customer)


def _protect(customer: Customer, until: datetime, at: datetime) -> None:
    customer.status = CustomerStatus.PROTECTED
    customer.protection_mode = ProtectionMode.PERIOD
    customer.protection_until = until
    customer.next_review_at = None
    customer.approved_at = at


def _to_pool(customer: Customer, at: datetime) -> None:
    """The agent, its contact and FAEs let go of the customer: it is in the resource pool."""
    customer.released_from_agent_id = customer.agent_id
    customer.released_at = at
    _back_to_pool(customer)


def _back_to_pool(customer: Customer) -> None:
    customer.status = CustomerStatus.RELEASED
    customer.agent_id = None
    customer.contact_user_id = None
    customer.protection_mode = ProtectionMode.PERIOD
    customer.protection_until = None
    customer.next_review_at = None


async def _done(
    session: AsyncSession,
    actor: Actor,
    action: str,
    customer: Customer,
    before: dict[str, Any] | None,
    reason: str = "",
) -> None:
    customer.updated_at = now()
    session.add(customer)
    agent_id = before["agent_id"] if before and customer.agent_id is None else None
    await record(session, actor, action, customer, before=before, agent_id=agent_id, reason=reason)


# Why a customer went to the pool, as its agent's email says it (zh, en).
RELEASE_CAUSES = {
    "customer.release": ("由原厂释放", "released by the manufacturer"),
    "customer.review_release": ("经原厂量产复核后释放", "released after the manufacturer's review"),
    "customer.expired": ("保护期结束", "its protection period ended"),
}


async def _tell_agent_released(
    session: AsyncSession, action: str, customer: Customer, before: dict[str, Any], reason: str
) -> None:
    """The agent that held the customer hears of it: its master accounts and the contact."""
    cause_zh, cause_en = RELEASE_CAUSES[action]
    await notify_agent(
        session,
        before["agent_id"],
        before["contact_user_id"],
        "customer_released",
        customer=customer.name,
        cause_zh=cause_zh,
        cause_en=cause_en,
        **reason_params(reason),
    )


async def lock_holder(session: AsyncSession, customer: Customer) -> None:
    """Lock the customer's row and re-read who holds it, for a change that depends on the holder
    (its contact, its FAEs): a release committed meanwhile is seen, not overwritten."""
    await repository.lock_state(session, customer)


# --- registration (SPEC §5) -----------------------------------------------------------------


async def register(
    session: AsyncSession,
    actor: Principal,
    customer: Customer,
    *,
    agent_id: int,
    contact_user_id: int | None,
) -> bool:
    """A newly found company becomes `pending` for the agent. False when the database refused
    it because someone holds the same normalised name or credit code (a concurrent winner)."""
    customer.status = CustomerStatus.PENDING
    customer.agent_id, customer.contact_user_id = agent_id, contact_user_id
    customer.protection_mode, customer.protection_until = ProtectionMode.PERIOD, None
    if not await repository.insert_held(session, customer):
        return False
    await record(session, actor, "customer.create", customer)
    return True


async def approve(
    session: AsyncSession, actor: Principal, customer: Customer, rules: Rules
) -> None:
    """pending -> protected for the new-customer period (rule 1)."""
    before = await _start(session, customer, Transition.APPROVE)
    at = now()
    _protect(customer, new_customer_period_end(rules, at), at)
    await _done(session, actor, "customer.protect", customer, before)
    previous = customer.released_from_agent_id
    if previous is not None and previous != customer.agent_id:
        # Taken from the pool by another agent: the one that lost it is told, not by whom.
        await notify_agent(session, previous, None, "customer_taken", customer=customer.name)


async def reject(
    session: AsyncSession, actor: Principal, customer: Customer, reason: str, *, from_pool: bool
) -> None:
    """pending -> rejected (its name is free again), or back to the pool for a pool application."""
    before = await _start(session, customer, Transition.REJECT)
    if from_pool:
        _back_to_pool(customer)
    else:
        customer.status = CustomerStatus.REJECTED
    await _done(session, actor, "customer.reject", customer, before, reason)


async def withdraw(
    session: AsyncSession, actor: Principal, customer: Customer, reason: str, *, from_pool: bool
) -> None:
    """pending -> withdrawn by the applying agent, or back to the pool for a pool application."""
    before = await _start(session, customer, Transition.WITHDRAW)
    if from_pool:
        _back_to_pool(customer)
    else:
        customer.status = CustomerStatus.WITHDRAWN
    await _done(session, actor, "customer.withdraw", customer, before, reason)


async def take_from_pool(
    session: AsyncSession,
    actor: Principal,
    customer: Customer,
    *,
    agent_id: int,
    contact_user_id: int | None,
) -> None:
    """released -> pending for the applying agent; the first applicant wins (a conditional
    UPDATE decides), later ones get 409 pool_taken."""
    before = snapshot(customer)
    taken = {
        "status": CustomerStatus.PENDING,
        "agent_id": agent_id,
        "contact_user_id": contact_user_id,
        "updated_at": now(),
    }
    if not await repository.update_if_status(session, customer, CustomerStatus.RELEASED, taken):
        raise Conflict("pool_taken")
    await record(session, actor, "customer.pool_apply", customer, before=before)


# --- protection (SPEC §6) ----------------------------------------------------------------------


async def protect_by_stage(
    session: AsyncSession, actor: Actor, customer: Customer, stage: ProjectStage, rules: Rules
) -> bool:
    """A project of the customer reached `stage`: 研发/小批 protect `protection_development_months`
    from now, never shortening (rule 2); 量产 turns the period into periodic review (rule 3).
    Anything else changes nothing. True when the protection changed (audited)."""
    await repository.lock_state(session, customer)
    if not may_start(customer, Transition.PROTECT_BY_STAGE):
        return False
    before, at = snapshot(customer), now()
    if customer.protection_mode is not ProtectionMode.PERIOD:
        return False
    if stage in DEVELOPMENT_STAGES:
        longer = development_period_end(rules, at)
        if customer.protection_until is not None and longer <= customer.protection_until:
            return False
        customer.protection_until = longer
    elif stage is ProjectStage.MASS_PRODUCTION:
        customer.protection_mode = ProtectionMode.REVIEW
        customer.next_review_at = next_review(rules, at)
    else:
        return False
    await _done(session, actor, "customer.protection_changed", customer, before)
    return True


async def extend(
    session: AsyncSession, actor: Principal, customer: Customer, until: datetime
) -> None:
    """The vendor grants more time: protection ends at `until`, later than both the current end
    and now (422 extension_date_too_early otherwise)."""
    before = await _start(session, customer, Transition.EXTEND)
    current = customer.protection_until
    if current is None:
        raise AppError("extension_not_applicable", 422)
    if until <= max(current, now()):
        raise AppError("extension_date_too_early", 422, date=current.strftime("%Y-%m-%d"))
    customer.protection_until = until
    await _done(session, actor, "customer.extend", customer, before)


async def keep_after_review(
    session: AsyncSession, actor: Principal, customer: Customer, rules: Rules, reason: str
) -> None:
    """The vendor reviewed a mass-production customer and keeps it with the agent (rule 3)."""
    before = await _start(session, customer, Transition.REVIEW_KEEP)
    customer.next_review_at = next_review(rules, now())
    await _done(session, actor, "customer.review_keep", customer, before, reason)


async def release_after_review(
    session: AsyncSession, actor: Principal, customer: Customer, reason: str
) -> None:
    """The vendor reviewed a mass-production customer and puts it in the pool."""
    before = await _start(session, customer, Transition.REVIEW_RELEASE)
    _to_pool(customer, now())
    await _drop_faes(session, customer)
    await _done(session, actor, "customer.review_release", customer, before, reason)
    await _tell_agent_released(session, "customer.review_release", customer, before, reason)


async def release(session: AsyncSession, actor: Principal, customer: Customer, reason: str) -> None:
    """The vendor releases a protected customer to the pool, with a reason (SPEC §5)."""
    before = await _start(session, customer, Transition.RELEASE)
    _to_pool(customer, now())
    await _drop_faes(session, customer)
    await _done(session, actor, "customer.release", customer, before, reason)
    await _tell_agent_released(session, "customer.release", customer, before, reason)


async def expire(session: AsyncSession, actor: Actor, customer: Customer, reason: str = "") -> bool:
    """The protection period ended: the customer goes to the pool. False (nothing changes) when
    it has not ended, or the customer is no longer protected for a period."""
    await repository.lock_state(session, customer)
    at = now()
    if not may_start(customer, Transition.EXPIRE) or (
        customer.protection_until is None or customer.protection_until > at
    ):
        return False
    before = snapshot(customer)
    _to_pool(customer, at)
    await _drop_faes(session, customer)
    await _done(session, actor, "customer.expired", customer, before, reason)
    await _tell_agent_released(session, "customer.expired", customer, before, reason)
    return True


async def _drop_faes(session: AsyncSession, customer: Customer) -> None:
    assert customer.id is not None
    await repository.remove_faes(session, customer.id)


# --- customers whose history happened elsewhere ------------------------------------------------


def imported(
    customer: Customer,
    *,
    agent_id: int,
    contact_user_id: int,
    rules: Rules,
    until: datetime | None,
) -> Customer:
    """A legacy customer arrives protected for the agent (the vendor's import, SPEC §11): for the
    new-customer period, or until the date the file gives. Not yet stored: the import writes its
    rows in bulk and audits the import once."""
    at = now()
    customer.agent_id, customer.contact_user_id = agent_id, contact_user_id
    _protect(customer, until or new_customer_period_end(rules, at), at)
    customer.created_at = customer.updated_at = at
    return customer


async def store_imported(session: AsyncSession, customers: list[dict[str, Any]]) -> list[int]:
    """Write the columns of customers made by `imported` in one statement; their new ids."""
    if not customers:
        return []
    if any(c["status"] is not CustomerStatus.PROTECTED or c["agent_id"] is None for c in customers):
        raise ValueError("only customers made by `imported` are stored this way")
    return await repository.insert_many(session, customers)


async def hold_registrations(session: AsyncSession) -> None:
    """Until commit, no customer becomes held by anyone else (PostgreSQL: a table lock that
    registrations wait for; SQLite's writer lock does the same): what a bulk import re-checked
    stays true while it writes."""
    await repository.lock_against_new_holders(session)


def seeded(
    customer: Customer,
    status: CustomerStatus,
    *,
    agent_id: int | None = None,
    contact_user_id: int | None = None,
    protection_until: datetime | None = None,
    approved_at: datetime | None = None,
    released_from_agent_id: int | None = None,
    released_at: datetime | None = None,
) -> Customer:
    """A customer of demo or benchmark data, in `status` with its dates as given; refuses a state
    no transition could have produced (a held customer without an agent, a pool customer with
    one, a protection without an end)."""
    held = status in (CustomerStatus.PENDING, CustomerStatus.PROTECTED)
    if (
        (held and agent_id is None)
        or (status is CustomerStatus.RELEASED and agent_id is not None)
        or (
            status is CustomerStatus.PROTECTED and (protection_until is None or approved_at is None)
        )
    ):
        raise ValueError(f"{customer.name}: no transition leads to this {status.value} customer")
    customer.status = status
    customer.agent_id, customer.contact_user_id = agent_id, contact_user_id
    customer.protection_mode = ProtectionMode.PERIOD
    customer.protection_until, customer.approved_at = protection_until, approved_at
    customer.released_from_agent_id, customer.released_at = released_from_agent_id, released_at
    return customer
