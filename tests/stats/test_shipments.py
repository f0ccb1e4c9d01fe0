"""Shipment statistics (SPEC §10): totals equal the lines for every grouping and role; previous
period; top-N; the vendor's month totals answer what the lines answer; the .xlsx and CSV exports
hold the same numbers."""

import csv
import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from api.authz.roles import Role
from api.kit.clock import today
from tests.orders.conftest import order

DIMENSIONS = ["none", "agent", "salesperson", "customer", "mcu_model", "product_domain", "region"]


@pytest.fixture
async def shipped(client, world, book):  # type: ignore[no-untyped-def]
    """Four orders over two months for A (one deleted), plus B's order elsewhere."""
    day = today()
    last_month = (day.replace(day=1) - timedelta(days=3)).isoformat()
    for number, when, project, quantity, price in (
        ("A-1", day.isoformat(), book.cooker, 1000, "2.5"),
        ("A-2", day.isoformat(), book.fan, 300, None),
        ("A-3", last_month, book.cooker, 700, "2.4"),
        ("A-4", last_month, book.fan, 50, None),
    ):
        body = order(number, when, project_id=project, unit_price=price)
        body["lines"][0]["quantity"] = quantity
        created = await client.post(
            f"/api/v1/customers/{book.customer_id}/orders",
            json=body,
            headers=world.a_assistant.headers,
        )
        assert created.status_code == 201, created.text
    await client.post(
        f"/api/v1/orders/{created.json()['id']}/delete",
        json={"reason": "录错"},
        headers=world.a_assistant.headers,
    )
    return {"total": 2000, "cooker": 1700, "fan": 300}


async def _stats(client, actor, **params):  # type: ignore[no-untyped-def]
    params = {
        "date_from": (today() - timedelta(days=70)).isoformat(),
        "date_to": today().isoformat(),
        **params,
    }
    response = await client.get("/api/v1/stats/shipments", params=params, headers=actor.headers)
    assert response.status_code == 200, response.text
    return response


@pytest.mark.parametrize("dimension", DIMENSIONS)
@pytest.mark.parametrize(
    "role", [Role.VENDOR, Role.AGENT_ADMIN, Role.SALES, Role.ASSISTANT, Role.FAE]
)
async def test_statistics_totals_equal_the_sum_of_lines_for_every_grouping_and_role(
    client, world, shipped, dimension: str, role: Role
) -> None:
    stats = (await _stats(client, world.by_role(role), group_by=dimension)).json()
    expected = 0 if role is Role.FAE else shipped["total"]  # a.fae is not assigned to this customer
    assert stats["total"]["quantity"] == expected
    if dimension == "none" and expected:
        assert [r["label"] for r in stats["rows"]] == ["全部"]
    assert sum(r["quantity"] for r in stats["rows"]) == expected
    assert sum(stats["total"]["by_period"].values()) == expected


async def test_agent_b_sees_none_of_agent_a_shipments(client, world, shipped) -> None:
    assert (await _stats(client, world.b_admin)).json()["total"]["quantity"] == 0


async def test_grouping_by_model_and_amounts_per_currency(client, world, shipped) -> None:
    rows = {
        r["label"]: r
        for r in (await _stats(client, world.vendor, group_by="mcu_model")).json()["rows"]
    }
    assert rows["CD32F030C8T6"]["quantity"] == shipped["cooker"]
    assert rows["CD32F030C8T6"]["amounts"] == {"CNY": 1000 * 2.5 + 700 * 2.4}
    assert rows["CD32G431CBT6"]["amounts"] == {}


async def test_amounts_are_summed_exactly_and_rounded_half_up_to_the_cent(
    client, world, book
) -> None:
    # 0.0025 + 1.0025 is 1.005 exactly; summed as floats it is 1.00499…, which rounds to 1.0.
    for number, days_ago, price in (("A-1", 0, "0.0025"), ("A-2", 1, "1.0025")):
        body = order(number, (today() - timedelta(days=days_ago)).isoformat())
        body["lines"][0].update(project_id=book.cooker, quantity=1, unit_price=price)
        created = await client.post(
            f"/api/v1/customers/{book.customer_id}/orders",
            json=body,
            headers=world.a_assistant.headers,
        )
        assert created.status_code == 201, created.text
    total = (await _stats(client, world.vendor)).json()["total"]
    assert total["amounts"] == {"CNY": 1.01}


