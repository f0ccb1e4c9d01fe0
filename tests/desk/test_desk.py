"""The desk (工作台, issue 12 §2): every pending thing in front of the right person — scoped by
role, applications oldest first (先报先得), reports new since the person last looked, questions
open until a vendor comment answers them, mass-production reviews due."""

from datetime import timedelta

import pytest

from api.customers.models import ProtectionMode
from api.kit.clock import now
from tests.registrations.test_applications import apply


@pytest.fixture
async def domain(factory) -> int:
    return await factory.domain_id()


@pytest.fixture
async def a_customer(factory, world):  # type: ignore[no-untyped-def]
    return await factory.customer(world.agent_a, world.a_sales, name="深圳市宏图智能科技有限公司")


@pytest.fixture
async def b_customer(factory, world):  # type: ignore[no-untyped-def]
    return await factory.customer(world.agent_b, world.b_sales, name="杭州市远望电器有限公司")


def _entry(domain: int, stage: str = "lead", question: str = "", name: str = "智能电饭煲主控"):  # type: ignore[no-untyped-def]
    return {
        "stage": stage,
        "product_domain_id": domain,
        "annual_volume": 200000,
        "open_questions": question,
        "new_project": {"name": name, "product": "IH电饭煲"},
    }


async def _report(client, actor, customer_id: int, entries: list) -> dict:  # type: ignore[no-untyped-def]
    response = await client.post(
        f"/api/v1/customers/{customer_id}/reports",
        json={"customer_news": "客户新品规划顺利，预计下月立项", "entries": entries},
        headers=actor.headers,
    )
    assert response.status_code == 201, response.text
    return response.json()


def _counts(desk: dict) -> dict[str, int]:
    return {q["key"]: q["count"] for q in desk["queues"]}


