"""The home page's to-do strip (issue 12 §3): each kind of waiting work is a filter of the home
list (GET /customers?todo=…) and has its count (GET /customers/todo), both scoped like the list."""

from datetime import timedelta

import pytest

from api.authz.roles import Role
from api.customers.models import CustomerStatus
from api.kit.clock import now
from api.projects.stages import ProjectStage
from tests.desk.test_desk import _entry, _report
from tests.registrations.test_applications import apply


@pytest.fixture
async def domain(factory) -> int:
    return await factory.domain_id()


async def _todo(client, actor, kind: str, **params: object) -> list[str]:  # type: ignore[no-untyped-def]
    response = await client.get(
        "/api/v1/customers", params={"todo": kind, **params}, headers=actor.headers
    )
    assert response.status_code == 200, response.text
    return sorted(c["name"] for c in response.json()["items"])


async def _counts(client, actor) -> dict[str, int]:  # type: ignore[no-untyped-def]
    response = await client.get("/api/v1/customers/todo", headers=actor.headers)
    assert response.status_code == 200, response.text
    assert response.json()["recent_days"] == 7
    return {c["kind"]: c["count"] for c in response.json()["counts"]}


async def test_a_customer_turning_red_is_one_whose_protection_ends_in_the_warning_window(
    client, factory, world
) -> None:
    await factory.customer(
        world.agent_a,
        world.a_sales,
        name="深圳市将红电子有限公司",
        protection_until=now() + timedelta(days=10),
    )
    await factory.customer(
        world.agent_a,
        world.a_sales,
        name="深圳市尚早电子有限公司",
        protection_until=now() + timedelta(days=60),
    )
    assert await _todo(client, world.a_sales, "turning_red") == ["深圳市将红电子有限公司"]
    assert (await _counts(client, world.a_sales))["turning_red"] == 1
    assert (await _counts(client, world.b_sales))["turning_red"] == 0


async def test_an_overdue_customer_had_no_report_within_the_follow_up_interval(
    client, factory, world, clock
) -> None:
    await factory.customer(world.agent_a, world.a_sales, name="深圳市久未跟进有限公司")
    clock.move_to(now() + timedelta(days=16), tick=False)
    await factory.customer(world.agent_a, world.a_sales, name="深圳市新近批准有限公司")
    assert await _todo(client, world.a_sales, "overdue") == ["深圳市久未跟进有限公司"]
    assert (await _counts(client, world.a_admin))["overdue"] == 1


async def test_unread_holds_the_customers_with_comments_the_caller_has_not_read(
    client, factory, world, domain
) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales, name="深圳市点评电子有限公司")
    report = await _report(client, world.a_sales, customer.id, [_entry(domain)])
    comment = await client.post(
        f"/api/v1/reports/{report['id']}/comments",
        json={"body": "请补充竞品信息"},
        headers=world.vendor.headers,
    )
    assert comment.status_code == 201
    assert await _todo(client, world.a_sales, "unread") == ["深圳市点评电子有限公司"]
    assert (await _counts(client, world.a_sales))["unread"] == 1
    assert await _todo(client, world.a_admin, "unread") == []  # not theirs to read
    await client.post(f"/api/v1/reports/{report['id']}/read", headers=world.a_sales.headers)
    assert await _todo(client, world.a_sales, "unread") == []
    assert (await _counts(client, world.a_sales))["unread"] == 0


async def test_answered_holds_questions_the_vendor_answered_in_the_last_week(
    client, factory, world, domain, clock
) -> None:
    asked = await factory.customer(world.agent_a, world.a_sales, name="深圳市提问电子有限公司")
    silent = await factory.customer(world.agent_a, world.a_sales, name="深圳市无问电子有限公司")
    question = await _report(
        client, world.a_sales, asked.id, [_entry(domain, question="样片何时到？")]
    )
    plain = await _report(client, world.a_sales, silent.id, [_entry(domain)])
    assert await _todo(client, world.a_sales, "answered") == []  # asked, not answered
    for report in (question, plain):
        answer = await client.post(
            f"/api/v1/reports/{report['id']}/comments",
            json={"body": "下周寄出", "entry_id": report["entries"][0]["id"]},
            headers=world.vendor.headers,
        )
        assert answer.status_code == 201
    assert await _todo(client, world.a_sales, "answered") == ["深圳市提问电子有限公司"]
    assert (await _counts(client, world.a_admin))["answered"] == 1
    clock.move_to(now() + timedelta(days=8), tick=False)
    assert await _todo(client, world.a_sales, "answered") == []
    assert (await _counts(client, world.a_sales))["answered"] == 0


async def test_a_reply_after_the_answer_takes_the_question_off_answered(
    client, factory, world, domain
) -> None:
    asked = await factory.customer(world.agent_a, world.a_sales, name="深圳市追问电子有限公司")
    report = await _report(
        client, world.a_sales, asked.id, [_entry(domain, question="样片何时到？")]
    )
    url, entry_id = f"/api/v1/reports/{report['id']}/comments", report["entries"][0]["id"]
    answer = {"body": "下周寄出", "entry_id": entry_id}
    assert (await client.post(url, json=answer, headers=world.vendor.headers)).status_code == 201
    assert await _todo(client, world.a_sales, "answered") == ["深圳市追问电子有限公司"]
    reply = {"body": "请寄两盒", "entry_id": entry_id}
    assert (await client.post(url, json=reply, headers=world.a_sales.headers)).status_code == 201
    assert await _todo(client, world.a_sales, "answered") == []  # waiting for the vendor again


