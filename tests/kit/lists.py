"""A row of agent A in every list that exports (issue 12 §4), made the real way where there is
one (a registration, an extension, reports, an order, an import, an announcement), and a
customer of agent B, so that each list export can be checked for its filter and role scope."""

from dataclasses import dataclass
from datetime import timedelta

from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.imports.runner import settle
from api.kit.clock import now
from tests.factories import Factory, World
from tests.imports.sheets import filled_template, row
from tests.orders.conftest import Book, order

REGISTERED = "深圳市宏图电子有限公司"  # A's pending registration
EXTENDING = "深圳市飞鸿电子有限公司"  # A's customer with an extension request
EXTENSION_REASON = "客户项目进入量产阶段，需要延长保护期"
QUESTION = "能否提供样片？"
POOLED = "广州市白鹭电子有限公司"  # released by B
UNDER_REVIEW = "深圳市晨曦电子有限公司"  # A's mass-production customer, review due
IMPORTED = "深圳市星河智能控制有限公司"  # a row of A's import
IMPORT_FILE = "华南客户.xlsx"
ORDER_NUMBER = "SO-LIST-1"
BATCH = "LIST-B1"
NOTICE = "致华南代理的通知"


@dataclass
class Listed:
    customer_id: int  # A's customer of the book (量产), with reports, projects and an order
    import_id: int


async def fill_lists(client, world: World, factory: Factory, book: Book, session) -> Listed:  # type: ignore[no-untyped-def]
    await factory.customer(world.agent_b, world.b_sales, name="杭州市东海电器有限公司")
    await factory.customer(
        None, status=CustomerStatus.RELEASED, released_from=world.agent_b, name=POOLED
    )
    review = await factory.customer(world.agent_a, world.a_sales, name=UNDER_REVIEW)
    extending = await factory.customer(world.agent_a, world.a_sales, name=EXTENDING)
    await _under_review(session, review)
    await _post(
        client,
        world.a_sales,
        "/api/v1/registrations",
        {
            "name": REGISTERED,
            "province": "广东省",
            "city": "深圳市",
            "product_domain_id": book.small_appliances,
            "annual_mcu_usage_wan": 80,
        },
    )
    await _post(
        client,
        world.a_sales,
        f"/api/v1/customers/{extending.id}/extensions",
        {"reason": EXTENSION_REASON},
    )
    entry = {
        "project_id": book.cooker,
        "stage": "mass_production",
        "product_domain_id": book.small_appliances,
        "mcu_model_id": book.cooker_model,
        "annual_volume": 120000,
        "open_questions": QUESTION,
    }
    await _post(
        client,
        world.a_sales,
        f"/api/v1/customers/{book.customer_id}/reports",
        {"customer_news": "客户询问样片", "entries": [entry]},
    )
    await _post(
        client,
        world.a_assistant,
        f"/api/v1/customers/{book.customer_id}/orders",
        order(ORDER_NUMBER, project_id=book.cooker, batches=[BATCH]),
    )
    await _post(
        client,
        world.vendor,
        "/api/v1/announcements",
        {"title": NOTICE, "body": "请阅读", "audience": "agent", "agent_id": world.agent_a.id},
    )
    uploaded = await client.post(
        "/api/v1/imports",
        params={"agent_id": world.agent_a.id, "filename": IMPORT_FILE},
        content=filled_template([row(IMPORTED, world.a_sales.user.display_name)]),
        headers={**world.vendor.headers, "Content-Type": "application/octet-stream"},
    )
    assert uploaded.status_code == 202, uploaded.text
    await settle()  # the dry run has checked the row
    return Listed(book.customer_id, uploaded.json()["id"])


async def _under_review(session, customer: Customer) -> None:  # type: ignore[no-untyped-def]
    """量产 customers are reviewed at an interval; this one's review falls tomorrow."""
    customer.protection_mode = ProtectionMode.REVIEW
    customer.next_review_at = now() + timedelta(days=1)
    session.add(customer)
    await session.commit()


async def _post(client, actor, url: str, body: dict) -> dict:  # type: ignore[no-untyped-def]
    response = await client.post(url, json=body, headers=actor.headers)
    assert response.status_code == 201, response.text
    return response.json()
