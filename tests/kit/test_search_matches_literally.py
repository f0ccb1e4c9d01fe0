"""Issue 11 §4: a % or _ typed in a search box is that character, not a LIKE wildcard, in every
search (customers, pool, agents, people, MCU models)."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from api.authz.roles import Role
from api.catalog.models import McuModel
from api.customers.models import CustomerStatus
from tests.factories import Actor, Factory, World

# Distinct once normalised (customer names are unique by their key, symbols removed).
NAMES = ["LIT%1", "LIT11", "LIT_2", "LITX2"]


@dataclass(frozen=True)
class Family:
    url: str
    param: str
    field: str
    reader: Callable[[World], Actor]
    make: Callable[[Factory, World, str], Awaitable[Any]]


async def _mcu_model(factory: Factory, world: World, name: str) -> None:
    factory.session.add(McuModel(part_number=name, series="LIT"))
    await factory.session.commit()


FAMILIES = {
    "customers": Family(
        "/api/v1/customers",
        "search",
        "name",
        lambda w: w.vendor,
        lambda f, w, name: f.customer(w.agent_a, w.a_sales, name=name),
    ),
    "pool": Family(
        "/api/v1/pool",
        "search",
        "name",
        lambda w: w.b_sales,
        lambda f, w, name: f.customer(None, status=CustomerStatus.RELEASED, name=name),
    ),
    "agents": Family(
        "/api/v1/agents", "search", "name", lambda w: w.vendor, lambda f, w, name: f.agent(name)
    ),
    "users": Family(
        "/api/v1/users",
        "search",
        "username",
        lambda w: w.vendor,
        lambda f, w, name: f.user(Role.SALES, w.agent_a, username=name),
    ),
    "mcu models": Family(
        "/api/v1/mcu-models/page", "q", "part_number", lambda w: w.vendor, _mcu_model
    ),
}


@pytest.mark.parametrize("family", FAMILIES.values(), ids=FAMILIES.keys())
@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("%", {"LIT%1"}),
        ("_", {"LIT_2"}),
        ("t%1", {"LIT%1"}),
        ("t_2", {"LIT_2"}),
        ("LIT", set(NAMES)),
    ],
)
async def test_percent_and_underscore_in_a_search_match_only_themselves(
    client, factory, world, family: Family, typed: str, found: set[str]
) -> None:
    for name in NAMES:
        await family.make(factory, world, name)
    response = await client.get(
        family.url,
        params={family.param: typed, "page_size": 100},
        headers=family.reader(world).headers,
    )
    assert response.status_code == 200, response.text
    assert {item[family.field] for item in response.json()["items"]} == found
