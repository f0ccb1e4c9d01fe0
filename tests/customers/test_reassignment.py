"""Bulk reassignment (批量转移, SPEC §4, issue 12 §3): when a salesperson leaves, the master account
hands their customers — all, or the ones chosen — to one or several salespeople of the agent,
dealt in turn; one audit row for the whole action; nothing moves when anything is refused."""

import pytest

from api.authz.roles import Role
from api.customers.models import CustomerStatus
from tests.factories import Actor, Factory, World

URL = "/api/v1/customers/reassign"


@pytest.fixture
async def leaving(factory: Factory, world: World) -> Actor:
    """A salesperson of agent A who left (deactivated), still the contact of their customers."""
    return await factory.user(Role.SALES, world.agent_a, is_active=False)


@pytest.fixture
async def colleague(factory: Factory, world: World) -> Actor:
    return await factory.user(Role.SALES, world.agent_a)


async def _contacts(client, world: World) -> dict[int, int | None]:  # type: ignore[no-untyped-def]
    response = await client.get(
        "/api/v1/customers", params={"limit": 100}, headers=world.a_admin.headers
    )
    return {c["id"]: (c["contact"] or {}).get("id") for c in response.json()["items"]}


async def _audit(client, world: World) -> list[dict]:  # type: ignore[no-untyped-def]
    response = await client.get(
        "/api/v1/audit", params={"action": "customer.reassign"}, headers=world.vendor.headers
    )
    return response.json()["items"]


async def test_the_master_account_hands_all_of_a_leaving_salespersons_customers_to_a_colleague(
    client, factory, world, leaving, colleague
) -> None:
    held = [
        await factory.customer(world.agent_a, leaving),
        await factory.customer(world.agent_a, leaving, status=CustomerStatus.PENDING),
    ]
    rejected = await factory.customer(world.agent_a, leaving, status=CustomerStatus.REJECTED)
    body = {"from_user_id": leaving.id, "to_user_ids": [colleague.id]}
    response = await client.post(URL, json=body, headers=world.a_admin.headers)
    assert response.status_code == 200, response.text
    assert response.json()["count"] == 2
    contacts = await _contacts(client, world)
    assert [contacts[c.id] for c in held] == [colleague.id, colleague.id]
    assert contacts[rejected.id] == leaving.id  # a refused registration is nobody's work
    (row,) = await _audit(client, world)
    assert row["object_type"] == "customer_reassignment" and row["agent_id"] == world.agent_a.id
    assert row["after"]["count"] == 2 and row["after"]["to_user_ids"] == [colleague.id]
    assert row["before"]["contacts"] == {str(c.id): leaving.id for c in held}


async def test_customers_are_dealt_in_turn_over_several_salespeople(
    client, factory, world, leaving, colleague
) -> None:
    customers = [await factory.customer(world.agent_a, leaving) for _ in range(5)]
    body = {"from_user_id": leaving.id, "to_user_ids": [colleague.id, world.a_sales.id]}
    response = await client.post(URL, json=body, headers=world.a_admin.headers)
    ids = [c.id for c in customers]
    assert [(t["user"]["id"], t["customer_ids"]) for t in response.json()["targets"]] == [
        (colleague.id, ids[0::2]),
        (world.a_sales.id, ids[1::2]),
    ]
    contacts = await _contacts(client, world)
    assert [contacts[i] for i in ids] == [colleague.id, world.a_sales.id] * 2 + [colleague.id]
    assert len(await _audit(client, world)) == 1  # one action, one row


async def test_only_the_chosen_customers_are_handed_over(
    client, factory, world, leaving, colleague
) -> None:
    chosen = await factory.customer(world.agent_a, leaving)
    kept = await factory.customer(world.agent_a, leaving)
    body = {"customer_ids": [chosen.id], "to_user_ids": [colleague.id]}
    assert (await client.post(URL, json=body, headers=world.a_admin.headers)).status_code == 200
    contacts = await _contacts(client, world)
    assert (contacts[chosen.id], contacts[kept.id]) == (colleague.id, leaving.id)


