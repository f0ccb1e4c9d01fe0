"""Demand forecast (SPEC §10): annual volume / 12 × stage probability per month from the
milestone on, per MCU model; accuracy against stored monthly snapshots."""

import csv
import io
from datetime import datetime, time

from openpyxl import load_workbook

from api.db import get_sessionmaker
from api.forecast.snapshots import take_snapshot
from api.kit.clock import CHINA, month_key, now, shift_month, today
from api.rules.service import current_rules
from tests.clock import NOW
from tests.orders.conftest import order

# The book fixture: IH电饭煲 量产 120,000/yr on CD32F030C8T6;
# 无刷风扇 小批 60,000/yr on CD32G431CBT6.
COOKER_MONTHLY = 120000 / 12 * 0.9  # 9000
FAN_MONTHLY = 60000 / 12 * 0.6  # 3000


async def _forecast(client, actor, **params):  # type: ignore[no-untyped-def]
    response = await client.get("/api/v1/forecast", params=params, headers=actor.headers)
    assert response.status_code == 200, response.text
    return response


async def test_forecast_for_a_known_fixture_equals_hand_computed_values(
    client, world, book
) -> None:
    body = (await _forecast(client, world.vendor, months=12)).json()
    by_model = {m["mcu_model"]: m for m in body["by_model"]}
    assert len(body["months"]) == 12 and body["months"][0] == month_key(today())
    assert set(by_model["CD32F030C8T6"]["by_month"].values()) == {COOKER_MONTHLY}
    assert set(by_model["CD32G431CBT6"]["by_month"].values()) == {FAN_MONTHLY}
    assert by_model["CD32F030C8T6"]["total"] == 12 * COOKER_MONTHLY
    assert body["rows"] is None  # the detail is asked for, never sent by default
    detail = (await _forecast(client, world.vendor, months=12, detail=True)).json()
    assert {r["agent"] for r in detail["rows"]} == {"华南代理"}


async def test_the_stage_totals_and_the_detail_rows_add_up_to_the_model_totals(
    client, world, book
) -> None:
    body = (await _forecast(client, world.vendor, months=3, detail=True)).json()
    assert [s["stage"] for s in body["by_stage"]] == ["small_batch", "mass_production"]
    assert {s["stage"]: s["total"] for s in body["by_stage"]} == {
        "small_batch": 3 * FAN_MONTHLY,
        "mass_production": 3 * COOKER_MONTHLY,
    }
    per_model: dict[str, float] = {}
    for row in body["rows"]:
        per_model[row["mcu_model"]] = per_model.get(row["mcu_model"], 0) + row["quantity"]
    assert per_model == {m["mcu_model"]: m["total"] for m in body["by_model"]}


async def test_volume_starts_at_the_milestone_and_not_before(client, world, book) -> None:
    start = shift_month(month_key(today()), 3)
    milestone = f"{start}-01"
    entry = {
        "project_id": book.fan,
        "stage": "small_batch",
        "product_domain_id": book.motor_control,
        "mcu_model_id": book.fan_model,
        "annual_volume": 60000,
        "milestone_date": milestone,
    }
    await client.post(
        f"/api/v1/customers/{book.customer_id}/reports",
        json={"customer_news": "节点更新", "entries": [entry]},
        headers=world.a_sales.headers,
    )
    months = (await _forecast(client, world.vendor, months=6)).json()["by_model"]
    fan = next(m for m in months if m["mcu_model"] == "CD32G431CBT6")["by_month"]
    assert [fan[m] for m in sorted(fan)] == [0, 0, 0, FAN_MONTHLY, FAN_MONTHLY, FAN_MONTHLY]


async def test_stage_probabilities_are_the_vendors_rule(client, world, book) -> None:
    await client.put(
        "/api/v1/rules",
        json={"stage_probabilities": {"mass_production": 0.5}},
        headers=world.vendor.headers,
    )
    months = (await _forecast(client, world.vendor, months=1)).json()["by_model"]
    assert next(m for m in months if m["mcu_model"] == "CD32F030C8T6")["total"] == 120000 / 12 * 0.5


