"""Company identity: one customer whatever name it goes by. Aliases (英文名, 简称, 曾用名) are
matched like official names; an English or pinyin name finds its Chinese form (flagged, never
blocking by itself); the credit code outweighs any name; the vendor corrects an official name
(the old one stays as 曾用名); the vendor links branches and subsidiaries into groups."""

from api.customers.models import CustomerStatus
from tests.registrations.test_applications import apply

ZHENHUA = "深圳市振华微电子有限公司"
GOODIX = "深圳市汇顶科技股份有限公司"


async def _check(client, actor, name: str):  # type: ignore[no-untyped-def]
    response = await client.get(
        "/api/v1/registrations/check", params={"name": name}, headers=actor.headers
    )
    assert response.status_code == 200, response.text
    return response.json()


async def _add_alias(client, actor, customer_id: int, kind: str, name: str):  # type: ignore[no-untyped-def]
    return await client.post(
        f"/api/v1/customers/{customer_id}/aliases",
        json={"kind": kind, "name": name},
        headers=actor.headers,
    )


async def test_an_english_alias_is_matched_like_the_official_name(client, factory, world) -> None:
    goodix = await factory.customer(world.agent_a, world.a_sales, name=GOODIX)
    added = await _add_alias(client, world.a_sales, goodix.id, "english", "Goodix Technology Inc.")
    assert added.status_code == 201, added.text
    result = await _check(client, world.vendor, "Shenzhen Goodix Technology Co., Ltd.")
    assert result["blocked"] is True
    assert result["candidates"][0]["name"] == GOODIX
    assert result["candidates"][0]["reason"].startswith("英文名“Goodix Technology Inc.”")


async def test_a_romanised_name_finds_its_chinese_form_without_an_alias(
    client, factory, world
) -> None:
    await factory.customer(world.agent_a, world.a_sales, name=ZHENHUA)
    result = await _check(client, world.vendor, "Shenzhen Zhenhua Microelectronics Co., Ltd.")
    top = result["candidates"][0]
    assert top["name"] == ZHENHUA and "读音相同" in top["reason"]
    assert result["blocked"] is False  # a sound is not a company: the vendor decides


async def test_a_romanised_name_of_another_trade_is_not_blocked(client, factory, world) -> None:
    await factory.customer(world.agent_a, world.a_sales, name=ZHENHUA)
    response = await apply(
        client,
        world.b_sales,
        name="Zhen Hua Trading Co., Ltd.",
        product_domain_id=await factory.domain_id(),
    )
    assert response.status_code == 201  # pending, with the candidate for the vendor
    vendor_view = await client.get(
        f"/api/v1/registrations/{response.json()['id']}", headers=world.vendor.headers
    )
    assert vendor_view.json()["conflicts"][0]["name"] == ZHENHUA


async def test_a_homophone_is_flagged_for_the_vendor_never_blocked(client, factory, world) -> None:
    await factory.customer(world.agent_a, world.a_sales, name=GOODIX)
    result = await _check(client, world.vendor, "深圳市慧鼎科技有限公司")
    assert result["blocked"] is False
    assert result["candidates"][0]["name"] == GOODIX and "同音" in result["candidates"][0]["reason"]


async def test_an_alias_that_is_another_customers_name_is_refused(client, factory, world) -> None:
    await factory.customer(world.agent_b, world.b_sales, name=ZHENHUA)
    mine = await factory.customer(world.agent_a, world.a_sales, name=GOODIX)
    refused = await _add_alias(client, world.a_sales, mine.id, "former", ZHENHUA)
    assert refused.status_code == 409 and refused.json()["code"] == "alias_taken"


async def test_only_who_works_on_the_customer_adds_its_aliases(client, factory, world) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales, name=GOODIX, faes=())
    assert (
        await _add_alias(client, world.b_sales, customer.id, "short", "汇顶")
    ).status_code == 404
    assert (await _add_alias(client, world.a_fae, customer.id, "short", "汇顶")).status_code == 404
    assert (
        await _add_alias(client, world.a_assistant, customer.id, "short", "汇顶")
    ).status_code == 403
    assert (
        await _add_alias(client, world.a_admin, customer.id, "short", "汇顶")
    ).status_code == 201


