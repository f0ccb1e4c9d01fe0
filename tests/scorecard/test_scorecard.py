"""The agents' compliance scorecard (issue 12 §2): vendor staff only; overdue customers,
reports, decisions and orders per agent and salesperson; forecast accuracy; exports with
headers in the caller's language (its constant number of statements: tests/lists)."""

import csv
import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from api.applications.models import ApplicationStatus
from api.authz.roles import Role
from api.forecast.models import ForecastSnapshot
from api.kit.clock import month_key, shift_month
from api.registrations.models import Registration, RegistrationKind
from tests.clock import NOW, days_ago
from tests.orders.conftest import order

THIS_MONTH = month_key(NOW.date())
LAST_MONTH = shift_month(THIS_MONTH, -1)


async def _scorecard(client, actor, **params):  # type: ignore[no-untyped-def]
    response = await client.get("/api/v1/scorecard", params=params, headers=actor.headers)
    assert response.status_code == 200, response.text
    return response


async def _place(client, world, book, number: str, day: str, quantity: int) -> None:  # type: ignore[no-untyped-def]
    body = order(number, day, project_id=book.cooker)
    body["lines"][0]["quantity"] = quantity
    created = await client.post(
        f"/api/v1/customers/{book.customer_id}/orders", json=body, headers=world.a_assistant.headers
    )
    assert created.status_code == 201, created.text


async def _decided(session, world, customer_id: int, status: ApplicationStatus) -> None:  # type: ignore[no-untyped-def]
    session.add(
        Registration(
            customer_id=customer_id,
            agent_id=world.agent_a.id,
            applicant_id=world.a_sales.id,
            kind=RegistrationKind.NEW,
            status=status,
            decided_by_id=world.vendor.id,
            decided_at=days_ago(3),
        )
    )
    await session.commit()


def _agent(card: dict, name: str) -> dict:  # type: ignore[type-arg]
    return next(a for a in card["agents"] if a["name"] == name)


def _person(agent: dict, name: str) -> dict:  # type: ignore[type-arg]
    return next(p for p in agent["salespeople"] if p["name"] == name)


@pytest.mark.parametrize("role", [Role.AGENT_ADMIN, Role.SALES, Role.FAE, Role.ASSISTANT])
async def test_only_the_vendor_staff_read_the_scorecard(client, world, role: Role) -> None:
    refused = await client.get("/api/v1/scorecard", headers=world.by_role(role).headers)
    assert refused.status_code == 403
    assert (await _scorecard(client, world.vendor)).json()["months"][-1] == THIS_MONTH


async def test_overdue_customers_reports_decisions_and_orders_add_up_per_agent_and_salesperson(
    client, world, factory, session, book
) -> None:
    late = await factory.customer(world.agent_a, world.a_sales)
    late.approved_at = days_ago(40)  # approved 40 days ago and never reported on
    session.add(late)
    await session.commit()
    await _decided(session, world, late.id, ApplicationStatus.APPROVED)
    await _decided(session, world, book.customer_id, ApplicationStatus.REJECTED)
    await _place(client, world, book, "SO-1", NOW.date().isoformat(), 1000)
    await _place(client, world, book, "SO-2", (NOW - timedelta(days=40)).date().isoformat(), 300)
    await _place(client, world, book, "SO-OLD", (NOW - timedelta(days=400)).date().isoformat(), 7)

    card = (await _scorecard(client, world.vendor)).json()
    assert len(card["months"]) == 6
    a = _agent(card, "华南代理")
    for score in (a, _person(a, world.a_sales.user.display_name)):
        assert score["protected_customers"] == 2
        assert score["overdue_customers"] == 1
        assert score["reports"] == 1  # the book's report, today
        assert score["reports_by_month"] == [0, 0, 0, 0, 0, 1]
        assert score["reports_per_customer_month"] == round(1 / 2 / 6, 2)
        assert score["registrations_approved"] == 1
        assert score["registrations_rejected"] == 1
        assert score["orders"] == 2  # the order of 400 days ago is outside the period
        assert score["order_quantity"] == 1300
        assert score["quantity_by_month"][-1] == 1000
        assert sum(score["quantity_by_month"]) == 1300
    admin = _person(a, world.a_admin.user.display_name)
    assert (admin["reports"], admin["orders"], admin["protected_customers"]) == (0, 0, 0)
    assert admin["reports_per_customer_month"] is None
    b = _agent(card, "华东代理")
    assert (b["reports"], b["orders"], b["overdue_customers"]) == (0, 0, 0)
    assert {p["name"] for p in b["salespeople"]} == {
        world.b_admin.user.display_name,
        world.b_sales.user.display_name,
    }