async def test_forecast_filters_and_csv(client, world, book) -> None:
    only_fan = (
        await _forecast(client, world.vendor, months=2, mcu_model_id=book.fan_model, detail=True)
    ).json()
    assert {r["mcu_model"] for r in only_fan["rows"]} == {"CD32G431CBT6"}
    assert [m["mcu_model"] for m in only_fan["by_model"]] == ["CD32G431CBT6"]
    response = await _forecast(client, world.vendor, months=2, format="csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sum(float(r["预期数量"]) for r in rows) == 2 * (COOKER_MONTHLY + FAN_MONTHLY)
    assert {r["阶段"] for r in rows} == {"量产", "小批"}  # labels, not codes


async def test_forecast_exports_xlsx_with_headers_in_the_callers_language(
    client, world, book
) -> None:
    response = await client.get(
        "/api/v1/forecast",
        params={"months": 1, "format": "xlsx"},
        headers={**world.vendor.headers, "Accept-Language": "en"},
    )
    assert response.status_code == 200, response.text
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header == ("Month", "MCU model", "Agent", "Product domain", "Stage", "Expected units")
    assert sorted((r[1], r[4], r[5]) for r in rows) == [
        ("CD32F030C8T6", "Mass production", COOKER_MONTHLY),
        ("CD32G431CBT6", "Small batch", FAN_MONTHLY),
    ]


async def test_agents_see_only_their_own_forecast(client, world, book) -> None:
    assert (await _forecast(client, world.b_admin, detail=True)).json()["rows"] == []
    assert (await _forecast(client, world.b_admin)).json()["by_model"] == []
    assert (await _forecast(client, world.a_admin, detail=True)).json()["rows"] != []


async def test_accuracy_uses_the_snapshot_made_then_not_hindsight(
    client, world, book, clock
) -> None:
    target = shift_month(month_key(today()), -1)
    made_in = shift_month(target, -1)
    snapshot_at = datetime.combine(
        datetime.strptime(f"{made_in}-15", "%Y-%m-%d").date(), time(12), CHINA
    )
    clock.move_to(snapshot_at, tick=False)
    async with get_sessionmaker()() as session, session.begin():
        assert await take_snapshot(session, await current_rules(session), now()) > 0
        assert (
            await take_snapshot(session, await current_rules(session), now()) == 0
        )  # once a month
    clock.move_to(NOW)
    # After the snapshot the project's expectation doubles: accuracy must not see that.
    doubled = {
        "project_id": book.cooker,
        "stage": "mass_production",
        "product_domain_id": book.small_appliances,
        "mcu_model_id": book.cooker_model,
        "annual_volume": 240000,
    }
    await client.post(
        f"/api/v1/customers/{book.customer_id}/reports",
        json={"customer_news": "上调", "entries": [doubled]},
        headers=world.a_sales.headers,
    )
    body = order("ACC-1", f"{target}-10", project_id=book.cooker)
    body["lines"][0]["quantity"] = 8000
    assert (
        await client.post(
            f"/api/v1/customers/{book.customer_id}/orders",
            json=body,
            headers=world.a_assistant.headers,
        )
    ).status_code == 201
    accuracy = (
        await client.get(
            "/api/v1/forecast/accuracy", params={"months_back": 1}, headers=world.vendor.headers
        )
    ).json()
    cooker = next(s for s in accuracy["by_model"] if s["label"] == "CD32F030C8T6")
    assert cooker["points"] == [{"month": target, "forecast": COOKER_MONTHLY, "actual": 8000}]
    assert cooker["mape"] == round(abs(8000 - COOKER_MONTHLY) / 8000 * 100, 1)
    fan = next(s for s in accuracy["by_model"] if s["label"] == "CD32G431CBT6")
    assert fan["mape"] is None  # nothing shipped: no percentage error to speak of
    agent = next(s for s in accuracy["by_agent"] if s["label"] == "华南代理")
    assert agent["points"][0] == {
        "month": target,
        "forecast": COOKER_MONTHLY + FAN_MONTHLY,
        "actual": 8000,
    }


async def test_sales_cannot_see_accuracy(client, world, book) -> None:
    response = await client.get("/api/v1/forecast/accuracy", headers=world.a_sales.headers)
    assert response.status_code == 403
