"""What a conflict check tells an agent about another agent's customers (SPEC §3, §12): the name
only when the typed name is already that company's; fuzzy candidates and credit-code matches
without the name; never the holder. Checks are limited per person and hour (429)."""

from api.config import get_settings
from tests.registrations.test_applications import apply

PROTECTED = "深圳市宏图电子有限公司"


async def _check(client, actor, name: str):  # type: ignore[no-untyped-def]
    return await client.get(
        "/api/v1/registrations/check", params={"name": name}, headers=actor.headers
    )


async def test_a_fuzzy_candidate_of_another_agent_is_told_without_its_name(
    client, factory, world
) -> None:
    await factory.customer(world.agent_a, world.a_sales, name=PROTECTED)
    response = await _check(client, world.b_sales, "深圳市宏图照明有限公司")
    candidate = response.json()["candidates"][0]
    assert PROTECTED not in response.text and "宏图电子" not in response.text
    assert candidate["status_text"] == "与其他代理商的客户相似，原厂将审核"
    assert candidate["customer_id"] is None and candidate["holder_agent_id"] is None


async def test_the_name_is_told_when_the_typed_name_is_the_same_company(
    client, factory, world
) -> None:
    await factory.customer(world.agent_a, world.a_sales, name=PROTECTED)
    response = await _check(client, world.b_sales, "宏图电子有限公司（深圳）")
    assert response.json()["blocked"] is True
    assert response.json()["candidates"][0]["name"] == PROTECTED


async def test_own_agents_and_pool_candidates_are_named(client, factory, world) -> None:
    await factory.customer(world.agent_a, world.a_sales, name=PROTECTED)
    response = await _check(client, world.a_admin, "深圳市宏图照明有限公司")
    assert response.json()["candidates"][0]["name"] == PROTECTED


async def test_the_vendor_sees_every_candidate_named_with_its_holder(
    client, factory, world
) -> None:
    held = await factory.customer(world.agent_a, world.a_sales, name=PROTECTED)
    response = await _check(client, world.vendor, "深圳市宏图照明有限公司")
    candidate = response.json()["candidates"][0]
    assert candidate["name"] == PROTECTED
    assert candidate["customer_id"] == held.id and candidate["holder_agent_id"] == world.agent_a.id


async def test_a_credit_code_collision_does_not_print_the_other_customers_name(
    client, factory, world
) -> None:
    await factory.customer(
        world.agent_a, world.a_sales, name=PROTECTED, credit_code="91440300708461136T"
    )
    response = await apply(
        client,
        world.b_sales,
        name="完全不同的名字有限公司",
        credit_code="91440300708461136T",
        product_domain_id=await factory.domain_id(),
    )
    assert response.status_code == 409
    assert PROTECTED not in response.text
    assert response.json()["candidates"][0]["reason"] == "统一社会信用代码相同"


async def test_checks_are_limited_per_person_and_hour_with_a_clear_429(
    client, world, clock
) -> None:
    limit = get_settings().registration_checks_per_hour
    for n in range(limit):
        assert (await _check(client, world.b_sales, f"试探{n}号有限公司")).status_code == 200
    refused = await _check(client, world.b_sales, "再试一次有限公司")
    assert refused.status_code == 429 and refused.json()["code"] == "check_rate_limited"
    assert 0 < int(refused.headers["Retry-After"]) <= 3600
    assert str(limit) in refused.json()["detail"]
    assert (await _check(client, world.a_sales, "别人的查重有限公司")).status_code == 200
    clock.shift(3601)
    assert (await _check(client, world.b_sales, "一小时后有限公司")).status_code == 200