async def test_a_registration_takes_aliases_and_each_is_checked(client, factory, world) -> None:
    await factory.customer(world.agent_a, world.a_sales, name=GOODIX)
    domain = await factory.domain_id()
    blocked = await apply(
        client,
        world.b_sales,
        name="深圳市新名字电子有限公司",
        aliases=[{"kind": "former", "name": GOODIX}],
        product_domain_id=domain,
    )
    assert blocked.status_code == 409 and blocked.json()["code"] == "registration_blocked"
    created = await apply(
        client,
        world.b_sales,
        name="深圳市新名字电子有限公司",
        aliases=[{"kind": "english", "name": "Shenzhen Xinmingzi Electronics Co., Ltd."}],
        product_domain_id=domain,
    )
    assert created.status_code == 201, created.text
    found = await _check(client, world.vendor, "Xinmingzi Electronics")
    assert found["candidates"][0]["name"] == "深圳市新名字电子有限公司"


async def test_the_vendor_corrects_a_name_and_the_old_one_still_finds_the_company(
    client, factory, world
) -> None:
    customer = await factory.customer(
        world.agent_a,
        world.a_sales,
        name="深圳市老名字电子有限公司",
        credit_code="91440300708461136T",
    )
    url = f"/api/v1/customers/{customer.id}/name"
    body = {"name": "深圳市新名字科技有限公司", "reason": "工商更名"}
    assert (await client.put(url, json=body, headers=world.a_admin.headers)).status_code == 403
    renamed = await client.put(url, json=body, headers=world.vendor.headers)
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "深圳市新名字科技有限公司"
    assert renamed.json()["status"] == "protected"  # the protection stays with the company
    assert [(a["kind"], a["name"]) for a in renamed.json()["aliases"]] == [
        ("former", "深圳市老名字电子有限公司")
    ]
    assert (await _check(client, world.b_sales, "深圳市老名字电子有限公司"))["blocked"] is True
    same_code = await apply(
        client,
        world.b_sales,
        name="完全不同的名字有限公司",
        credit_code="91440300708461136T",
        product_domain_id=await factory.domain_id(),
    )
    assert same_code.status_code == 409  # the credit code is the strongest identity
    trail = await client.get(
        "/api/v1/audit", params={"action": "customer.rename"}, headers=world.vendor.headers
    )
    assert trail.json()["total"] == 1


async def test_a_name_correction_is_checked_like_a_registration(client, factory, world) -> None:
    await factory.customer(world.agent_b, world.b_sales, name=ZHENHUA)
    customer = await factory.customer(world.agent_a, world.a_sales, name=GOODIX)
    refused = await client.put(
        f"/api/v1/customers/{customer.id}/name",
        json={"name": "振华微电子有限公司（深圳）", "reason": "更正"},
        headers=world.vendor.headers,
    )
    assert refused.status_code == 409 and refused.json()["code"] == "name_taken"


async def test_the_vendor_links_a_branch_and_the_check_tells_it(client, factory, world) -> None:
    parent = await factory.customer(world.agent_a, world.a_sales, name="美的集团股份有限公司")
    child = await factory.customer(world.agent_b, world.b_sales, name="广东威灵电机制造有限公司")
    url = f"/api/v1/customers/{child.id}/group"
    body = {"parent_id": parent.id, "kind": "subsidiary"}
    assert (await client.put(url, json=body, headers=world.b_admin.headers)).status_code == 403
    linked = await client.put(url, json=body, headers=world.vendor.headers)
    assert linked.json()["group"]["parent"] == {
        "id": parent.id,
        "name": "美的集团股份有限公司",
        "kind": "subsidiary",
    }
    found = await _check(client, world.vendor, "威灵电机（广东）有限公司")
    assert "是“美的集团股份有限公司”的子公司" in found["candidates"][0]["reason"]
    parent_view = await client.get(f"/api/v1/customers/{parent.id}", headers=world.vendor.headers)
    assert [c["id"] for c in parent_view.json()["group"]["children"]] == [child.id]
    agent_view = await client.get(f"/api/v1/customers/{child.id}", headers=world.b_admin.headers)
    assert agent_view.json()["group"] is None  # the group may span agents: the vendor's view
    circle = await client.put(
        f"/api/v1/customers/{parent.id}/group",
        json={"parent_id": child.id, "kind": "branch"},
        headers=world.vendor.headers,
    )
    assert circle.status_code == 422 and circle.json()["code"] == "group_circle"


async def test_a_pool_customer_keeps_its_aliases_for_the_next_applicant(
    client, factory, world
) -> None:
    pooled = await factory.customer(
        None, status=CustomerStatus.RELEASED, name=GOODIX, released_from=world.agent_a
    )
    added = await _add_alias(client, world.vendor, pooled.id, "short", "汇顶科技")
    assert added.status_code == 201
    assert (await _check(client, world.b_sales, "汇顶科技"))["candidates"][0][
        "pool_customer_id"
    ] == pooled.id
