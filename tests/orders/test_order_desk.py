"""The order desk (issue 12 §3): the caller's orders across customers, searched by order number,
batch, customer, model and date; batch tracing; exports with Chinese headers."""

import csv
import io
from dataclasses import dataclass
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from api.authz.roles import Role
from api.kit.clock import today
from tests.factories import Actor


@dataclass
class Desk:
    cooker_customer: int
    cooker: int
    fan_customer: int
    fan: int
    cooker_model: int
    fan_model: int
    b_customer: int
    other_sales: Actor


async def _customer_with_project(client, factory, agent, sales, name: str, model: int):  # type: ignore[no-untyped-def]
    customer = await factory.customer(agent, sales, name=name)
    entry = {
        "new_project": {"name": f"{name[:4]}主控"},
        "stage": "mass_production",
        "product_domain_id": await factory.domain_id("小家电"),
        "mcu_model_id": model,
        "annual_volume": 50000,
    }
    report = await client.post(
        f"/api/v1/customers/{customer.id}/reports",
        json={"customer_news": "稳定出货", "entries": [entry]},
        headers=sales.headers,
    )
    assert report.status_code == 201, report.text
    return customer.id, report.json()["entries"][0]["project"]["id"]


async def _record(client, actor, customer_id, number, project, batches, days_ago=0, quantity=100):  # type: ignore[no-untyped-def]
    body = {
        "order_number": number,
        "contract_date": (today() - timedelta(days=days_ago)).isoformat(),
        "lines": [{"project_id": project, "quantity": quantity, "batches": batches}],
    }
    response = await client.post(
        f"/api/v1/customers/{customer_id}/orders", json=body, headers=actor.headers
    )
    assert response.status_code == 201, response.text


@pytest.fixture
async def desk(client, factory, world) -> Desk:  # type: ignore[no-untyped-def]
    """Agent A: a cooker customer (a_sales) with two orders, a fan customer of another salesperson
    with one; agent B: one order carrying the same batch number as A's."""
    cooker_model, fan_model = (
        await factory.mcu_id("CD32F030C8T6"),
        await factory.mcu_id("CD32G431CBT6"),
    )
    other_sales = await factory.user(Role.SALES, world.agent_a, username="a.sales2")
    cooker_customer, cooker = await _customer_with_project(
        client, factory, world.agent_a, world.a_sales, "佛山市美达小家电有限公司", cooker_model
    )
    fan_customer, fan = await _customer_with_project(
        client, factory, world.agent_a, other_sales, "中山市风行电器有限公司", fan_model
    )
    b_customer, b_project = await _customer_with_project(
        client, factory, world.agent_b, world.b_sales, "宁波市东方电器有限公司", cooker_model
    )
    a = world.a_assistant
    await _record(client, a, cooker_customer, "SO-2611-01", cooker, ["B2611A", "B2611B"], 10)
    await _record(client, a, cooker_customer, "SO-2611-02", cooker, ["B2612A"], 3, quantity=50)
    await _record(client, a, fan_customer, "XS_2611%", fan, ["B2611A", "C_1%"], 1, quantity=7)
    await _record(client, world.b_admin, b_customer, "SO-2611-01", b_project, ["B2611A"])
    return Desk(
        cooker_customer, cooker, fan_customer, fan, cooker_model, fan_model, b_customer, other_sales
    )


async def _numbers(client, actor, **query) -> list[str]:  # type: ignore[no-untyped-def]
    response = await client.get("/api/v1/orders", params=query, headers=actor.headers)
    assert response.status_code == 200, response.text
    return [o["order_number"] for o in response.json()["items"]]


async def test_assistant_lists_orders_across_own_agents_customers_never_another_agents(
    client, world, desk
) -> None:
    response = await client.get("/api/v1/orders", headers=world.a_assistant.headers)
    body = response.json()
    assert body["total"] == 3
    assert {o["customer"]["name"] for o in body["items"]} == {
        "佛山市美达小家电有限公司",
        "中山市风行电器有限公司",
    }
    assert desk.b_customer not in {o["customer_id"] for o in body["items"]}


async def test_salesperson_lists_only_orders_of_customers_they_are_contact_for(
    client, world, desk
) -> None:
    assert await _numbers(client, desk.other_sales) == ["XS_2611%"]


async def test_vendor_lists_every_agents_orders(client, world, desk) -> None:
    assert len(await _numbers(client, world.vendor)) == 4


async def test_list_is_newest_contract_first_and_sorts_by_order_number(client, world, desk) -> None:
    a = world.a_assistant
    assert await _numbers(client, a) == ["XS_2611%", "SO-2611-02", "SO-2611-01"]
    assert await _numbers(client, a, sort="order_number") == [
        "SO-2611-01",
        "SO-2611-02",
        "XS_2611%",
    ]


async def test_batch_filter_matches_the_number_or_its_start(client, world, desk) -> None:
    a = world.a_assistant
    assert await _numbers(client, a, batch="B2611A") == ["XS_2611%", "SO-2611-01"]
    assert await _numbers(client, a, batch="b2612") == ["SO-2611-02"]
    assert await _numbers(client, a, batch="2611") == []


