"""The month totals of shipments (issue 13) follow every order write in its own transaction:
after orders are created, edited into another month, model and currency, and deleted, they hold
exactly what summing the live lines afresh gives."""

from datetime import timedelta

from sqlmodel import col, select

from api.kit.clock import today
from api.orders.models import ShipmentMonth
from api.orders.service import rebuild_shipment_totals
from tests.orders.conftest import order

ORDERS = "/api/v1/customers/{}/orders"


async def _cells(session):  # type: ignore[no-untyped-def]
    """Cell -> (lines, quantity, priced lines, amount) of the cells that still sum a line, and
    cell -> (first day, last day)."""
    rows = (await session.scalars(select(ShipmentMonth).where(col(ShipmentMonth.lines) > 0))).all()
    cells = {
        (r.month, r.agent_id, r.mcu_model_id, r.product_domain_id, r.currency): r for r in rows
    }
    sums = {k: (r.lines, r.quantity, r.priced_lines, r.amount) for k, r in cells.items()}
    return sums, {k: (r.first_day, r.last_day) for k, r in cells.items()}


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

    kept, kept_days = await _cells(session)
    await rebuild_shipment_totals(session)
    summed, summed_days = await _cells(session)
    assert kept == summed
    assert {month for month, *_ in kept} == {today().replace(day=1), last_month.replace(day=1)}
    # A delete does not narrow a cell's days: they still hold every line summed there.
    for cell, (first, last) in summed_days.items():
        assert kept_days[cell][0] <= first and last <= kept_days[cell][1]
