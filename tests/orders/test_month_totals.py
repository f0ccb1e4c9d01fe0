"""The month totals of shipments (issue 13) follow every order write in its own transaction:
after orders are created, edited into another month, model and currency, and deleted, they hold
exactly what summing the live lines afresh gives."""

from datetime import timedelta

from api.kit.clock import today
from tests.orders.conftest import assert_month_totals_match_the_lines, order

ORDERS = "/api/v1/customers/{}/orders"


async def test_month_totals_equal_the_live_lines_after_orders_are_created_edited_and_deleted(
    client, world, book, session
) -> None:
    headers = world.a_assistant.headers
    last_month = today().replace(day=1) - timedelta(days=10)
    made = []
    for number, day, project, price, currency in (
        ("T-1", today(), book.cooker, "2.5", "CNY"),
        ("T-2", today(), book.cooker, "0.5", "USD"),
        ("T-3", last_month, book.fan, None, None),
        ("T-4", last_month, book.cooker, "1.25", "CNY"),
    ):
        body = order(
            number, day.isoformat(), project_id=project, unit_price=price, currency=currency
        )
        created = await client.post(ORDERS.format(book.customer_id), json=body, headers=headers)
        assert created.status_code == 201, created.text
        made.append(created.json()["id"])
    # T-1 moves to last month with another model, no price and two lines; T-4 goes away.
    moved = order("T-1", last_month.isoformat(), project_id=book.fan, quantity=40)
    moved["lines"].append({"project_id": book.cooker, "quantity": 7, "unit_price": "3"})
    edited = await client.put(f"/api/v1/orders/{made[0]}", json=moved, headers=headers)
    assert edited.status_code == 200, edited.text
    deleted = await client.post(
        f"/api/v1/orders/{made[3]}/delete", json={"reason": "录错"}, headers=headers
    )
    assert deleted.status_code == 204, deleted.text

    kept = await assert_month_totals_match_the_lines(session)
    assert {month for month, *_ in kept} == {today().replace(day=1), last_month.replace(day=1)}
