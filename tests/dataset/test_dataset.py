"""`make dataset`: a synthetic channel around the demo logins, at a tiny scale on the test
database (the benchmark runs it at SCALE=1 and more)."""

import pytest
from sqlalchemy import func, select

from api.customers.models import HELD_STATUSES, Customer, CustomerStatus
from api.dataset.plan import DEMO_SHARES, Dataset, build, scaled
from api.dataset.service import NotEmpty, context, generate
from api.demo.password import DEMO_PASSWORD
from api.models import metadata
from api.orders.models import Order, OrderLine

SCALE = 0.01
SEED = 7


async def _signed_in(client, username: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    response = await client.post(
        "/api/v1/auth/login", json={"username": username, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 200, username
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture
async def dataset(session) -> Dataset:  # type: ignore[no-untyped-def]
    progress: list[str] = []
    data = await generate(session, SCALE, SEED, progress.append)
    await session.commit()
    # Progress while it plans (a minute or two at SCALE=5), then per table written, then done.
    planning = [line.split(":")[1].split()[0] for line in progress if line.startswith("planning")]
    assert planning == ["agents", "customers", "projects", "reports", "orders", "announcements"]
    assert progress[-1].startswith("done:")
    return data


async def test_every_planned_row_is_written_through_the_schema(session, dataset) -> None:
    for model, rows in dataset.rows.items():
        table = metadata.tables[model.__tablename__]
        stored = await session.scalar(select(func.count()).select_from(table))
        assert stored >= len(rows) > 0, model.__tablename__
    customers = dataset.rows[Customer]
    assert len(customers) == scaled(20_000, SCALE)
    assert {c["status"] for c in customers} == set(CustomerStatus)
    assert all(line["batches"] for line in dataset.rows[OrderLine])


async def test_the_same_seed_plans_the_same_rows_and_another_seed_other_rows(
    session, dataset
) -> None:
    anchor = await context(session)
    first, again = build(SCALE, SEED, anchor, "hash"), build(SCALE, SEED, anchor, "hash")
    assert first.rows == again.rows
    assert build(SCALE, SEED + 1, anchor, "hash").rows[Customer] != first.rows[Customer]


async def test_a_second_run_leaves_a_filled_database_alone(session, dataset) -> None:
    before = await session.scalar(select(func.count()).select_from(Customer))
    with pytest.raises(NotEmpty):
        await generate(session, SCALE, SEED, print)
    assert await session.scalar(select(func.count()).select_from(Customer)) == before


async def test_demo_logins_sign_in_and_see_their_share(client, dataset) -> None:
    vendor = await _signed_in(client, "vendor")
    everyone = (await client.get("/api/v1/customers", headers=vendor)).json()
    assert everyone["total"] > len(dataset.rows[Customer])
    for username, share in DEMO_SHARES.items():
        headers = await _signed_in(client, username)
        me = (await client.get("/api/v1/me", headers=headers)).json()
        own = (await client.get("/api/v1/customers", headers=headers)).json()
        generated = [c for c in dataset.rows[Customer] if c["contact_user_id"] == me["id"]]
        assert len(generated) >= scaled(share, SCALE)
        assert own["total"] > len(generated)  # the demo's own customers, and the generated ones
        assert {c["contact"]["id"] for c in own["items"]} == {me["id"]}
    held = next(c for c in dataset.rows[Customer] if c["status"] in HELD_STATUSES)
    conflict = await client.get(
        "/api/v1/registrations/check",
        params={"name": held["name"]},
        headers=await _signed_in(client, "a.sales"),
    )
    assert conflict.status_code == 200
    assert conflict.json()["blocked"] is True  # the name index is filled as the app fills it


async def test_the_vendors_statistics_count_every_generated_order_line(client, dataset) -> None:
    # The lines are copied in bulk, past the order service: the month totals are summed after.
    lines = dataset.rows[OrderLine]
    orders = {o["id"]: o for o in dataset.rows[Order]}
    first_day = min(orders[line["order_id"]]["contract_date"] for line in lines)
    stats = await client.get(
        "/api/v1/stats/shipments",
        params={"date_from": first_day.isoformat(), "group_by": "mcu_model"},
        headers=await _signed_in(client, "vendor"),
    )
    # at least: the demo's own orders come on top of the generated ones
    assert stats.json()["total"]["quantity"] >= sum(line["quantity"] for line in lines) > 0
