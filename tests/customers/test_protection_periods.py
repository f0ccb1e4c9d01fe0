"""Protection periods (SPEC §6): 3 months new; 6 months from 研发/小批, never shortening;
量产 reviewed instead of lapsing; near expiry shown red; the expiry job releases once."""

import asyncio
from datetime import datetime, timedelta

from api.customers import lifecycle
from api.customers.expiry import release_expired
from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.db import get_sessionmaker
from api.kit.clock import add_months, now
from api.projects.stages import ProjectStage
from api.rules.models import Rules
from tests.clock import NOW

T0 = NOW


async def _stage(clock, customer_id: int, stage: ProjectStage, at: datetime) -> Customer:  # type: ignore[no-untyped-def]
    """A project of the customer reaches `stage` at `at`."""
    clock.move_to(at, tick=False)
    async with get_sessionmaker()() as session, session.begin():
        customer = await session.get(Customer, customer_id)
        assert customer is not None
        await lifecycle.protect_by_stage(session, None, customer, stage, Rules())
    return customer


async def _release_expired(clock, at: datetime) -> int:  # type: ignore[no-untyped-def]
    """The expiry job as it would run at `at`."""
    clock.move_to(at, tick=False)
    async with get_sessionmaker()() as session, session.begin():
        return await release_expired(session)


async def test_development_stage_protects_six_months_from_that_moment(
    factory, world, clock
) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=add_months(T0, 1)
    )
    changed = await _stage(clock, customer.id, ProjectStage.DEVELOPMENT, T0)
    assert changed.protection_until == add_months(T0, 6)


async def test_small_batch_counts_like_development(factory, world, clock) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=add_months(T0, 1)
    )
    assert (
        await _stage(clock, customer.id, ProjectStage.SMALL_BATCH, T0)
    ).protection_until == add_months(T0, 6)


async def test_development_stage_never_shortens_a_longer_period(factory, world, clock) -> None:
    longer = add_months(T0, 9)
    customer = await factory.customer(world.agent_a, world.a_sales, protection_until=longer)
    assert (
        await _stage(clock, customer.id, ProjectStage.DEVELOPMENT, T0)
    ).protection_until == longer


async def test_other_stages_do_not_change_protection(factory, world, clock) -> None:
    until = add_months(T0, 2)
    customer = await factory.customer(world.agent_a, world.a_sales, protection_until=until)
    for stage in (
        ProjectStage.LEAD,
        ProjectStage.APPROVED,
        ProjectStage.ON_HOLD,
        ProjectStage.LOST,
    ):
        assert (await _stage(clock, customer.id, stage, T0)).protection_until == until


async def test_mass_production_switches_to_periodic_review(factory, world, clock) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=add_months(T0, 1)
    )
    changed = await _stage(clock, customer.id, ProjectStage.MASS_PRODUCTION, T0)
    assert changed.protection_mode is ProtectionMode.REVIEW
    assert changed.next_review_at == add_months(T0, 12)


async def test_review_customers_are_not_released_by_the_expiry_job(factory, world, clock) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=add_months(T0, 1)
    )
    await _stage(clock, customer.id, ProjectStage.MASS_PRODUCTION, T0)
    assert await _release_expired(clock, add_months(T0, 2)) == 0


async def test_vendor_reviews_a_mass_production_customer(client, factory, world, clock) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales)
    await _stage(clock, customer.id, ProjectStage.MASS_PRODUCTION, now())
    keep = await client.post(
        f"/api/v1/customers/{customer.id}/review",
        json={"keep": True, "reason": "量产稳定"},
        headers=world.vendor.headers,
    )
    assert keep.status_code == 200 and keep.json()["status"] == "protected"
    drop = await client.post(
        f"/api/v1/customers/{customer.id}/review",
        json={"keep": False, "reason": "已停止合作"},
        headers=world.vendor.headers,
    )
    assert drop.json()["status"] == "released"


async def test_near_expiry_customers_are_flagged_for_the_home_page(client, factory, world) -> None:
    soon = await factory.customer(
        world.agent_a,
        world.a_sales,
        name="快到期电子有限公司",
        protection_until=now() + timedelta(days=10),
    )
    await factory.customer(
        world.agent_a,
        world.a_sales,
        name="还早电子有限公司",
        protection_until=now() + timedelta(days=40),
    )
    listed = (await client.get("/api/v1/customers", headers=world.a_sales.headers)).json()["items"]
    flags = {c["name"]: (c["near_expiry"], c["days_left"]) for c in listed}
    assert flags["快到期电子有限公司"] == (True, 9) and flags["还早电子有限公司"][0] is False
    only_soon = await client.get(
        "/api/v1/customers", params={"near_expiry": True}, headers=world.a_sales.headers
    )
    assert [c["id"] for c in only_soon.json()["items"]] == [soon.id]


async def test_vendor_changes_the_rules_and_approval_uses_them(client, world) -> None:
    changed = await client.put(
        "/api/v1/rules", json={"protection_new_months": 4}, headers=world.vendor.headers
    )
    assert changed.json()["protection_new_months"] == 4
    assert (
        await client.put(
            "/api/v1/rules", json={"protection_new_months": 4}, headers=world.a_admin.headers
        )
    ).status_code == 403
    assert (
        await client.put(
            "/api/v1/rules", json={"protection_new_months": 0}, headers=world.vendor.headers
        )
    ).status_code == 422


async def test_expiry_job_releases_expired_customers_to_the_pool(
    client, factory, world, clock
) -> None:
    expired = await factory.customer(
        world.agent_a, world.a_sales, protection_until=T0 - timedelta(days=1)
    )
    alive = await factory.customer(
        world.agent_a, world.a_sales, protection_until=T0 + timedelta(days=1)
    )
    clock.move_to(T0, tick=False)
    async with get_sessionmaker()() as session, session.begin():
        assert await release_expired(session) == 1
    pool = await client.get("/api/v1/pool", headers=world.b_sales.headers)
    assert [c["id"] for c in pool.json()["items"]] == [expired.id]
    assert (
        await client.get(f"/api/v1/customers/{expired.id}", headers=world.a_sales.headers)
    ).status_code == 404
    assert (
        await client.get(f"/api/v1/customers/{alive.id}", headers=world.a_sales.headers)
    ).status_code == 200


async def test_expiry_job_releases_exactly_once_when_two_run_concurrently(
    client, factory, world, clock
) -> None:
    for n in range(6):
        await factory.customer(
            world.agent_a,
            world.a_sales,
            name=f"过期{n}号电子有限公司",
            protection_until=T0 - timedelta(days=1),
        )

    clock.move_to(T0, tick=False)

    async def run() -> int:
        async with get_sessionmaker()() as session, session.begin():
            return await release_expired(session)

    counts = await asyncio.gather(run(), run())
    assert sum(counts) == 6, counts
    trail = await client.get(
        "/api/v1/audit", params={"action": "customer.expired"}, headers=world.vendor.headers
    )
    assert trail.json()["total"] == 6


async def test_customer_with_an_open_extension_waits_for_the_vendor(
    client, factory, world, clock
) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=now() + timedelta(days=3)
    )
    await client.post(
        f"/api/v1/customers/{customer.id}/extensions",
        json={"reason": "项目即将进入研发"},
        headers=world.a_sales.headers,
    )
    assert await _release_expired(clock, now() + timedelta(days=5)) == 0
    assert customer.status is CustomerStatus.PROTECTED
