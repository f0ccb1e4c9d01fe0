"""Resource pool (资源池, SPEC §3, §5): released customers, public fields only; any agent may
apply; the agent that released one waits; first applicant wins."""

from datetime import datetime, timedelta

from api.customers.models import CustomerStatus
from api.kit.clock import now

PUBLIC_FIELDS = {
    "id",
    "name",
    "province",
    "city",
    "product_domain",
    "annual_mcu_usage_wan",
    "released_at",
    "cooldown_until",
}


async def test_pool_shows_only_public_fields(client, factory, world) -> None:
    await factory.customer(
        None, status=CustomerStatus.RELEASED, name="池中电子有限公司", released_from=world.agent_a
    )
    await factory.customer(world.agent_a, world.a_sales, name="受保护电子有限公司")
    response = await client.get("/api/v1/pool", headers=world.b_sales.headers)
    items = response.json()["items"]
    assert [c["name"] for c in items] == ["池中电子有限公司"]
    assert set(items[0]) == PUBLIC_FIELDS
    assert items[0]["cooldown_until"] is None  # another agent released it: nothing to wait for


async def test_any_agent_applies_from_the_pool_and_the_first_wins(client, factory, world) -> None:
    pooled = await factory.customer(None, status=CustomerStatus.RELEASED)
    first = await client.post(
        f"/api/v1/pool/{pooled.id}/apply", json={}, headers=world.a_sales.headers
    )
    assert first.status_code == 201 and first.json()["kind"] == "pool"
    second = await client.post(
        f"/api/v1/pool/{pooled.id}/apply", json={}, headers=world.b_admin.headers
    )
    assert second.status_code == 409
    assert (await client.get("/api/v1/pool", headers=world.b_sales.headers)).json()["total"] == 0


async def test_agent_that_released_a_customer_waits_before_applying_again(
    client, factory, world
) -> None:
    pooled = await factory.customer(
        None,
        status=CustomerStatus.RELEASED,
        released_from=world.agent_a,
        released_at=now() - timedelta(days=5),
    )
    response = await client.post(
        f"/api/v1/pool/{pooled.id}/apply", json={}, headers=world.a_sales.headers
    )
    assert response.status_code == 422 and response.json()["code"] == "pool_cooldown"


async def test_the_pool_list_tells_the_releasing_agent_until_when_it_waits(
    client, factory, world
) -> None:
    """Refusals before typing (issue 12 §3): the apply button knows the cooldown."""
    released_at = now() - timedelta(days=5)
    await factory.customer(
        None, status=CustomerStatus.RELEASED, released_from=world.agent_a, released_at=released_at
    )
    cooldown = 30  # the rules' default pool_cooldown_days
    [mine] = (await client.get("/api/v1/pool", headers=world.a_sales.headers)).json()["items"]
    assert datetime.fromisoformat(mine["cooldown_until"]) == released_at + timedelta(days=cooldown)
    [theirs] = (await client.get("/api/v1/pool", headers=world.b_sales.headers)).json()["items"]
    assert theirs["cooldown_until"] is None


async def test_the_cooldown_is_over_for_the_pool_list_once_the_wait_has_passed(
    client, factory, world
) -> None:
    await factory.customer(
        None,
        status=CustomerStatus.RELEASED,
        released_from=world.agent_a,
        released_at=now() - timedelta(days=31),
    )
    [item] = (await client.get("/api/v1/pool", headers=world.a_sales.headers)).json()["items"]
    assert item["cooldown_until"] is None


async def test_the_fae_browses_the_pool_but_may_not_apply(client, factory, world) -> None:
    pooled = await factory.customer(None, status=CustomerStatus.RELEASED)
    listed = await client.get("/api/v1/pool", headers=world.a_fae.headers)
    assert [c["id"] for c in listed.json()["items"]] == [pooled.id]
    applied = await client.post(
        f"/api/v1/pool/{pooled.id}/apply", json={}, headers=world.a_fae.headers
    )
    assert applied.status_code == 403


async def test_an_agent_holds_a_limited_number_of_pool_applications(client, factory, world) -> None:
    for n in range(4):
        pooled = await factory.customer(
            None, status=CustomerStatus.RELEASED, name=f"池{n}号电子有限公司"
        )
        response = await client.post(
            f"/api/v1/pool/{pooled.id}/apply", json={}, headers=world.a_sales.headers
        )
        assert response.status_code == (201 if n < 3 else 422)


async def test_rejected_pool_application_puts_the_customer_back_in_the_pool(
    client, factory, world
) -> None:
    pooled = await factory.customer(None, status=CustomerStatus.RELEASED)
    registration = (
        await client.post(f"/api/v1/pool/{pooled.id}/apply", json={}, headers=world.a_sales.headers)
    ).json()
    await client.post(
        f"/api/v1/registrations/{registration['id']}/reject",
        json={"reason": "另有安排"},
        headers=world.vendor.headers,
    )
    assert (await client.get("/api/v1/pool", headers=world.b_sales.headers)).json()["total"] == 1


async def test_approved_pool_application_protects_the_customer_for_the_new_agent(
    client, factory, world
) -> None:
    pooled = await factory.customer(None, status=CustomerStatus.RELEASED)
    registration = (
        await client.post(f"/api/v1/pool/{pooled.id}/apply", json={}, headers=world.a_sales.headers)
    ).json()
    await client.post(
        f"/api/v1/registrations/{registration['id']}/approve", json={}, headers=world.vendor.headers
    )
    detail = await client.get(f"/api/v1/customers/{pooled.id}", headers=world.a_sales.headers)
    assert (
        detail.json()["status"] == "protected" and detail.json()["agent"]["id"] == world.agent_a.id
    )


async def test_vendor_releases_a_customer_with_a_reason(client, factory, world) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales)
    url = f"/api/v1/customers/{customer.id}/release"
    assert (await client.post(url, json={}, headers=world.vendor.headers)).status_code == 422
    assert (
        await client.post(url, json={"reason": "长期未跟进"}, headers=world.a_admin.headers)
    ).status_code == 403
    released = await client.post(url, json={"reason": "长期未跟进"}, headers=world.vendor.headers)
    assert released.json()["status"] == "released"
    trail = await client.get(
        "/api/v1/audit", params={"action": "customer.release"}, headers=world.vendor.headers
    )
    assert trail.json()["items"][0]["reason"] == "长期未跟进"
