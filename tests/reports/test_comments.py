"""点评 (SPEC §7): the vendor comments on a report or an entry; the author (and the contact) has
it unread — their name shows green on the home page — until they open the report."""

from tests.reports.conftest import submit


async def _report(client, world, customer, entry) -> dict:  # type: ignore[no-untyped-def]
    return (await submit(client, world.a_sales, customer.id, [entry("approved")])).json()


async def test_vendor_comment_makes_the_authors_unread_count_one_and_reading_makes_it_zero(
    client, world, customer, entry
) -> None:
    report = await _report(client, world, customer, entry)
    posted = await client.post(
        f"/api/v1/reports/{report['id']}/comments",
        json={"body": "建议尽快安排FAE拜访"},
        headers=world.vendor.headers,
    )
    assert posted.status_code == 201
    unread = await client.get("/api/v1/me/unread-comments", headers=world.a_sales.headers)
    assert unread.json()["total"] == 1 and unread.json()["reports"][0]["customer_id"] == customer.id
    home = (await client.get("/api/v1/customers", headers=world.a_sales.headers)).json()["items"][0]
    assert home["unread_comments"] == 1
    opened = await client.get(f"/api/v1/reports/{report['id']}", headers=world.a_sales.headers)
    assert opened.json()["comments"][0]["unread"] is True
    await client.post(f"/api/v1/reports/{report['id']}/read", headers=world.a_sales.headers)
    assert (await client.get("/api/v1/me/unread-comments", headers=world.a_sales.headers)).json()[
        "total"
    ] == 0


async def test_comment_on_one_entry(client, world, customer, entry) -> None:
    report = await _report(client, world, customer, entry)
    entry_id = report["entries"][0]["id"]
    posted = await client.post(
        f"/api/v1/reports/{report['id']}/comments",
        json={"body": "年预期偏乐观", "entry_id": entry_id},
        headers=world.vendor.headers,
    )
    assert posted.json()["entry_id"] == entry_id
    foreign = await client.post(
        f"/api/v1/reports/{report['id']}/comments",
        json={"body": "x", "entry_id": 999999},
        headers=world.vendor.headers,
    )
    assert foreign.status_code == 422


async def test_only_the_vendor_comments(client, world, customer, entry) -> None:
    report = await _report(client, world, customer, entry)
    for actor in (world.a_admin, world.a_sales):
        response = await client.post(
            f"/api/v1/reports/{report['id']}/comments", json={"body": "x"}, headers=actor.headers
        )
        assert response.status_code == 403


async def test_the_contact_also_gets_the_comment_unread(
    client, factory, world, customer, entry
) -> None:
    report = (await submit(client, world.a_admin, customer.id, [entry()])).json()
    await client.post(
        f"/api/v1/reports/{report['id']}/comments",
        json={"body": "请补充节点"},
        headers=world.vendor.headers,
    )
    assert (await client.get("/api/v1/me/unread-comments", headers=world.a_admin.headers)).json()[
        "total"
    ] == 1
    assert (await client.get("/api/v1/me/unread-comments", headers=world.a_sales.headers)).json()[
        "total"
    ] == 1