async def test_decided_holds_registrations_and_extensions_the_vendor_decided_in_the_last_week(
    client, factory, world, domain, clock
) -> None:
    applied = await apply(client, world.a_sales, "深圳市已批电子有限公司", product_domain_id=domain)
    withdrawn = await apply(
        client, world.a_sales, "深圳市撤回机电有限公司", product_domain_id=domain
    )
    extended = await factory.customer(
        world.agent_a,
        world.a_sales,
        name="深圳市延期电子有限公司",
        protection_until=now() + timedelta(days=5),
    )
    asked = await client.post(
        f"/api/v1/customers/{extended.id}/extensions",
        json={"reason": "项目即将进入研发阶段"},
        headers=world.a_sales.headers,
    )
    assert await _todo(client, world.a_sales, "decided") == []  # waiting is not decided
    vendor = world.vendor.headers
    for url, body, actor in (
        (f"/api/v1/registrations/{applied.json()['id']}/approve", {}, vendor),
        (f"/api/v1/extensions/{asked.json()['id']}/reject", {"reason": "跟进不足"}, vendor),
        (f"/api/v1/registrations/{withdrawn.json()['id']}/withdraw", {}, world.a_sales.headers),
    ):
        assert (await client.post(url, json=body, headers=actor)).status_code == 200
    decided = ["深圳市已批电子有限公司", "深圳市延期电子有限公司"]
    assert await _todo(client, world.a_sales, "decided") == decided
    assert (await _counts(client, world.a_admin))["decided"] == 2
    assert (await _counts(client, world.b_admin))["decided"] == 0
    clock.move_to(now() + timedelta(days=8), tick=False)
    assert await _todo(client, world.a_sales, "decided") == []


async def test_the_strip_counts_only_what_the_caller_sees(client, factory, world) -> None:
    soon = now() + timedelta(days=3)
    await factory.customer(world.agent_a, world.a_sales, protection_until=soon, faes=(world.a_fae,))
    await factory.customer(world.agent_a, world.a_sales, protection_until=soon)
    await factory.customer(world.agent_b, world.b_sales, protection_until=soon)
    red = {
        actor: (await _counts(client, getattr(world, actor)))["turning_red"]
        for actor in ("a_admin", "a_sales", "a_fae", "a_assistant", "b_sales", "vendor")
    }
    assert red == {
        "a_admin": 2,
        "a_sales": 2,
        "a_fae": 1,
        "a_assistant": 2,
        "b_sales": 1,
        "vendor": 3,
    }


async def test_the_vendors_strip_has_red_and_overdue_only(client, world) -> None:
    assert list(await _counts(client, world.vendor)) == ["turning_red", "overdue"]
    assert list(await _counts(client, world.a_sales)) == [
        "turning_red",
        "overdue",
        "unread",
        "answered",
        "decided",
    ]


async def test_a_to_do_kind_combines_with_the_other_filters(client, factory, world) -> None:
    soon = now() + timedelta(days=3)
    colleague = await factory.customer(
        world.agent_a, world.a_sales, name="深圳市同事电子有限公司", protection_until=soon
    )
    other = await factory.user(Role.SALES, world.agent_a)
    await factory.customer(
        world.agent_a, other, name="深圳市别人电子有限公司", protection_until=soon
    )
    names = await _todo(client, world.a_admin, "turning_red", contact_user_id=world.a_sales.id)
    assert names == [colleague.name]


async def test_an_unknown_to_do_kind_is_refused(client, world) -> None:
    response = await client.get(
        "/api/v1/customers", params={"todo": "someday"}, headers=world.a_sales.headers
    )
    assert response.status_code == 422 and response.json()["detail"]


async def test_the_home_list_filters_by_salesperson_and_project_stage(
    client, factory, world, session
) -> None:
    mass = await factory.customer(world.agent_a, world.a_sales, name="深圳市量产电子有限公司")
    await factory.customer(world.agent_a, world.a_sales, name="深圳市需求电子有限公司")
    mass.project_stage = ProjectStage.MASS_PRODUCTION
    session.add(mass)
    await session.commit()
    by_stage = await client.get(
        "/api/v1/customers", params={"stage": "mass_production"}, headers=world.a_admin.headers
    )
    assert [c["name"] for c in by_stage.json()["items"]] == ["深圳市量产电子有限公司"]
    by_salesperson = await client.get(
        "/api/v1/customers",
        params={"contact_user_id": world.a_sales.id, "status": [CustomerStatus.PROTECTED.value]},
        headers=world.vendor.headers,
    )
    assert by_salesperson.json()["total"] == 2
    bad = await client.get(
        "/api/v1/customers", params={"stage": "someday"}, headers=world.a_admin.headers
    )
    assert bad.status_code == 422
