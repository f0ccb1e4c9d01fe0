"""Rows of the customer lists: A's customers, the pool, extension requests, mass-production
reviews, a customer's other names and FAEs, name-check candidates, legacy imports. Each adds
`count` rows numbered from `first`."""

from datetime import timedelta

from api.agents.models import Agent
from api.authz.roles import Role
from api.customers.models import CustomerFae, CustomerStatus, ProtectionMode
from api.imports.runner import settle
from api.kit.clock import now
from tests.imports.sheets import filled_template, row
from tests.lists.scene import COMPANIES, Scene

CHECKED_NAME = "深圳市宏图电子有限公司"


async def customers(scene: Scene, first: int, count: int) -> None:
    """A's customers, each with its own salesperson, FAE and days left."""
    agent = scene.world.agent_a
    for n in range(first, first + count):
        await scene.factory.customer(
            agent,
            await scene.factory.user(Role.SALES, agent),
            faes=(await scene.factory.user(Role.FAE, agent),),
            protection_until=now() + timedelta(days=30 + n),
        )


async def pool_customers(scene: Scene, first: int, count: int) -> None:
    """Customers in the pool, each released by a new agent."""
    for _ in range(count):
        released_from = await scene.factory.agent()
        await scene.factory.customer(
            None, status=CustomerStatus.RELEASED, released_from=released_from
        )


async def extensions(scene: Scene, first: int, count: int) -> None:
    """A's customers near their end, each with an extension request of its own salesperson."""
    agent = scene.world.agent_a
    for _ in range(count):
        sales = await scene.factory.user(Role.SALES, agent)
        customer = await scene.factory.customer(
            agent, sales, protection_until=now() + timedelta(days=10)
        )
        reason = {"reason": "客户项目即将量产"}
        await scene.post(sales, f"/customers/{customer.id}/extensions", reason)


async def reviews_due(scene: Scene, first: int, count: int) -> None:
    """A's mass-production customers, each of its own salesperson, whose review falls tomorrow."""
    agent = scene.world.agent_a
    for _ in range(count):
        customer = await scene.factory.customer(agent, await scene.factory.user(Role.SALES, agent))
        customer.protection_mode = ProtectionMode.REVIEW
        customer.next_review_at = now() + timedelta(days=1)
        scene.session.add(customer)
        await scene.session.commit()


async def aliases_and_faes(scene: Scene, first: int, count: int) -> None:
    """美达's other names (简称) and FAEs, as many of each."""
    customer_id = scene.ids["customer_id"] = (await scene.book()).customer_id
    for n in range(first, first + count):
        alias = {"kind": "short", "name": f"{COMPANIES[n]}小家电"}
        await scene.post(scene.world.a_admin, f"/customers/{customer_id}/aliases", alias)
        fae = await scene.factory.user(Role.FAE, scene.world.agent_a)
        scene.session.add(CustomerFae(customer_id=customer_id, user_id=fae.id))
        await scene.session.commit()


async def namesakes(scene: Scene, first: int, count: int) -> None:
    """Customers, each held by a new agent, whose names are close to CHECKED_NAME: candidates
    of its name check."""
    for n in range(first, first + count):
        holder = await scene.factory.agent()
        await scene.factory.customer(holder, name=f"深圳市宏图电子{n + 1}厂有限公司")


async def imports(scene: Scene, first: int, count: int) -> None:
    """Legacy imports, each for a new agent, one row each."""
    for n in range(first, first + count):
        agent = await scene.factory.agent()
        await _upload(scene, agent, [f"深圳市{COMPANIES[n]}智能控制有限公司"])


async def import_rows(scene: Scene, first: int, count: int) -> None:
    """A new import for agent A holding every row so far and `count` more."""
    names = [f"深圳市{word}智能控制有限公司" for word in COMPANIES[: first + count]]
    scene.ids["import_id"] = await _upload(scene, scene.world.agent_a, names)


async def _upload(scene: Scene, agent: Agent, names: list[str]) -> int:
    world = scene.world
    contact = world.a_sales.user.display_name  # agent A's: another agent's row is refused
    uploaded = await scene.client.post(
        "/api/v1/imports",
        params={"agent_id": agent.id, "filename": "华南客户.xlsx"},
        content=filled_template([row(name, contact) for name in names]),
        headers={**world.vendor.headers, "Content-Type": "application/octet-stream"},
    )
    assert uploaded.status_code == 202, uploaded.text
    await settle()  # the dry run has checked the rows
    import_id: int = uploaded.json()["id"]
    return import_id