@pytest.mark.parametrize("role", ["vendor", "a_sales", "a_fae", "a_assistant"])
async def test_only_the_master_account_reassigns(
    client, factory, world, colleague, role: str
) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales)
    body = {"customer_ids": [customer.id], "to_user_ids": [colleague.id]}
    response = await client.post(URL, json=body, headers=getattr(world, role).headers)
    assert response.status_code == 403


async def test_another_agents_customer_is_refused_and_nothing_moves(
    client, factory, world, colleague
) -> None:
    own = await factory.customer(world.agent_a, world.a_sales)
    foreign = await factory.customer(world.agent_b, world.b_sales)
    pooled = await factory.customer(None, status=CustomerStatus.RELEASED)
    body = {"customer_ids": [own.id, foreign.id, pooled.id], "to_user_ids": [colleague.id]}
    response = await client.post(
        URL, json=body, headers={**world.a_admin.headers, "Accept-Language": "en"}
    )
    assert response.status_code == 422
    assert response.json()["code"] == "reassign_customers_unknown"
    assert response.json()["detail"].startswith("2 of the chosen customers")
    assert (await _contacts(client, world))[own.id] == world.a_sales.id
    assert await _audit(client, world) == []


async def test_a_target_of_another_agent_is_refused_without_being_named(
    client, factory, world
) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales)
    body = {"customer_ids": [customer.id], "to_user_ids": [world.b_sales.id]}
    response = await client.post(URL, json=body, headers=world.a_admin.headers)
    assert response.status_code == 422 and response.json()["code"] == "reassign_target_not_sales"
    assert f"#{world.b_sales.id}" in response.json()["detail"]
    assert world.b_sales.user.display_name not in response.json()["detail"]


async def test_a_target_who_is_not_a_salesperson_is_refused(client, factory, world) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales)
    body = {"customer_ids": [customer.id], "to_user_ids": [world.a_fae.id]}
    response = await client.post(URL, json=body, headers=world.a_admin.headers)
    assert response.status_code == 422 and response.json()["code"] == "reassign_target_not_sales"
    assert world.a_fae.user.display_name in response.json()["detail"]


async def test_an_inactive_salesperson_cannot_take_customers(
    client, factory, world, leaving
) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales)
    body = {"customer_ids": [customer.id], "to_user_ids": [leaving.id]}
    response = await client.post(URL, json=body, headers=world.a_admin.headers)
    assert response.status_code == 422 and response.json()["code"] == "reassign_target_inactive"
    assert "停用" in response.json()["detail"]


async def test_the_person_handing_over_must_be_of_the_agent_and_not_a_receiver(
    client, world, colleague
) -> None:
    foreign = {"from_user_id": world.b_sales.id, "to_user_ids": [colleague.id]}
    response = await client.post(URL, json=foreign, headers=world.a_admin.headers)
    assert response.status_code == 422 and response.json()["code"] == "reassign_source_unknown"
    circular = {"from_user_id": colleague.id, "to_user_ids": [colleague.id]}
    response = await client.post(URL, json=circular, headers=world.a_admin.headers)
    assert response.status_code == 422 and response.json()["code"] == "reassign_source_is_target"


async def test_a_salesperson_without_customers_has_nothing_to_hand_over(
    client, world, leaving, colleague
) -> None:
    body = {"from_user_id": leaving.id, "to_user_ids": [colleague.id]}
    response = await client.post(URL, json=body, headers=world.a_admin.headers)
    assert response.status_code == 422 and response.json()["code"] == "reassign_nothing"
    assert await _audit(client, world) == []


@pytest.mark.parametrize(
    "body",
    [
        {"to_user_ids": [1]},  # neither customers nor a person
        {"customer_ids": [1], "from_user_id": 2, "to_user_ids": [3]},  # both
        {"customer_ids": [], "to_user_ids": [3]},
        {"customer_ids": [1], "to_user_ids": []},
    ],
)
async def test_the_request_names_customers_or_a_person_and_at_least_one_receiver(
    client, world, body: dict
) -> None:
    response = await client.post(URL, json=body, headers=world.a_admin.headers)
    assert response.status_code == 422 and response.json()["detail"]
