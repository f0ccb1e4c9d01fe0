"""Extension applications (申请延期, SPEC §6): before the deadline, one at a time, the vendor
decides with a new date or a reason."""

from datetime import timedelta

from api.kit.clock import now


async def _request(client, actor, customer_id: int, reason: str = "客户项目即将立项，需要继续跟进"):  # type: ignore[no-untyped-def]
    return await client.post(
        f"/api/v1/customers/{customer_id}/extensions",
        json={"reason": reason},
        headers=actor.headers,
    )


async def test_extension_only_before_the_deadline(client, factory, world, clock) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=now() + timedelta(days=2)
    )
    later = now() + timedelta(days=3)
    clock.move_to(later, tick=False)
    response = await _request(client, world.a_sales, customer.id)
    assert response.status_code == 422 and response.json()["code"] == "extension_too_late"


async def test_one_open_extension_per_customer(client, factory, world) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=now() + timedelta(days=10)
    )
    assert (await _request(client, world.a_sales, customer.id)).status_code == 201
    detail = await client.get(f"/api/v1/customers/{customer.id}", headers=world.a_sales.headers)
    assert detail.json()["open_extension"] is True
    second = await _request(client, world.a_admin, customer.id)
    assert second.status_code == 409 and second.json()["code"] == "extension_open"


async def test_vendor_approves_with_a_new_end_date(client, factory, world) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=now() + timedelta(days=10)
    )
    extension = (await _request(client, world.a_sales, customer.id)).json()
    new_until = (now() + timedelta(days=100)).replace(microsecond=0)
    too_early = await client.post(
        f"/api/v1/extensions/{extension['id']}/approve",
        json={"protection_until": (now() + timedelta(days=5)).isoformat()},
        headers=world.vendor.headers,
    )
    assert too_early.status_code == 422
    approved = await client.post(
        f"/api/v1/extensions/{extension['id']}/approve",
        json={"protection_until": new_until.isoformat()},
        headers=world.vendor.headers,
    )
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    detail = (
        await client.get(f"/api/v1/customers/{customer.id}", headers=world.a_sales.headers)
    ).json()
    assert detail["protection_until"] == new_until.isoformat().replace("+00:00", "Z")


async def test_rejection_after_the_deadline_releases_the_customer(
    client, factory, world, clock
) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=now() + timedelta(days=1)
    )
    extension = (await _request(client, world.a_sales, customer.id)).json()
    later = now() + timedelta(days=2)
    clock.move_to(later, tick=False)
    rejected = await client.post(
        f"/api/v1/extensions/{extension['id']}/reject",
        json={"reason": "跟进不足"},
        headers=world.vendor.headers,
    )
    assert rejected.json()["status"] == "rejected"
    assert (
        await client.get(f"/api/v1/customers/{customer.id}", headers=world.vendor.headers)
    ).json()["status"] == "released"


async def test_only_the_contact_or_master_account_asks_and_only_the_vendor_decides(
    client, factory, world
) -> None:
    customer = await factory.customer(
        world.agent_a,
        world.a_sales,
        protection_until=now() + timedelta(days=10),
        faes=(world.a_fae,),
    )
    assert (await _request(client, world.a_fae, customer.id)).status_code == 403
    assert (await _request(client, world.a_assistant, customer.id)).status_code == 403
    extension = (await _request(client, world.a_sales, customer.id)).json()
    url = f"/api/v1/extensions/{extension['id']}/reject"
    assert (
        await client.post(url, json={"reason": "不行"}, headers=world.a_admin.headers)
    ).status_code == 403
    assert (
        await client.post(url, json={"reason": "不行"}, headers=world.b_admin.headers)
    ).status_code == 404


async def test_applications_list_shows_extensions_the_caller_may_see(
    client, factory, world
) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=now() + timedelta(days=10)
    )
    await _request(client, world.a_sales, customer.id)
    mine = (await client.get("/api/v1/extensions", headers=world.a_admin.headers)).json()
    assert mine["total"] == 1 and mine["items"][0]["agent"]["name"] == "华南代理"
    assert (await client.get("/api/v1/extensions", headers=world.b_admin.headers)).json()[
        "total"
    ] == 0
    assert (
        await client.get(
            "/api/v1/extensions", params={"status": "pending"}, headers=world.vendor.headers
        )
    ).json()["total"] == 1