async def test_previous_period_comparison(client, world, shipped) -> None:
    start = today().replace(day=1)
    stats = (await _stats(client, world.vendor, date_from=start.isoformat())).json()
    this_month = shipped["total"] - 700
    assert stats["total"]["quantity"] == this_month
    assert stats["total"]["previous_quantity"] == 700
    assert stats["total"]["change_pct"] == round((this_month - 700) * 100 / 700, 1)


async def test_top_n_sums_the_rest_as_other(client, world, shipped) -> None:
    rows = (await _stats(client, world.vendor, group_by="mcu_model", top=1)).json()["rows"]
    assert [r["label"] for r in rows] == ["CD32F030C8T6", "其他"]
    assert rows[1]["quantity"] == shipped["fan"]


@pytest.fixture
async def spread(client, world, shipped, book):  # type: ignore[no-untyped-def]
    """`shipped` and three more orders, so that months hold orders on several days: the 5th of
    this month, the 2nd and the 20th of the last."""
    first = today().replace(day=1)
    last_month = first - timedelta(days=30)
    for number, when, project, price in (
        ("S-1", first + timedelta(days=4), book.cooker, "1.5"),
        ("S-2", last_month.replace(day=2), book.fan, None),
        ("S-3", last_month.replace(day=20), book.cooker, "2.25"),
    ):
        body = order(number, when.isoformat(), project_id=project, unit_price=price)
        created = await client.post(
            f"/api/v1/customers/{book.customer_id}/orders",
            json=body,
            headers=world.a_assistant.headers,
        )
        assert created.status_code == 201, created.text


def _window(first: int, last: int) -> dict[str, str]:
    """Days from the first of this month (at most today): -3 is A-3's day, the 28th."""
    start = today().replace(day=1)
    return {
        "date_from": (start + timedelta(days=first)).isoformat(),
        "date_to": min(today(), start + timedelta(days=last)).isoformat(),
    }


@pytest.mark.parametrize("dimension", ["none", "agent", "mcu_model", "product_domain"])
@pytest.mark.parametrize(
    "days",
    [
        (-70, 99),  # mid-month to today: partial months on both sides of the comparison
        (0, 99),  # this month so far, against a period starting mid-last-month
        (-30, -1),  # last month whole
        (4, 99),  # starting on S-1's day
        (5, 99),  # starting the day after S-1: this month straddles the two periods
        (-60, -4),  # ending the day before A-3: its month ends after the range
    ],
)
async def test_the_vendors_statistics_from_month_totals_equal_the_agents_from_the_lines(
    client, world, spread, dimension: str, days: tuple[int, int]
) -> None:
    # The vendor reads month totals, A's admin sums A's lines: one agent's figures must agree.
    window = _window(*days)
    vendor = await _stats(
        client, world.vendor, group_by=dimension, agent_id=world.agent_a.id, **window
    )
    admin = await _stats(client, world.a_admin, group_by=dimension, **window)
    assert vendor.json() == admin.json()


async def test_xlsx_export_opens_with_openpyxl_and_holds_the_same_numbers(
    client, world, shipped
) -> None:
    json_rows = (await _stats(client, world.vendor, group_by="mcu_model")).json()["rows"]
    response = await _stats(client, world.vendor, group_by="mcu_model", format="xlsx")
    assert "attachment" in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    table = list(sheet.iter_rows(values_only=True))
    header = table[0]
    by_label = {row[header.index("label")]: row[header.index("quantity")] for row in table[1:]}
    assert by_label == {**{r["label"]: r["quantity"] for r in json_rows}, "合计": shipped["total"]}


async def test_csv_export_holds_the_same_numbers(client, world, shipped) -> None:
    response = await _stats(client, world.vendor, group_by="customer", format="csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {r["label"]: int(r["quantity"]) for r in rows} == {
        "佛山市美达小家电有限公司": shipped["total"],
        "合计": shipped["total"],
    }


async def test_a_reversed_date_range_is_refused(client, world) -> None:
    response = await client.get(
        "/api/v1/stats/shipments",
        params={
            "date_from": today().isoformat(),
            "date_to": (today() - timedelta(days=1)).isoformat(),
        },
        headers=world.vendor.headers,
    )
    assert response.status_code == 422


@pytest.mark.parametrize("day", ["0135-08-29", "2100-01-01"])
async def test_a_period_outside_the_years_data_can_have_is_refused_with_a_message(
    client, world, day: str
) -> None:
    response = await client.get(
        "/api/v1/stats/shipments",
        params={"date_from": day, "group_by": "customer"},
        headers=world.a_sales.headers,
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "date_from"