async def _desk(client, actor) -> dict:  # type: ignore[no-untyped-def]
    response = await client.get("/api/v1/desk", headers=actor.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_registrations_wait_oldest_first_with_their_age_in_days(
    client, world, domain, clock
) -> None:
    clock.move_to(now() - timedelta(days=5), tick=False)
    first = await apply(client, world.a_sales, "深圳市先到电子有限公司", product_domain_id=domain)
    clock.move_to(now() + timedelta(days=3), tick=False)
    second = await apply(client, world.b_sales, "上海市后到机电有限公司", product_domain_id=domain)
    clock.move_to(now() + timedelta(days=2), tick=False)
    desk = await _desk(client, world.vendor)
    waiting = [(r["id"], r["age_days"]) for r in desk["registrations"]]
    assert waiting == [(first.json()["id"], 5), (second.json()["id"], 2)]
    assert _counts(desk)["registrations"] == 2
    assert desk["registrations"][0]["agent"]["name"] == "华南代理"


async def test_extensions_wait_with_the_follow_up_evidence_beside_them(
    client, world, a_customer, domain
) -> None:
    await _report(client, world.a_sales, a_customer.id, [_entry(domain)])
    requested = await client.post(
        f"/api/v1/customers/{a_customer.id}/extensions",
        json={"reason": "客户项目即将立项，需要继续跟进"},
        headers=world.a_sales.headers,
    )
    assert requested.status_code == 201
    desk = await _desk(client, world.vendor)
    (extension,) = desk["extensions"]
    assert extension["evidence"]["reports_last_90_days"] == 1
    assert extension["age_days"] == 0 and _counts(desk)["extensions"] == 1


async def test_an_agent_never_sees_another_agents_items_on_the_desk(
    client, world, a_customer, b_customer, domain
) -> None:
    await apply(client, world.b_sales, "上海市后到机电有限公司", product_domain_id=domain)
    await _report(client, world.b_sales, b_customer.id, [_entry(domain, question="能否提供样片？")])
    for actor in (world.a_admin, world.a_sales):
        desk = await _desk(client, actor)
        assert desk["registrations"] == [] and all(c == 0 for c in _counts(desk).values())
        questions = await client.get("/api/v1/questions", headers=actor.headers)
        assert questions.json() == {"items": [], "total": 0}
        reports = await client.get("/api/v1/desk/reports", headers=actor.headers)
        assert reports.json()["total"] == 0
    own = await client.get("/api/v1/questions", headers=world.b_sales.headers)
    assert own.json()["total"] == 1
    assert _counts(await _desk(client, world.vendor))["open_questions"] == 1


async def test_reports_are_new_until_the_person_marks_the_desk_seen(
    client, world, a_customer, domain, clock
) -> None:
    await _report(client, world.a_sales, a_customer.id, [_entry(domain)])
    assert _counts(await _desk(client, world.vendor))["new_reports"] == 1
    seen = await client.post("/api/v1/desk/seen", headers=world.vendor.headers)
    assert seen.status_code == 200
    assert _counts(await _desk(client, world.vendor))["new_reports"] == 0
    clock.move_to(now() + timedelta(hours=1), tick=False)
    later = await _report(client, world.a_admin, a_customer.id, [_entry(domain, name="吹风机")])
    listed = (await client.get("/api/v1/desk/reports", headers=world.vendor.headers)).json()
    assert [r["id"] for r in listed["items"]] == [later["id"]]
    other_vendor_desk = await _desk(client, world.a_admin)
    assert other_vendor_desk["seen_at"] is None  # the marker is the person's own


async def test_new_reports_filter_by_agent_domain_and_stage_change(
    client, world, a_customer, b_customer, domain, factory
) -> None:
    first = await _report(client, world.a_sales, a_customer.id, [_entry(domain, "approved")])
    project = first["entries"][0]["project"]["id"]
    same_stage = {**_entry(domain, "approved"), "project_id": project}
    del same_stage["new_project"]
    entered_rd = {**same_stage, "stage": "development", "open_questions": "样片何时到？"}
    await _report(client, world.a_sales, a_customer.id, [same_stage])
    moved = await _report(client, world.a_sales, a_customer.id, [entered_rd])
    other_domain = await factory.domain_id("电机控制")
    b_report = await _report(client, world.b_sales, b_customer.id, [_entry(other_domain)])

    async def ids(**params: object) -> list[int]:
        response = await client.get(
            "/api/v1/desk/reports", params=params, headers=world.vendor.headers
        )
        return [r["id"] for r in response.json()["items"]]

    assert await ids(agent_id=world.agent_b.id) == [b_report["id"]]
    assert await ids(product_domain_id=other_domain) == [b_report["id"]]
    changed = await ids(stage="development", stage_changed=True)
    assert changed == [moved["id"]]
    item = (
        await client.get(
            "/api/v1/desk/reports", params={"stage": "development"}, headers=world.vendor.headers
        )
    ).json()["items"][0]
    assert item["entries"][0]["previous_stage"] == "approved"
    assert item["entries"][0]["open_questions"] == "样片何时到？"
    assert first["id"] in await ids(stage_changed=True)
    assert await ids(stage_changed=False) == [
        r for r in await ids() if r not in await ids(stage_changed=True)
    ]


async def test_a_question_is_answered_once_a_vendor_comments_on_its_entry(
    client, world, a_customer, domain, clock
) -> None:
    report = await _report(
        client, world.a_sales, a_customer.id, [_entry(domain, question="能否提供样片？")]
    )
    entry_id = report["entries"][0]["id"]
    clock.move_to(now() + timedelta(days=3), tick=False)
    (open_question,) = (
        await client.get("/api/v1/questions?status=open", headers=world.vendor.headers)
    ).json()["items"]
    assert open_question["entry_id"] == entry_id and open_question["age_days"] == 3
    assert open_question["question"] == "能否提供样片？" and open_question["answered_at"] is None
    answer = await client.post(
        f"/api/v1/reports/{report['id']}/comments",
        json={"body": "下周寄出", "entry_id": entry_id},
        headers=world.vendor.headers,
    )
    assert answer.status_code == 201
    still_open = await client.get("/api/v1/questions?status=open", headers=world.vendor.headers)
    assert still_open.json()["total"] == 0
    answered = await client.get("/api/v1/questions?status=answered", headers=world.a_sales.headers)
    assert [q["entry_id"] for q in answered.json()["items"]] == [entry_id]
    assert answered.json()["items"][0]["answered_at"] is not None


async def test_entries_without_a_question_are_no_thread(client, world, a_customer, domain) -> None:
    await _report(client, world.a_sales, a_customer.id, [_entry(domain, question="   ")])
    response = await client.get("/api/v1/questions", headers=world.vendor.headers)
    assert response.json()["total"] == 0


async def test_questions_refuse_an_unknown_status(client, world) -> None:
    response = await client.get("/api/v1/questions?status=maybe", headers=world.vendor.headers)
    assert response.status_code == 422


async def test_mass_production_reviews_due_and_overdue_most_overdue_first(
    client, world, factory, session
) -> None:
    overdue = await factory.customer(world.agent_a, world.a_sales, name="深圳市逾期复核有限公司")
    due = await factory.customer(world.agent_b, world.b_sales, name="杭州市即将复核有限公司")
    later = await factory.customer(world.agent_a, world.a_sales, name="广州市明年复核有限公司")
    for customer, days in ((overdue, -3), (due, 5), (later, 200)):
        customer.protection_mode = ProtectionMode.REVIEW
        customer.next_review_at = now() + timedelta(days=days, hours=1)
        session.add(customer)
    await session.commit()
    listed = (await client.get("/api/v1/reviews/due", headers=world.vendor.headers)).json()
    assert [(r["customer"]["id"], r["overdue"]) for r in listed] == [
        (overdue.id, True),
        (due.id, False),
    ]
    assert _counts(await _desk(client, world.vendor))["reviews_due"] == 2
    own = (await client.get("/api/v1/reviews/due", headers=world.b_sales.headers)).json()
    assert [r["customer"]["id"] for r in own] == [due.id]
    kept = await client.post(
        f"/api/v1/customers/{overdue.id}/review",
        json={"keep": True, "reason": "量产稳定"},
        headers=world.vendor.headers,
    )
    assert kept.status_code == 200, kept.text
    listed = (await client.get("/api/v1/reviews/due", headers=world.vendor.headers)).json()
    assert [r["customer"]["id"] for r in listed] == [due.id]


async def _comment(client, actor, report_id: int, body: str, entry_id: int | None):  # type: ignore[no-untyped-def]
    return await client.post(
        f"/api/v1/reports/{report_id}/comments",
        json={"body": body, "entry_id": entry_id},
        headers=actor.headers,
    )


async def _open_ids(client, actor) -> list[int]:  # type: ignore[no-untyped-def]
    response = await client.get("/api/v1/questions?status=open", headers=actor.headers)
    return [q["entry_id"] for q in response.json()["items"]]


async def test_the_agent_replies_in_a_question_thread_and_the_question_is_open_again(
    client, world, a_customer, domain, clock
) -> None:
    report = await _report(
        client, world.a_sales, a_customer.id, [_entry(domain, question="能否提供样片？")]
    )
    entry_id = report["entries"][0]["id"]
    assert (
        await _comment(client, world.vendor, report["id"], "下周寄出", entry_id)
    ).status_code == 201
    assert await _open_ids(client, world.vendor) == []

    clock.move_to(now() + timedelta(days=2), tick=False)
    reply = await _comment(client, world.a_sales, report["id"], "需要两盒，寄到苏州工厂", entry_id)
    assert reply.status_code == 201, reply.text
    assert await _open_ids(client, world.vendor) == [entry_id]
    (thread,) = (await client.get("/api/v1/questions", headers=world.vendor.headers)).json()[
        "items"
    ]
    assert thread["answered"] is False and thread["replied_at"] is not None
    assert thread["age_days"] == 0  # the wait starts again at the reply

    # The vendor answers the reply (within the same instant: ids order the thread).
    assert (await _comment(client, world.vendor, report["id"], "好的", entry_id)).status_code == 201
    assert await _open_ids(client, world.vendor) == []


async def test_the_agent_side_comments_only_in_the_thread_of_a_question(
    client, world, a_customer, domain
) -> None:
    report = await _report(
        client,
        world.a_sales,
        a_customer.id,
        [_entry(domain, question="能否提供样片？"), _entry(domain, name="空调主控")],
    )
    asked, silent = (e["id"] for e in report["entries"])
    on_report = await _comment(client, world.a_sales, report["id"], "补充一点", None)
    on_silent_entry = await _comment(client, world.a_sales, report["id"], "补充一点", silent)
    assert on_report.status_code == on_silent_entry.status_code == 403
    foreign = await _comment(client, world.b_sales, report["id"], "我也想知道", asked)
    assert foreign.status_code == 404  # another agent's report does not exist for them


async def test_a_reply_is_unread_for_the_vendor_who_answered_and_mailed_to_them(
    client, world, a_customer, domain, session
) -> None:
    from tests.notifications.mail import outbox

    report = await _report(
        client, world.a_sales, a_customer.id, [_entry(domain, question="能否提供样片？")]
    )
    entry_id = report["entries"][0]["id"]
    await _comment(client, world.vendor, report["id"], "下周寄出", entry_id)
    await _comment(client, world.a_sales, report["id"], "寄到苏州工厂", entry_id)
    unread = await client.get("/api/v1/me/unread-comments", headers=world.vendor.headers)
    assert unread.json()["total"] == 1
    replies = [m for m in await outbox(session) if m.kind == "question_reply"]
    assert [m.to_email for m in replies] == [world.vendor.user.email]
    assert "寄到苏州工厂" in replies[0].body and "能否提供样片？" in replies[0].body
