import pytest

from api.kit.clock import now


@pytest.fixture
async def customer(factory, world):  # type: ignore[no-untyped-def]
    """A's protected customer: a.sales is the contact, a.fae is assigned."""
    from datetime import timedelta

    return await factory.customer(
        world.agent_a,
        world.a_sales,
        name="深圳市宏图智能科技有限公司",
        faes=(world.a_fae,),
        protection_until=now() + timedelta(days=60),
    )


@pytest.fixture
async def domain(factory) -> int:
    return await factory.domain_id()


@pytest.fixture
def entry(domain):  # type: ignore[no-untyped-def]
    def make(
        stage: str = "lead", *, project_id: int | None = None, name: str = "智能电饭煲主控", **extra
    ):  # type: ignore[no-untyped-def]
        body = {"stage": stage, "product_domain_id": domain, "annual_volume": 200000, **extra}
        if project_id is None:
            body["new_project"] = {"name": name, "product": "IH电饭煲"}
        else:
            body["project_id"] = project_id
        return body

    return make


async def submit(
    client,
    actor,
    customer_id: int,
    entries: list,
    news: str = "客户新品规划顺利，预计下月立项",
    **extra,
):  # type: ignore[no-untyped-def]
    return await client.post(
        f"/api/v1/customers/{customer_id}/reports",
        json={"customer_news": news, "entries": entries, **extra},
        headers=actor.headers,
    )
