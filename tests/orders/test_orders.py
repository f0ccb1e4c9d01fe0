"""Sales records (销售记录, SPEC §9): for protected customers only, lines from the customer's
projects with model and domain copied, any number of batch numbers, every change audited."""

from datetime import timedelta

from api.customers.models import CustomerStatus
from api.kit.clock import today
from tests.orders.conftest import order


async def _post(client, actor, customer_id: int, body: dict):  # type: ignore[no-untyped-def]
    return await client.post(
        f"/api/v1/customers/{customer_id}/orders", json=body, headers=actor.headers
    )


async def test_assistant_records_an_order_with_model_and_domain_copied_from_the_project(
    client, world, book
) -> None:
    response = await _post(
        client, world.a_assistant, book.customer_id, order(project_id=book.fan, unit_price="3.25")
    )
    assert response.status_code == 201, response.text
    line = response.json()["lines"][0]
    assert (
        line["mcu_model"]["id"] == book.fan_model
        and line["product_domain"]["id"] == book.motor_control
    )
    assert line["currency"] == "CNY" and response.json()["total_quantity"] == 1000


async def test_ten_batch_numbers_on_one_line_are_kept_in_order(client, world, book) -> None:
    batches = [f"B2611{n:02d}" for n in range(10, 0, -1)]
    response = await _post(
        client, world.a_assistant, book.customer_id, order(project_id=book.cooker, batches=batches)
    )
    assert response.json()["lines"][0]["batches"] == batches


async def test_quantity_zero_negative_or_fractional_is_refused(client, world, book) -> None:
    for quantity in (0, -5, 12.7):
        body = order(project_id=book.cooker)
        body["lines"][0]["quantity"] = quantity
        assert (await _post(client, world.a_assistant, book.customer_id, body)).status_code == 422


async def test_future_contract_date_is_refused(client, world, book) -> None:
    tomorrow = (today() + timedelta(days=1)).isoformat()
    response = await _post(
        client, world.a_assistant, book.customer_id, order(day=tomorrow, project_id=book.cooker)
    )
    assert response.status_code == 422 and response.json()["code"] == "contract_date_in_future"


async def test_line_project_must_belong_to_the_customer(client, factory, world, book) -> None:
    other = await factory.customer(world.agent_a, world.a_sales)
    response = await _post(client, world.a_assistant, other.id, order(project_id=book.cooker))
    assert response.status_code == 422
    assert response.json()["code"] in ("customer_without_projects", "project_not_of_customer")


async def test_customer_without_projects_names_the_salesperson_who_must_report(
    client, factory, world
) -> None:
    bare = await factory.customer(world.agent_a, world.a_sales)
    response = await _post(client, world.a_assistant, bare.id, order(project_id=1))
    assert response.json()["code"] == "customer_without_projects"
    assert world.a_sales.user.display_name in response.json()["detail"]


async def test_project_without_a_model_names_the_salesperson(client, world, book) -> None:
    response = await _post(
        client, world.a_assistant, book.customer_id, order(project_id=book.draft)
    )
    assert response.json()["code"] == "project_without_model"
    assert (
        "新品预研" in response.json()["detail"]
        and world.a_sales.user.display_name in response.json()["detail"]
    )


async def test_order_for_pending_released_or_other_agents_customer_is_refused(
    client, factory, world, book
) -> None:
    pending = await factory.customer(world.agent_a, world.a_sales, status=CustomerStatus.PENDING)
    assert (
        await _post(client, world.a_assistant, pending.id, order(project_id=book.cooker))
    ).status_code == 422
    pooled = await factory.customer(None, status=CustomerStatus.RELEASED)
    assert (
        await _post(client, world.a_assistant, pooled.id, order(project_id=book.cooker))
    ).status_code == 404
    theirs = await factory.customer(world.agent_b, world.b_sales)
    assert (
        await _post(client, world.a_assistant, theirs.id, order(project_id=book.cooker))
    ).status_code == 404


async def test_order_number_is_unique_per_agent(client, world, book) -> None:
    assert (
        await _post(client, world.a_assistant, book.customer_id, order(project_id=book.cooker))
    ).status_code == 201
    again = await _post(client, world.a_admin, book.customer_id, order(project_id=book.fan))
    assert again.status_code == 409 and again.json()["code"] == "order_number_taken"


async def test_sales_read_own_customers_orders_but_do_not_record(client, world, book) -> None:
    await _post(client, world.a_assistant, book.customer_id, order(project_id=book.cooker))
    assert (
        await _post(client, world.a_sales, book.customer_id, order("SO-2", project_id=book.cooker))
    ).status_code == 403
    listed = await client.get(
        f"/api/v1/customers/{book.customer_id}/orders", headers=world.a_sales.headers
    )
    assert listed.json()["total"] == 1
    assert (
        await client.get(
            f"/api/v1/customers/{book.customer_id}/orders", headers=world.b_admin.headers
        )
    ).json()["total"] == 0
    assert (
        await client.get(
            f"/api/v1/customers/{book.customer_id}/orders", headers=world.vendor.headers
        )
    ).json()["total"] == 1


async def test_edits_are_audited_with_before_and_after(client, world, book) -> None:
    created = (
        await _post(client, world.a_assistant, book.customer_id, order(project_id=book.cooker))
    ).json()
    changed = order(project_id=book.cooker, batches=["B1"])
    changed["lines"][0]["quantity"] = 2500
    response = await client.put(
        f"/api/v1/orders/{created['id']}", json=changed, headers=world.a_assistant.headers
    )
    assert response.status_code == 200 and response.json()["total_quantity"] == 2500
    trail = await client.get(
        "/api/v1/audit",
        params={"object_type": "sales_order", "object_id": str(created["id"])},
        headers=world.vendor.headers,
    )
    update = trail.json()["items"][0]
    assert update["action"] == "order.update"
    assert (
        update["before"]["lines"][0]["quantity"] == 1000
        and update["after"]["lines"][0]["quantity"] == 2500
    )


async def test_deleting_needs_a_reason_and_removes_the_order_from_lists(
    client, world, book
) -> None:
    created = (
        await _post(client, world.a_assistant, book.customer_id, order(project_id=book.cooker))
    ).json()
    url = f"/api/v1/orders/{created['id']}/delete"
    assert (await client.post(url, json={}, headers=world.a_assistant.headers)).status_code == 422
    assert (
        await client.post(url, json={"reason": "重复录入"}, headers=world.a_assistant.headers)
    ).status_code == 204
    listed = await client.get(
        f"/api/v1/customers/{book.customer_id}/orders", headers=world.a_assistant.headers
    )
    assert listed.json()["total"] == 0
    assert (
        await _post(client, world.a_assistant, book.customer_id, order(project_id=book.cooker))
    ).status_code == 201
