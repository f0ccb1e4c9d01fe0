"""Rows of the administration lists: people, agents (and the scorecard's rows), announcements,
tokens, the catalogue, registrations, the mail they queue and the applications waiting on the
desk. Each adds `count` rows numbered from `first`."""

from api.authz.roles import Role
from tests.lists import customers
from tests.lists.scene import COMPANIES, Scene


async def sales_people(scene: Scene, first: int, count: int) -> None:
    """Salespeople, each of a new agent."""
    for _ in range(count):
        await scene.factory.user(Role.SALES, await scene.factory.agent())


async def agents(scene: Scene, first: int, count: int) -> None:
    for _ in range(count):
        await scene.factory.agent()


async def announcements(scene: Scene, first: int, count: int) -> None:
    """Announcements for everybody (each one an audit row too)."""
    for n in range(first, first + count):
        body = {"title": f"通知{n}", "body": "放假安排"}
        await scene.post(scene.world.vendor, "/announcements", body)


async def profile_edits(scene: Scene, first: int, count: int) -> None:
    """People of new agents who each changed their name: an audit row each, by its own actor."""
    for n in range(first, first + count):
        person = await scene.factory.user(Role.SALES, await scene.factory.agent())
        body = {"display_name": f"销售{n}"}
        edited = await scene.client.patch("/api/v1/me", json=body, headers=person.headers)
        assert edited.status_code == 200, edited.text


async def readers(scene: Scene, first: int, count: int) -> None:
    """People of agent A who read an announcement to agent A (its audience grows with them)."""
    world = scene.world
    if "announcement_id" not in scene.ids:
        body = {"title": "华南通知", "body": "请阅读", "audience": "agent"}
        announced = await scene.post(
            world.vendor, "/announcements", {**body, "agent_id": world.agent_a.id}
        )
        scene.ids["announcement_id"] = announced["id"]
    for _ in range(count):
        reader = await scene.factory.user(Role.SALES, world.agent_a)
        await scene.post(reader, f"/announcements/{scene.ids['announcement_id']}/acknowledge", {})


async def api_tokens(scene: Scene, first: int, count: int) -> None:
    for n in range(first, first + count):
        body = {"name": f"ERP计划系统{n}", "scopes": ["forecast:read"]}
        await scene.post(scene.world.vendor, "/api-tokens", body)


async def product_domains(scene: Scene, first: int, count: int) -> None:
    for n in range(first, first + count):
        body = {"name": f"新领域{n}", "typical_products": [f"产品{n}"]}
        await scene.post(scene.world.vendor, "/product-domains", body)


async def mcu_models(scene: Scene, first: int, count: int) -> None:
    for n in range(first, first + count):
        await new_mcu_model(scene, n)


async def new_mcu_model(scene: Scene, n: int) -> int:
    body = {"part_number": f"CD32T{n:03d}C8T6", "series": "CD32T", "core": "M0+"}
    model_id: int = (await scene.post(scene.world.vendor, "/mcu-models", body))["id"]
    return model_id


async def registrations(scene: Scene, first: int, count: int) -> None:
    """Applications for new customers, each by a new salesperson of agent A (each one mails
    the vendor's staff)."""
    domain = await scene.factory.domain_id()
    for word in COMPANIES[first : first + count]:
        applicant = await scene.factory.user(Role.SALES, scene.world.agent_a)
        body = {
            "name": f"深圳市{word}电子有限公司",
            "province": "广东省",
            "city": "深圳市",
            "product_domain_id": domain,
            "annual_mcu_usage_wan": 80,
        }
        await scene.post(applicant, "/registrations", body)


async def name_checkers(scene: Scene, first: int, count: int) -> None:
    """Salespeople of new agents who each checked a name (the probing list)."""
    for n in range(first, first + count):
        checker = await scene.factory.user(Role.SALES, await scene.factory.agent())
        checked = await scene.client.get(
            "/api/v1/registrations/check",
            params={"name": f"深圳市{COMPANIES[n]}电子有限公司"},
            headers=checker.headers,
        )
        assert checked.status_code == 200, checked.text


async def agents_with_people(scene: Scene, first: int, count: int) -> None:
    """Agents with a salesperson and a customer: a scorecard row each."""
    for _ in range(count):
        agent = await scene.factory.agent()
        sales = await scene.factory.user(Role.SALES, agent)
        await scene.factory.customer(agent, sales)


async def waiting_applications(scene: Scene, first: int, count: int) -> None:
    """A registration and an extension request waiting, per row."""
    await registrations(scene, first, count)
    await customers.extensions(scene, first, count)
