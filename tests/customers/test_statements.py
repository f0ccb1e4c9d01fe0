"""The customer list and detail send a fixed, small number of SQL statements: the caller's
account and agent in one, the contact, agent and product domain joined into the customer's own
statement, the per-caller flags (unread comments, open extension) in one for the whole page."""

from datetime import timedelta

import pytest

from api.kit.clock import now
from tests.desk.test_desk import _entry, _report
from tests.statements import count_statements

# principal, rules, count, page (contact, agent, domain joined), FAEs, flags
LIST_STATEMENTS = 6
# principal, customer (joined as above), FAEs, rules, flags, aliases (+ the group for the vendor)
DETAIL_STATEMENTS = 6
# principal, rules, every kind's count at once
TODO_STATEMENTS = 3


async def _statements(client, url: str, headers: dict[str, str]) -> int:  # type: ignore[no-untyped-def]
    return len(await _statements_sent(client, url, headers))


async def _statements_sent(client, url: str, headers: dict[str, str]) -> list[str]:  # type: ignore[no-untyped-def]
    with count_statements() as seen:
        assert (await client.get(url, headers=headers)).status_code == 200
    return seen


async def _customers(factory, world, count: int) -> list:  # type: ignore[no-untyped-def]
    return [
        await factory.customer(
            world.agent_a,
            world.a_sales,
            faes=(world.a_fae,),
            protection_until=now() + timedelta(days=30 + i),
        )
        for i in range(count)
    ]


@pytest.mark.parametrize("role", ["vendor", "a_sales"])
async def test_the_home_list_sends_as_many_statements_for_one_customer_as_for_twenty(
    client, factory, world, role: str
) -> None:
    headers = getattr(world, role).headers
    await _customers(factory, world, 1)
    one = await _statements(client, "/api/v1/customers?limit=20", headers)
    await _customers(factory, world, 19)
    page = (await client.get("/api/v1/customers?limit=20", headers=headers)).json()
    assert len(page["items"]) == 20
    assert await _statements(client, "/api/v1/customers?limit=20", headers) == one
    assert one == LIST_STATEMENTS


@pytest.mark.parametrize(("role", "extra"), [("a_sales", 0), ("vendor", 1)])
async def test_a_customer_detail_sends_a_fixed_handful_of_statements(
    client, factory, world, role: str, extra: int
) -> None:
    [customer] = await _customers(factory, world, 1)
    url = f"/api/v1/customers/{customer.id}"
    assert await _statements(client, url, getattr(world, role).headers) == DETAIL_STATEMENTS + extra


async def test_the_list_and_the_detail_load_contacts_and_faes_without_their_accounts(
    client, factory, world
) -> None:
    """Only the caller's own account is read whole (signing in needs it); the people shown on a
    customer are their id and name, not rows with a password hash."""
    [customer] = await _customers(factory, world, 1)
    for url in ("/api/v1/customers", f"/api/v1/customers/{customer.id}"):
        signing_in, *serving = await _statements_sent(client, url, world.vendor.headers)
        assert "password_hash" in signing_in
        assert [s for s in serving if "password_hash" in s] == []


@pytest.fixture
async def busy(client, factory, world, session) -> None:  # type: ignore[no-untyped-def]
    """a.sales's customers, at least one of every to-do kind."""
    red = await factory.customer(
        world.agent_a, world.a_sales, protection_until=now() + timedelta(days=5)
    )
    late = await factory.customer(world.agent_a, world.a_sales)
    late.approved_at = now() - timedelta(days=20)
    session.add(late)
    await session.commit()
    report = await _report(
        client, world.a_sales, red.id, [_entry(await factory.domain_id(), question="样片？")]
    )
    answer = {"body": "已寄出", "entry_id": report["entries"][0]["id"]}
    vendor = world.vendor.headers
    assert (
        await client.post(f"/api/v1/reports/{report['id']}/comments", json=answer, headers=vendor)
    ).status_code == 201
    asked = await client.post(
        f"/api/v1/customers/{red.id}/extensions",
        json={"reason": "项目即将进入研发"},
        headers=world.a_sales.headers,
    )
    rejected = await client.post(
        f"/api/v1/extensions/{asked.json()['id']}/reject", json={"reason": "再观察"}, headers=vendor
    )
    assert rejected.status_code == 200


@pytest.mark.parametrize("kind", ["turning_red", "overdue", "unread", "answered", "decided"])
async def test_a_to_do_filter_is_part_of_the_list_statement_not_one_more(
    client, world, busy, kind: str
) -> None:
    url = f"/api/v1/customers?limit=20&todo={kind}"
    assert (await client.get(url, headers=world.a_sales.headers)).json()["total"] >= 1
    assert await _statements(client, url, world.a_sales.headers) == LIST_STATEMENTS


@pytest.mark.parametrize("role", ["vendor", "a_sales"])
async def test_the_to_do_strip_counts_every_kind_in_one_statement(
    client, world, busy, role: str
) -> None:
    url = "/api/v1/customers/todo"
    assert await _statements(client, url, getattr(world, role).headers) == TODO_STATEMENTS
