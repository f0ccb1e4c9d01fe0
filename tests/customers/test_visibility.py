"""Who sees which customer (SPEC §3): scoped in one place, hidden ones answer 404."""

import pytest
from sqlalchemy.exc import IntegrityError

from api.customers.models import Customer, CustomerStatus


@pytest.fixture
async def book(factory, world):  # type: ignore[no-untyped-def]
    """A's customers: one with a.sales as contact (a.fae assigned), one with another contact;
    B's customer with b.sales."""
    from api.authz.roles import Role

    other_sales = await factory.user(Role.SALES, world.agent_a)
    return {
        "mine": await factory.customer(
            world.agent_a, world.a_sales, name="深圳甲方电子有限公司", faes=(world.a_fae,)
        ),
        "colleague": await factory.customer(
            world.agent_a, other_sales, name="深圳乙方电子有限公司"
        ),
        "b": await factory.customer(world.agent_b, world.b_sales, name="上海丙方电子有限公司"),
    }


async def _names(client, actor) -> set[str]:
    response = await client.get("/api/v1/customers", headers=actor.headers)
    assert response.status_code == 200
    return {c["name"] for c in response.json()["items"]}


async def test_sales_sees_only_customers_where_they_are_the_contact(client, world, book) -> None:
    assert await _names(client, world.a_sales) == {"深圳甲方电子有限公司"}
    hidden = await client.get(
        f"/api/v1/customers/{book['colleague'].id}", headers=world.a_sales.headers
    )
    assert hidden.status_code == 404


async def test_fae_sees_only_assigned_customers(client, world, book) -> None:
    assert await _names(client, world.a_fae) == {"深圳甲方电子有限公司"}


async def test_master_account_and_assistant_see_all_of_their_agent(client, world, book) -> None:
    expected = {"深圳甲方电子有限公司", "深圳乙方电子有限公司"}
    assert await _names(client, world.a_admin) == expected
    assert await _names(client, world.a_assistant) == expected


async def test_vendor_sees_every_agents_customers(client, world, book) -> None:
    assert len(await _names(client, world.vendor)) == 3


async def test_agent_b_cannot_see_agent_a_customer_in_list_detail_search_or_check(
    client, world, book
) -> None:
    headers = world.b_admin.headers
    assert "深圳甲方电子有限公司" not in await _names(client, world.b_admin)
    assert (
        await client.get(f"/api/v1/customers/{book['mine'].id}", headers=headers)
    ).status_code == 404
    search = await client.get("/api/v1/customers", params={"search": "甲方"}, headers=headers)
    assert search.json()["total"] == 0
    check = await client.get(
        "/api/v1/registrations/check", params={"name": "深圳甲方电子有限公司"}, headers=headers
    )
    candidate = check.json()["candidates"][0]
    assert set(candidate) == {
        "name",
        "score",
        "reason",
        "status",
        "status_text",
        "pool_customer_id",
        "customer_id",
        "holder_agent_id",
    }
    assert candidate["pool_customer_id"] is None
    assert candidate["customer_id"] is None and candidate["holder_agent_id"] is None  # vendor's
    for write in (
        client.patch(
            f"/api/v1/customers/{book['mine'].id}", json={"purchaser": "x"}, headers=headers
        ),
        client.post(
            f"/api/v1/customers/{book['mine'].id}/extensions",
            json={"reason": "想要延期啊"},
            headers=headers,
        ),
    ):
        assert (await write).status_code == 404


async def test_list_filters_sorts_and_pages(client, world, book) -> None:
    headers = world.vendor.headers
    page = await client.get(
        "/api/v1/customers", params={"limit": 2, "sort": "name"}, headers=headers
    )
    assert page.json()["total"] == 3 and len(page.json()["items"]) == 2
    by_agent = await client.get(
        "/api/v1/customers", params={"agent_id": world.agent_b.id}, headers=headers
    )
    assert [c["name"] for c in by_agent.json()["items"]] == ["上海丙方电子有限公司"]
    pending = await client.get("/api/v1/customers", params={"status": ["pending"]}, headers=headers)
    assert pending.json()["total"] == 0


async def test_master_account_reassigns_the_contact_within_the_agent_with_an_audit_row(
    client, world, book
) -> None:
    url = f"/api/v1/customers/{book['colleague'].id}/contact"
    moved = await client.put(
        url, json={"contact_user_id": world.a_sales.id}, headers=world.a_admin.headers
    )
    assert moved.status_code == 200 and moved.json()["contact"]["id"] == world.a_sales.id
    outsider = await client.put(
        url, json={"contact_user_id": world.b_sales.id}, headers=world.a_admin.headers
    )
    assert outsider.status_code == 422
    trail = await client.get(
        "/api/v1/audit", params={"action": "customer.assign_contact"}, headers=world.vendor.headers
    )
    assert trail.json()["total"] == 1
    assert (
        await client.put(
            url, json={"contact_user_id": world.a_sales.id}, headers=world.a_sales.headers
        )
    ).status_code in (403, 404)


async def test_master_account_assigns_faes(client, world, book) -> None:
    url = f"/api/v1/customers/{book['colleague'].id}/faes"
    response = await client.put(
        url, json={"fae_user_ids": [world.a_fae.id]}, headers=world.a_admin.headers
    )
    assert [f["id"] for f in response.json()["faes"]] == [world.a_fae.id]
    assert len(await _names(client, world.a_fae)) == 2


async def test_contact_completes_background_after_approval(client, world, book) -> None:
    response = await client.patch(
        f"/api/v1/customers/{book['mine'].id}",
        json={
            "registered_capital": "5000万元",
            "founded_on": "2008-03-01",
            "mcus_in_use": ["STM32F030", "GD32F303"],
        },
        headers=world.a_sales.headers,
    )
    assert response.status_code == 200
    assert response.json()["registered_capital"] == "5000万元" and response.json()[
        "mcus_in_use"
    ] == ["STM32F030", "GD32F303"]


async def test_the_database_refuses_a_second_held_customer_with_the_same_name(
    session, factory, world
) -> None:
    first = await factory.customer(world.agent_a, world.a_sales, name="唯一名称电子有限公司")
    session.add(
        Customer(
            name=first.name,
            name_key=first.name_key,
            name_core=first.name_core,
            province="广东省",
            city="深圳市",
            product_domain_id=first.product_domain_id,
            status=CustomerStatus.PENDING,
            agent_id=world.agent_b.id,
        )
    )
    with pytest.raises(IntegrityError):
        await session.flush()
    await session.rollback()