async def test_percent_and_underscore_in_a_search_match_literally(client, world, desk) -> None:
    a = world.a_assistant
    assert await _numbers(client, a, batch="C_1%") == ["XS_2611%"]
    assert await _numbers(client, a, batch="B_") == []
    assert await _numbers(client, a, order_number="XS_") == ["XS_2611%"]
    assert await _numbers(client, a, order_number="SO%") == []


async def test_order_number_filter_matches_the_number_or_its_start(client, world, desk) -> None:
    a = world.a_assistant
    assert await _numbers(client, a, order_number=" so-2611-0 ") == ["SO-2611-02", "SO-2611-01"]
    assert await _numbers(client, a, order_number="SO-2611-02") == ["SO-2611-02"]
    assert await _numbers(client, a, order_number="2611") == []


async def test_customer_model_and_date_filters_narrow_the_list(client, world, desk) -> None:
    a = world.a_assistant
    assert await _numbers(client, a, customer_id=desk.fan_customer) == ["XS_2611%"]
    assert await _numbers(client, a, mcu_model_id=desk.cooker_model) == [
        "SO-2611-02",
        "SO-2611-01",
    ]
    week_ago = (today() - timedelta(days=7)).isoformat()
    assert await _numbers(client, a, date_from=week_ago) == ["XS_2611%", "SO-2611-02"]
    two_days_ago = (today() - timedelta(days=2)).isoformat()
    assert await _numbers(client, a, date_from=week_ago, date_to=two_days_ago) == ["SO-2611-02"]


async def test_entered_on_lists_the_orders_recorded_that_day(client, world, desk) -> None:
    a = world.a_assistant
    assert len(await _numbers(client, a, entered_on=today().isoformat())) == 3
    yesterday = (today() - timedelta(days=1)).isoformat()
    assert await _numbers(client, a, entered_on=yesterday) == []


async def test_another_agents_customer_filter_finds_nothing(client, world, desk) -> None:
    assert await _numbers(client, world.a_assistant, customer_id=desk.b_customer) == []


async def test_inverted_date_range_is_refused_with_a_message(client, world, desk) -> None:
    response = await client.get(
        "/api/v1/orders",
        params={"date_from": today().isoformat(), "date_to": "2020-01-01"},
        headers=world.a_assistant.headers,
    )
    assert response.status_code == 422 and response.json()["code"] == "date_range_invalid"


async def test_batch_trace_names_each_customer_once_with_its_orders_and_units(
    client, world, desk
) -> None:
    response = await client.get(
        "/api/v1/batches/B2611/customers", headers=world.a_assistant.headers
    )
    assert response.status_code == 200, response.text
    assert sorted(
        (c["customer"]["name"], c["batches"], c["order_numbers"], c["quantity"])
        for c in response.json()
    ) == [
        ("中山市风行电器有限公司", ["B2611A"], ["XS_2611%"], 7),
        ("佛山市美达小家电有限公司", ["B2611A", "B2611B"], ["SO-2611-01"], 100),
    ]


async def test_batch_trace_shows_only_the_callers_customers(client, world, desk) -> None:
    b = await client.get("/api/v1/batches/B2611A/customers", headers=world.b_admin.headers)
    assert [c["customer"]["id"] for c in b.json()] == [desk.b_customer]
    vendor = await client.get("/api/v1/batches/B2611A/customers", headers=world.vendor.headers)
    assert len(vendor.json()) == 3


async def test_order_export_has_chinese_headers_and_a_row_per_line(client, world, desk) -> None:
    response = await client.get(
        "/api/v1/orders",
        params={"format": "xlsx", "batch": "B2611"},
        headers=world.a_assistant.headers,
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:7] == ("销售日期", "订单号", "客户", "项目", "MCU型号", "产品领域", "数量")
    assert [(r[1], r[2], r[6], r[9]) for r in rows[1:]] == [
        ("XS_2611%", "中山市风行电器有限公司", 7, "B2611A, C_1%"),
        ("SO-2611-01", "佛山市美达小家电有限公司", 100, "B2611A, B2611B"),
    ]


async def test_export_headers_are_english_for_an_english_caller(client, world, desk) -> None:
    response = await client.get(
        "/api/v1/orders",
        params={"format": "csv"},
        headers={**world.a_assistant.headers, "Accept-Language": "en-US"},
    )
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[:3] == ["Contract date", "Order number", "Customer"]


async def test_batch_trace_exports_with_chinese_headers(client, world, desk) -> None:
    response = await client.get(
        "/api/v1/batches/B2611A/customers",
        params={"format": "csv"},
        headers=world.a_assistant.headers,
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["客户", "批次号", "订单号", "数量", "首次销售日期", "最近销售日期"]
    assert sorted(r[0] for r in rows[1:]) == ["中山市风行电器有限公司", "佛山市美达小家电有限公司"]
