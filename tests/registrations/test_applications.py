"""Registration (报备, SPEC §5): apply, conflict detection, the vendor's decision."""

import asyncio

import httpx
import pytest

from api.customers.models import CustomerStatus
from api.kit.clock import add_months
from tests.clock import NOW

NEW_COMPANY = "深圳市宏图智能科技有限公司"


async def apply(client, actor, name: str = NEW_COMPANY, **extra) -> httpx.Response:
    body = {
        "name": name,
        "province": "广东省",
        "city": "深圳市",
        "product_domain_id": extra.pop("product_domain_id"),
        "annual_mcu_usage_wan": 80,
        **extra,
    }
    return await client.post("/api/v1/registrations", json=body, headers=actor.headers)


@pytest.fixture
async def domain(factory) -> int:
    return await factory.domain_id()


async def test_sales_applies_and_the_customer_is_pending_with_sales_as_contact(
    client, world, domain
) -> None:
    response = await apply(client, world.a_sales, product_domain_id=domain)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "pending" and body["kind"] == "new"
    customer = (
        await client.get(
            f"/api/v1/customers/{body['customer']['id']}", headers=world.a_sales.headers
        )
    ).json()
    assert customer["status"] == "pending" and customer["contact"]["id"] == world.a_sales.id


async def test_approval_gives_three_months_of_protection(client, world, domain, clock) -> None:
    approved_at = NOW.replace(month=1, day=31)  # three months on: clamped to April's end
    clock.move_to(approved_at, tick=False)
    registration = (await apply(client, world.a_sales, product_domain_id=domain)).json()
    response = await client.post(
        f"/api/v1/registrations/{registration['id']}/approve", json={}, headers=world.vendor.headers
    )
    assert response.status_code == 200 and response.json()["status"] == "approved"
    customer = (
        await client.get(
            f"/api/v1/customers/{registration['customer']['id']}", headers=world.a_sales.headers
        )
    ).json()
    assert customer["status"] == "protected"
    assert customer["protection_until"] == add_months(approved_at, 3).isoformat().replace(
        "+00:00", "Z"
    )


async def test_reject_needs_a_reason(client, world, domain) -> None:
    registration = (await apply(client, world.a_sales, product_domain_id=domain)).json()
    url = f"/api/v1/registrations/{registration['id']}/reject"
    assert (await client.post(url, json={}, headers=world.vendor.headers)).status_code == 422
    rejected = await client.post(url, json={"reason": "客户信息不全"}, headers=world.vendor.headers)
    assert (
        rejected.json()["status"] == "rejected"
        and rejected.json()["decision_reason"] == "客户信息不全"
    )


async def test_rejected_name_is_free_to_register_again(client, world, domain) -> None:
    registration = (await apply(client, world.a_sales, product_domain_id=domain)).json()
    await client.post(
        f"/api/v1/registrations/{registration['id']}/reject",
        json={"reason": "不符合"},
        headers=world.vendor.headers,
    )
    assert (await apply(client, world.b_sales, product_domain_id=domain)).status_code == 201


async def test_only_the_vendor_decides(client, world, domain) -> None:
    registration = (await apply(client, world.a_sales, product_domain_id=domain)).json()
    for actor in (world.a_admin, world.a_sales):
        response = await client.post(
            f"/api/v1/registrations/{registration['id']}/approve", json={}, headers=actor.headers
        )
        assert response.status_code == 403


async def test_fae_and_assistant_cannot_register_customers(client, world, domain) -> None:
    for actor in (world.a_fae, world.a_assistant):
        assert (await apply(client, actor, product_domain_id=domain)).status_code == 403


async def test_agent_withdraws_a_pending_application(client, world, domain) -> None:
    registration = (await apply(client, world.a_sales, product_domain_id=domain)).json()
    url = f"/api/v1/registrations/{registration['id']}/withdraw"
    assert (await client.post(url, json={}, headers=world.b_admin.headers)).status_code == 404
    assert (await client.post(url, json={}, headers=world.a_admin.headers)).json()[
        "status"
    ] == "withdrawn"
    assert (await client.post(url, json={}, headers=world.a_admin.headers)).status_code == 409


async def test_exact_match_is_blocked_without_naming_the_other_agent(
    client, factory, world, domain
) -> None:
    await factory.customer(world.agent_a, world.a_sales, name=NEW_COMPANY)
    response = await apply(client, world.b_sales, product_domain_id=domain)
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "registration_blocked"
    assert body["candidates"][0]["name"] == NEW_COMPANY and body["candidates"][0]["score"] >= 0.9
    assert "华南代理" not in response.text and "a.sales" not in response.text
    assert body["candidates"][0]["status_text"].startswith("已报备，保护至 ")