async def test_a_shorter_period_leaves_older_orders_out(client, world, book) -> None:
    await _place(client, world, book, "SO-1", NOW.date().isoformat(), 1000)
    await _place(client, world, book, "SO-2", (NOW - timedelta(days=40)).date().isoformat(), 300)
    card = (await _scorecard(client, world.vendor, months=1)).json()
    assert card["months"] == [THIS_MONTH]
    assert _agent(card, "华南代理")["order_quantity"] == 1000
    previous = (await _scorecard(client, world.vendor, months=1, end_month=LAST_MONTH)).json()
    assert previous["date_to"] < NOW.date().isoformat()
    assert _agent(previous, "华南代理")["order_quantity"] == 300


async def test_forecast_accuracy_is_one_minus_the_volume_weighted_error_of_passed_months(
    client, world, session, book
) -> None:
    model = book.cooker_model
    session.add_all(
        [
            # said two months ago about last month: 800 against 1000 shipped -> 80 %
            ForecastSnapshot(
                made_in=shift_month(LAST_MONTH, -1),
                target_month=LAST_MONTH,
                mcu_model_id=model,
                agent_id=world.agent_a.id,
                quantity=800,
            ),
            # said last month about last month: not a month ahead, not judged
            ForecastSnapshot(
                made_in=LAST_MONTH,
                target_month=LAST_MONTH,
                mcu_model_id=model,
                agent_id=world.agent_a.id,
                quantity=5,
            ),
            # this month has not passed: not judged
            ForecastSnapshot(
                made_in=LAST_MONTH,
                target_month=THIS_MONTH,
                mcu_model_id=model,
                agent_id=world.agent_a.id,
                quantity=99999,
            ),
        ]
    )
    await session.commit()
    last_month_day = (NOW.replace(day=1) - timedelta(days=5)).date().isoformat()
    await _place(client, world, book, "SO-1", last_month_day, 1000)
    await _place(client, world, book, "SO-2", NOW.date().isoformat(), 50)

    card = (await _scorecard(client, world.vendor)).json()
    assert THIS_MONTH not in card["forecast_months"] and LAST_MONTH in card["forecast_months"]
    a = _agent(card, "华南代理")
    assert (a["forecast_quantity"], a["shipped_quantity"]) == (800, 1000)
    assert a["forecast_accuracy_pct"] == 80.0
    assert _agent(card, "华东代理")["forecast_accuracy_pct"] is None  # nothing shipped


async def test_a_month_after_the_current_one_is_refused_with_a_message(client, world) -> None:
    refused = await client.get(
        "/api/v1/scorecard",
        params={"end_month": shift_month(THIS_MONTH, 1)},
        headers=world.vendor.headers,
    )
    assert refused.status_code == 422
    assert refused.json()["detail"] == "所选月份不能晚于本月。"


async def test_the_export_has_chinese_headers_and_english_ones_for_english_users(
    client, world, book
) -> None:
    await _place(client, world, book, "SO-1", NOW.date().isoformat(), 1000)
    xlsx = await _scorecard(client, world.vendor, format="xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("代理商", "销售", "保护中客户", "逾期未跟进客户")
    assert rows[0][-1] == f"报告 {THIS_MONTH}"
    a_rows = [r for r in rows if r[0] == "华南代理"]
    assert a_rows[0][1] == "全部" and a_rows[0][9] == 1000  # units ordered
    assert world.a_sales.user.display_name in {r[1] for r in a_rows}

    english = await client.get(
        "/api/v1/scorecard",
        params={"format": "csv"},
        headers={**world.vendor.headers, "X-Language": "en"},
    )
    assert english.status_code == 200
    table = list(csv.reader(io.StringIO(english.content.decode("utf-8-sig"))))
    assert table[0][:3] == ["Agent", "Salesperson", "Protected customers"]
    assert "All" in {r[1] for r in table[1:]}


@pytest.mark.parametrize("month", ["2027-13", "2027-5", "0122-10", "month"])
async def test_a_malformed_month_is_refused_with_a_message(client, world, month: str) -> None:
    refused = await client.get(
        "/api/v1/scorecard", params={"end_month": month}, headers=world.vendor.headers
    )
    assert refused.status_code == 422
    assert refused.json()["detail"]
