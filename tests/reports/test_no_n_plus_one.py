"""List endpoints send a fixed number of SQL statements, however many rows they return."""

from datetime import timedelta

from api.kit.clock import now, today
from tests.reports.conftest import submit
from tests.statements import count_statements


async def _statements(client, url: str, headers: dict) -> int:  # type: ignore[no-untyped-def]
    with count_statements() as seen:
        response = await client.get(url, headers=headers)
    assert response.status_code == 200
    return len(seen)


async def _reports(client, world, customer, entry, count: int, offset: int) -> None:  # type: ignore[no-untyped-def]
    for n in range(count):
        day = (today() - timedelta(days=offset + n)).isoformat()
        report = (
            await submit(
                client,
                world.a_sales,
                customer.id,
                [entry(name=f"项目{offset + n}")],
                report_date=day,
            )
        ).json()
        await client.post(
            f"/api/v1/reports/{report['id']}/comments",
            json={"body": "好"},
            headers=world.vendor.headers,
        )


async def test_report_list_statements_do_not_grow_with_rows(client, world, customer, entry) -> None:
    url, headers = f"/api/v1/customers/{customer.id}/reports", world.a_sales.headers
    await _reports(client, world, customer, entry, 2, 0)
    few = await _statements(client, url, headers)
    await _reports(client, world, customer, entry, 8, 10)
    assert await _statements(client, url, headers) == few


async def test_project_list_statements_do_not_grow_with_rows(
    client, world, customer, entry
) -> None:
    url, headers = f"/api/v1/customers/{customer.id}/projects", world.a_sales.headers
    await _reports(client, world, customer, entry, 2, 0)
    few = await _statements(client, url, headers)
    await _reports(client, world, customer, entry, 8, 10)
    assert await _statements(client, url, headers) == few


async def test_customer_list_statements_do_not_grow_with_rows(client, factory, world) -> None:
    async def add(n: int) -> None:
        for i in range(n):
            await factory.customer(
                world.agent_a,
                world.a_sales,
                faes=(world.a_fae,),
                protection_until=now() + timedelta(days=30 + i),
            )

    await add(2)
    few = await _statements(client, "/api/v1/customers", world.a_admin.headers)
    await add(8)
    assert await _statements(client, "/api/v1/customers", world.a_admin.headers) == few


async def test_extension_list_statements_do_not_grow_with_rows(client, factory, world) -> None:
    async def add(n: int) -> None:
        for _ in range(n):
            c = await factory.customer(
                world.agent_a, world.a_sales, protection_until=now() + timedelta(days=10)
            )
            await client.post(
                f"/api/v1/customers/{c.id}/extensions",
                json={"reason": "申请延期理由"},
                headers=world.a_sales.headers,
            )

    await add(2)
    few = await _statements(client, "/api/v1/extensions", world.vendor.headers)
    await add(8)
    assert await _statements(client, "/api/v1/extensions", world.vendor.headers) == few