async def test_name_written_another_way_is_still_blocked(client, factory, world, domain) -> None:
    await factory.customer(world.agent_a, world.a_sales, name=NEW_COMPANY)
    response = await apply(
        client, world.b_sales, name="宏圖智能科技有限公司（深圳）", product_domain_id=domain
    )
    assert response.status_code == 409


async def test_fuzzy_match_goes_to_pending_with_the_conflict_for_the_vendor(
    client, factory, world, domain
) -> None:
    await factory.customer(world.agent_a, world.a_sales, name="深圳市宏图电子有限公司")
    check = await client.get(
        "/api/v1/registrations/check",
        params={"name": "深圳市宏图照明有限公司"},
        headers=world.b_sales.headers,
    )
    assert check.json()["blocked"] is False and check.json()["candidates"], check.text
    response = await apply(
        client, world.b_sales, name="深圳市宏图照明有限公司", product_domain_id=domain
    )
    assert response.status_code == 201
    assert response.json()["conflicts"][0]["name"] != "深圳市宏图电子有限公司"  # another agent's
    seen_by_vendor = await client.get(
        f"/api/v1/registrations/{response.json()['id']}", headers=world.vendor.headers
    )
    assert seen_by_vendor.json()["conflicts"][0]["name"] == "深圳市宏图电子有限公司"


async def test_same_credit_code_is_always_blocked(client, factory, world, domain) -> None:
    await factory.customer(
        world.agent_a, world.a_sales, name="某某集团有限公司", credit_code="91440300708461136T"
    )
    response = await apply(
        client,
        world.b_sales,
        name="完全不同的名字有限公司",
        credit_code="91440300708461136t",
        product_domain_id=domain,
    )
    assert response.status_code == 409
    assert response.json()["candidates"][0]["reason"] == "统一社会信用代码相同"


async def test_credit_code_with_a_wrong_check_digit_is_refused(client, world, domain) -> None:
    response = await apply(
        client, world.a_sales, credit_code="91440300708461136A", product_domain_id=domain
    )
    assert response.status_code == 422 and response.json()["code"] == "credit_code_invalid"


async def test_region_must_come_from_the_division_list(client, world, domain) -> None:
    response = await apply(client, world.a_sales, city="火星市", product_domain_id=domain)
    assert response.status_code == 422 and response.json()["code"] == "unknown_region"


async def test_short_or_brand_names_are_warned_not_blocked(client, world, domain) -> None:
    response = await apply(client, world.a_sales, name="宏图", product_domain_id=domain)
    assert response.status_code == 201
    assert "missing_legal_form" in response.json()["warnings"]


async def test_pool_customer_name_tells_the_applicant_to_apply_from_the_pool(
    client, factory, world, domain
) -> None:
    pooled = await factory.customer(
        None, status=CustomerStatus.RELEASED, name=NEW_COMPANY, released_from=world.agent_a
    )
    response = await apply(client, world.b_sales, product_domain_id=domain)
    assert response.status_code == 409
    assert response.json()["candidates"][0]["pool_customer_id"] == pooled.id


async def test_twenty_concurrent_applications_for_one_company_exactly_one_wins(
    client, factory, world, domain
) -> None:
    from api.authz.roles import Role

    agents = [await factory.agent(f"并发代理{n}") for n in range(20)]
    applicants = [await factory.user(Role.SALES, agent) for agent in agents]
    responses = await asyncio.gather(
        *(
            apply(client, actor, name="东莞市同时精密机械有限公司", product_domain_id=domain)
            for actor in applicants
        )
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * 19, statuses
    listed = await client.get(
        "/api/v1/registrations", params={"status": "pending"}, headers=world.vendor.headers
    )
    assert listed.json()["total"] == 1


async def test_every_check_is_logged_and_probing_users_are_flagged(client, world) -> None:
    for n in range(30):
        await client.get(
            "/api/v1/registrations/check",
            params={"name": f"试探公司{n}号有限公司"},
            headers=world.b_sales.headers,
        )
    await client.get(
        "/api/v1/registrations/check",
        params={"name": "正常的公司有限公司"},
        headers=world.a_sales.headers,
    )
    response = await client.get("/api/v1/registrations/probing", headers=world.vendor.headers)
    rows = {r["user"]["id"]: r for r in response.json()}
    assert (
        rows[world.b_sales.id]["flagged"] is True and rows[world.b_sales.id]["names_checked"] == 30
    )
    assert rows[world.a_sales.id]["flagged"] is False
    assert (
        await client.get("/api/v1/registrations/probing", headers=world.a_admin.headers)
    ).status_code == 403
