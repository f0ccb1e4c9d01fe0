"""The customer's lifecycle (SPEC §5, §6) walked as a table: every transition from every state.
The allowed pairs below are written from the SPEC, not read from the code; each allowed one
must land in the stated state, each other one must be refused and change nothing."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from api.authz.principal import Principal
from api.authz.roles import Role
from api.customers import lifecycle
from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.db import AsyncSession, get_sessionmaker
from api.kit.errors import AppError
from api.projects.stages import ProjectStage
from api.rules.models import Rules
from tests.clock import NOW

STATES = [
    "pending",
    "pending_from_pool",
    "protected",
    "protected_in_review",
    "released",
    "rejected",
    "withdrawn",
]


@dataclass
class Case:
    """What a step needs besides the customer."""

    vendor: Principal
    other_agent_id: int  # who takes a customer from the pool
    from_pool: bool  # the pending customer was applied for from the pool


Step = Callable[[AsyncSession, Customer, Case], Awaitable[Any]]

# transition -> (its call, {state it may start from: state it ends in})
TRANSITIONS: dict[str, tuple[Step, dict[str, str]]] = {
    "approve": (
        lambda s, c, k: lifecycle.approve(s, k.vendor, c, Rules()),
        {"pending": "protected", "pending_from_pool": "protected"},
    ),
    "reject": (
        lambda s, c, k: lifecycle.reject(s, k.vendor, c, "不符合", from_pool=k.from_pool),
        {"pending": "rejected", "pending_from_pool": "released"},
    ),
    "withdraw": (
        lambda s, c, k: lifecycle.withdraw(s, k.vendor, c, "撤回", from_pool=k.from_pool),
        {"pending": "withdrawn", "pending_from_pool": "released"},
    ),
    "protect_by_stage": (
        lambda s, c, k: lifecycle.protect_by_stage(
            s, k.vendor, c, ProjectStage.MASS_PRODUCTION, Rules()
        ),
        {"protected": "protected_in_review"},
    ),
    "extend": (
        lambda s, c, k: lifecycle.extend(s, k.vendor, c, NOW + timedelta(days=400)),
        {"protected": "protected"},
    ),
    "review_keep": (
        lambda s, c, k: lifecycle.keep_after_review(s, k.vendor, c, Rules(), "量产稳定"),
        {"protected_in_review": "protected_in_review"},
    ),
    "review_release": (
        lambda s, c, k: lifecycle.release_after_review(s, k.vendor, c, "量产停止"),
        {"protected_in_review": "released"},
    ),
    "release": (
        lambda s, c, k: lifecycle.release(s, k.vendor, c, "原厂收回"),
        {"protected": "released", "protected_in_review": "released"},
    ),
    "expire": (
        lambda s, c, k: lifecycle.expire(s, None, c),
        {"protected": "released"},
    ),
    "take_from_pool": (
        lambda s, c, k: lifecycle.take_from_pool(
            s, k.vendor, c, agent_id=k.other_agent_id, contact_user_id=None
        ),
        {"released": "pending"},
    ),
}


def _state(customer: Customer, from_pool: bool) -> str:
    if customer.status is CustomerStatus.PROTECTED:
        in_review = customer.protection_mode is ProtectionMode.REVIEW
        return "protected_in_review" if in_review else "protected"
    if customer.status is CustomerStatus.PENDING and from_pool:
        return "pending_from_pool"
    return customer.status.value


async def _customer_in(factory, world, state: str) -> Customer:  # type: ignore[no-untyped-def]
    """A customer standing in `state` (protection ends in ten days where it has one)."""
    status = CustomerStatus(state.split("_")[0])
    held = status in (CustomerStatus.PENDING, CustomerStatus.PROTECTED)
    customer = await factory.customer(
        world.agent_a if held or status is not CustomerStatus.RELEASED else None,
        world.a_sales if held else None,
        name=f"深圳市{state}测试电子有限公司",
        status=status,
        protection_until=NOW + timedelta(days=10) if status is CustomerStatus.PROTECTED else None,
        released_from=world.agent_b if status is CustomerStatus.RELEASED else None,
    )
    if state == "protected_in_review":
        customer.protection_mode = ProtectionMode.REVIEW
        factory.session.add(customer)
        await factory.session.commit()
    return customer


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("transition", list(TRANSITIONS))
async def test_every_transition_from_every_state_goes_where_the_spec_says_or_is_refused(
    factory, world, clock, transition: str, state: str
) -> None:
    step, allowed = TRANSITIONS[transition]
    customer = await _customer_in(factory, world, state)
    if transition == "expire":
        clock.move_to(NOW + timedelta(days=11), tick=False)  # the period has ended
    vendor = Principal(world.vendor.id, "vendor", "原厂", Role.VENDOR, None, False)
    case = Case(vendor, world.agent_b.id, from_pool=state == "pending_from_pool")
    async with get_sessionmaker()() as session:
        try:
            async with session.begin():
                loaded = await session.get(Customer, customer.id)
                assert loaded is not None
                outcome = await step(session, loaded, case)
        except AppError as refused:
            outcome = refused
    async with get_sessionmaker()() as session:
        after = await session.get(Customer, customer.id)
        assert after is not None
    if state in allowed:
        assert not isinstance(outcome, AppError), outcome.code
        assert outcome is not False
        assert _state(after, case.from_pool) == allowed[state]
    else:
        # refused with a reason (409/422), or a quiet no-op for the automatic ones
        assert isinstance(outcome, AppError) or outcome is False, outcome
        assert _state(after, case.from_pool) == state


async def test_a_transition_is_refused_once_a_simultaneous_one_has_moved_the_customer(
    factory, world
) -> None:
    """The lifecycle re-reads the state under a row lock: a stale object cannot act on it."""
    customer = await _customer_in(factory, world, "protected")
    vendor = Principal(world.vendor.id, "vendor", "原厂", Role.VENDOR, None, False)
    async with get_sessionmaker()() as session:
        async with session.begin():
            stale = await session.get(Customer, customer.id)
        assert stale is not None and stale.status is CustomerStatus.PROTECTED
        async with get_sessionmaker()() as other, other.begin():
            fresh = await other.get(Customer, customer.id)
            assert fresh is not None
            await lifecycle.release(other, vendor, fresh, "原厂收回")
        with pytest.raises(AppError) as refused:
            async with session.begin():
                await lifecycle.release(session, vendor, stale, "再次收回")
    assert refused.value.code == "customer_not_protected"
