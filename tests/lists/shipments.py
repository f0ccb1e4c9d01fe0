"""Rows of the order and shipment lists: orders, an order's lines, customers a batch went to,
shipments by customer, forecast rows per MCU model, accuracy series per agent. Each adds
`count` rows numbered from `first`."""

from typing import Any

from api.forecast.models import ForecastSnapshot
from api.kit.clock import month_key, shift_month, today
from tests.lists import people
from tests.lists.scene import Scene
from tests.orders.conftest import order

BATCH = "LIST-B1"


async def orders(scene: Scene, first: int, count: int) -> None:
    """a.assistant's orders for 美达's cooker, each of batch BATCH."""
    book = await scene.book()
    scene.ids["customer_id"] = book.customer_id
    for n in range(first, first + count):
        body = order(f"SO-{n}", project_id=book.cooker, batches=[BATCH])
        await scene.post(scene.world.a_assistant, f"/customers/{book.customer_id}/orders", body)


async def order_lines(scene: Scene, first: int, count: int) -> None:
    """A new order of 美达 with as many lines as rows so far and `count` more, for one project
    or the other, each of its own batch."""
    book = await scene.book()
    lines = [
        {"project_id": (book.cooker, book.fan)[n % 2], "quantity": 1000, "batches": [f"B{n}"]}
        for n in range(first + count)
    ]
    body = {
        "order_number": f"SO-LINES-{first + count}",
        "contract_date": today().isoformat(),
        "lines": lines,
    }
    created = await scene.post(
        scene.world.a_assistant, f"/customers/{book.customer_id}/orders", body
    )
    scene.ids["order_id"] = created["id"]


async def customers_with_an_order(scene: Scene, first: int, count: int) -> None:
    """A's customers, each with a project (through a.sales's report) and an order of batch
    BATCH for it: a row of the batch trace and of the shipments by customer."""
    world = scene.world
    domain = await scene.factory.domain_id()
    model = await scene.factory.mcu_id()
    scene.ids["batch"] = BATCH
    for n in range(first, first + count):
        customer = await scene.factory.customer(world.agent_a, world.a_sales)
        entry = _project(f"电饭煲{n}", domain, model)
        report = await scene.post(
            world.a_sales,
            f"/customers/{customer.id}/reports",
            {"customer_news": "客户量产", "entries": [entry]},
        )
        project = report["entries"][0]["project"]["id"]
        body = order(f"SO-{n}", project_id=project, batches=[BATCH])
        await scene.post(world.a_assistant, f"/customers/{customer.id}/orders", body)


async def projects_on_new_models(scene: Scene, first: int, count: int) -> None:
    """New MCU models, each in a mass-production project of 美达: a forecast row each."""
    book = await scene.book()
    for n in range(first, first + count):
        model = await people.new_mcu_model(scene, n)
        entry = _project(f"新品{n}", book.small_appliances, model)
        body = {"customer_news": "客户量产", "entries": [entry]}
        await scene.post(scene.world.a_sales, f"/customers/{book.customer_id}/reports", body)


async def agents_with_a_forecast(scene: Scene, first: int, count: int) -> None:
    """Agents whose forecast for last month was snapshotted the month before: an accuracy
    series each."""
    model = await scene.factory.mcu_id()
    target = shift_month(month_key(today()), -1)
    for _ in range(count):
        agent = await scene.factory.agent()
        assert agent.id is not None
        scene.session.add(
            ForecastSnapshot(
                made_in=shift_month(target, -1),
                target_month=target,
                mcu_model_id=model,
                agent_id=agent.id,
                quantity=100,
            )
        )
        await scene.session.commit()


def _project(name: str, domain: int, model: int) -> dict[str, Any]:
    return {
        "new_project": {"name": name},
        "stage": "mass_production",
        "product_domain_id": domain,
        "mcu_model_id": model,
        "annual_volume": 120000,
    }
