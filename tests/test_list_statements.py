"""Every list endpoint sends as many SQL statements for a short page (one row added to what the
world holds) as for a full page of twenty: what each row shows is loaded for the whole page at
once, never row by row. The customer, report, project and extension lists have their own tests
next to them; the orders list, reworked on another branch, is not covered here yet."""

from collections.abc import Awaitable, Callable

import pytest

from api.authz.roles import Role
from api.customers.models import CustomerStatus
from tests.factories import Factory, World
from tests.statements import count_statements

# Company names far apart, so that no registration conflicts with another.
COMPANIES = [
    *("宏图", "星辰", "海川", "青松", "瑞丰", "蓝鲸", "金桥", "云帆", "紫荆", "银杏"),
    *("长风", "白鹭", "翠湖", "飞鸿", "锦程", "晨曦", "远航", "朗月", "嘉禾", "鼎盛"),
]

Add = Callable[[object, Factory, World, int, int], Awaitable[None]]


async def _pool_customers(client, factory: Factory, world: World, first: int, count: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(count):
        await factory.customer(None, status=CustomerStatus.RELEASED, released_from=world.agent_b)


async def _registrations(client, factory: Factory, world: World, first: int, count: int) -> None:  # type: ignore[no-untyped-def]
    domain = await factory.domain_id()
    for word in COMPANIES[first : first + count]:
        body = {
            "name": f"深圳市{word}电子有限公司",
            "province": "广东省",
            "city": "深圳市",
            "product_domain_id": domain,
            "annual_mcu_usage_wan": 80,
        }
        response = await client.post(
            "/api/v1/registrations", json=body, headers=world.a_sales.headers
        )
        assert response.status_code == 201, response.text


async def _users(client, factory: Factory, world: World, first: int, count: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(count):
        await factory.user(Role.SALES, world.agent_a)


async def _agents(client, factory: Factory, world: World, first: int, count: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(count):
        await factory.agent()


async def _announcements(client, factory: Factory, world: World, first: int, count: int) -> None:  # type: ignore[no-untyped-def]
    for n in range(first, first + count):
        body = {"title": f"通知{n}", "body": "放假安排"}
        response = await client.post(
            "/api/v1/announcements", json=body, headers=world.vendor.headers
        )
        assert response.status_code == 201, response.text


LISTS: list[tuple[str, str, Add]] = [
    ("/api/v1/pool", "a_sales", _pool_customers),
    ("/api/v1/registrations", "vendor", _registrations),
    ("/api/v1/users", "vendor", _users),
    ("/api/v1/agents", "vendor", _agents),
    ("/api/v1/announcements", "a_sales", _announcements),
    ("/api/v1/audit", "vendor", _announcements),  # each announcement is an audit row
]


async def _page(client, url: str, headers: dict[str, str]) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(rows on the page, statements sent)"""
    with count_statements() as seen:
        response = await client.get(url, params={"limit": 20}, headers=headers)
    assert response.status_code == 200, response.text
    return len(response.json()["items"]), len(seen)


@pytest.mark.parametrize(("url", "role", "add"), LISTS, ids=[url for url, _, _ in LISTS])
async def test_a_list_sends_as_many_statements_for_a_short_page_as_for_a_full_one(
    client, factory: Factory, world: World, url: str, role: str, add: Add
) -> None:
    headers = getattr(world, role).headers
    rows_before, _ = await _page(client, url, headers)  # the world's own rows (users, agents)
    await add(client, factory, world, 0, 1)
    rows, few = await _page(client, url, headers)
    assert rows == min(rows_before + 1, 20)
    await add(client, factory, world, 1, 19)
    rows, many = await _page(client, url, headers)
    assert rows == 20
    assert many == few
