"""Follow-up reports (客户跟进, SPEC §7): customer news plus project entries; projects keep
their history; stages drive protection; edits keep versions."""

import asyncio
from datetime import timedelta

from api.kit.clock import add_months, now, today
from tests.reports.conftest import submit


async def test_report_needs_customer_news(client, world, customer, entry) -> None:
    response = await submit(client, world.a_sales, customer.id, [entry()], news="")
    assert response.status_code == 422


async def test_entry_with_a_new_project_creates_it(client, world, customer, entry) -> None:
    response = await submit(
        client, world.a_sales, customer.id, [entry("approved", milestone_text="12月打样")]
    )
    assert response.status_code == 201, response.text
    projects = (
        await client.get(f"/api/v1/customers/{customer.id}/projects", headers=world.a_sales.headers)
    ).json()
    assert [(p["name"], p["stage"], p["milestone_text"]) for p in projects] == [
        ("智能电饭煲主控", "approved", "12月打样")
    ]


async def test_importing_an_existing_project_carries_its_current_values(
    client, world, customer, entry
) -> None:
    await submit(
        client,
        world.a_sales,
        customer.id,
        [entry("approved", annual_volume=150000, progress="方案评估")],
    )
    project = (
        await client.get(f"/api/v1/customers/{customer.id}/projects", headers=world.a_sales.headers)
    ).json()[0]
    assert (project["stage"], project["annual_volume"], project["progress"]) == (
        "approved",
        150000,
        "方案评估",
    )
    imported = entry(
        "approved",
        project_id=project["id"],
        annual_volume=project["annual_volume"],
        progress="样品已送",
    )
    second = await submit(client, world.a_sales, customer.id, [imported])
    assert second.status_code == 201
    history = (
        await client.get(f"/api/v1/projects/{project['id']}", headers=world.a_sales.headers)
    ).json()["history"]
    assert [h["progress"] for h in history] == ["方案评估", "样品已送"]


async def test_stage_rd_extends_protection_to_at_least_six_months(
    client, world, customer, entry
) -> None:
    response = await submit(client, world.a_sales, customer.id, [entry("development")])
    assert response.status_code == 201
    detail = (
        await client.get(f"/api/v1/customers/{customer.id}", headers=world.a_sales.headers)
    ).json()
    assert detail["protection_until"][:10] == add_months(now(), 6).isoformat()[:10]
    assert detail["project_stage"] == "development"


async def test_stage_rd_never_shortens_protection(client, factory, world, entry) -> None:
    long_protected = await factory.customer(
        world.agent_a, world.a_sales, protection_until=now() + timedelta(days=300)
    )
    await submit(client, world.a_sales, long_protected.id, [entry("development")])
    detail = (
        await client.get(f"/api/v1/customers/{long_protected.id}", headers=world.a_sales.headers)
    ).json()
    assert detail["protection_until"][:10] == (now() + timedelta(days=300)).isoformat()[:10]


async def test_staying_in_rd_does_not_extend_again(client, world, customer, entry, clock) -> None:
    first = (await submit(client, world.a_sales, customer.id, [entry("development")])).json()
    until = (
        await client.get(f"/api/v1/customers/{customer.id}", headers=world.a_sales.headers)
    ).json()["protection_until"]
    later = now() + timedelta(days=20)
    clock.move_to(later, tick=False)
    project_id = first["entries"][0]["project"]["id"]
    await submit(client, world.a_sales, customer.id, [entry("development", project_id=project_id)])
    again = (
        await client.get(f"/api/v1/customers/{customer.id}", headers=world.a_sales.headers)
    ).json()
    assert again["protection_until"] == until


async def test_mass_production_stage_switches_to_periodic_review(
    client, world, customer, entry
) -> None:
    await submit(client, world.a_sales, customer.id, [entry("mass_production")])
    detail = (
        await client.get(f"/api/v1/customers/{customer.id}", headers=world.a_sales.headers)
    ).json()
    assert detail["protection_mode"] == "review" and detail["next_review_at"] is not None


async def test_customer_stage_is_its_most_advanced_project(client, world, customer, entry) -> None:
    await submit(
        client,
        world.a_sales,
        customer.id,
        [
            entry("small_batch", name="吹风机"),
            entry("lost", name="电水壶"),
            entry("lead", name="加湿器"),
        ],
    )
    detail = (
        await client.get(f"/api/v1/customers/{customer.id}", headers=world.a_sales.headers)
    ).json()
    assert detail["project_stage"] == "small_batch"


async def test_edit_keeps_history(client, world, customer, entry) -> None:
    report = (await submit(client, world.a_sales, customer.id, [entry("approved")])).json()
    project_id = report["entries"][0]["project"]["id"]
    edited = await client.put(
        f"/api/v1/reports/{report['id']}",
        json={
            "version": report["version"],
            "customer_news": "更正：客户已完成立项评审",
            "entries": [entry("approved", project_id=project_id, progress="更正")],
        },
        headers=world.a_sales.headers,
    )
    assert edited.status_code == 200 and edited.json()["version"] == 2
    history = await client.get(
        f"/api/v1/reports/{report['id']}/revisions", headers=world.vendor.headers
    )
    assert [(r["version"], r["content"]["customer_news"]) for r in history.json()] == [
        (1, "客户新品规划顺利，预计下月立项")
    ]
    assert (
        await client.get(f"/api/v1/reports/{report['id']}/revisions", headers=world.a_sales.headers)
    ).status_code == 403


async def test_editing_an_older_report_does_not_change_the_project(
    client, world, customer, entry
) -> None:
    old = (
        await submit(
            client,
            world.a_sales,
            customer.id,
            [entry("approved")],
            report_date=(today() - timedelta(days=7)).isoformat(),
        )
    ).json()
    project_id = old["entries"][0]["project"]["id"]
    await submit(
        client,
        world.a_sales,
        customer.id,
        [entry("development", project_id=project_id, progress="最新")],
    )
    await client.put(
        f"/api/v1/reports/{old['id']}",
        json={
            "version": old["version"],
            "customer_news": old["customer_news"],
            "entries": [entry("lead", project_id=project_id, progress="旧报告更正")],
        },
        headers=world.a_sales.headers,
    )
    project = (
        await client.get(f"/api/v1/projects/{project_id}", headers=world.a_sales.headers)
    ).json()
    assert (project["stage"], project["progress"]) == ("development", "最新")


async def test_editing_the_latest_report_reapplies_the_project_state(
    client, world, customer, entry
) -> None:
    report = (await submit(client, world.a_sales, customer.id, [entry("approved")])).json()
    project_id = report["entries"][0]["project"]["id"]
    await client.put(
        f"/api/v1/reports/{report['id']}",
        json={
            "version": report["version"],
            "customer_news": report["customer_news"],
            "entries": [entry("small_batch", project_id=project_id)],
        },
        headers=world.a_sales.headers,
    )
    project = (
        await client.get(f"/api/v1/projects/{project_id}", headers=world.a_sales.headers)
    ).json()
    assert project["stage"] == "small_batch"


async def test_fae_cannot_edit_customer_news_but_writes_project_entries(
    client, world, customer, entry
) -> None:
    report = (await submit(client, world.a_sales, customer.id, [entry("approved")])).json()
    project_id = report["entries"][0]["project"]["id"]
    news_change = await client.put(
        f"/api/v1/reports/{report['id']}",
        json={
            "version": report["version"],
            "customer_news": "FAE改的动态",
            "entries": [entry("approved", project_id=project_id)],
        },
        headers=world.a_fae.headers,
    )
    assert news_change.status_code == 403 and news_change.json()["code"] == "fae_cannot_edit_news"
    entries_only = await client.put(
        f"/api/v1/reports/{report['id']}",
        json={
            "version": report["version"],
            "customer_news": report["customer_news"],
            "entries": [
                entry("approved", project_id=project_id, open_questions="ADC精度需要原厂确认"),
                entry("lead", name="FAE新项目"),
            ],
        },
        headers=world.a_fae.headers,
    )
    assert entries_only.status_code == 200
    assert {e["written_by_id"] for e in entries_only.json()["entries"]} == {world.a_fae.id}
    assert (await submit(client, world.a_fae, customer.id, [entry()])).status_code == 403


async def test_entries_cannot_be_removed_by_an_edit(client, world, customer, entry) -> None:
    report = (await submit(client, world.a_sales, customer.id, [entry("approved")])).json()
    response = await client.put(
        f"/api/v1/reports/{report['id']}",
        json={"customer_news": "只剩动态", "entries": [], "version": 1},
        headers=world.a_sales.headers,
    )
    assert response.status_code == 422 and response.json()["code"] == "entries_cannot_be_removed"


async def test_agent_b_cannot_read_a_reports(client, world, customer, entry) -> None:
    report = (await submit(client, world.a_sales, customer.id, [entry()])).json()
    for actor in (world.b_admin, world.b_sales):
        assert (
            await client.get(f"/api/v1/reports/{report['id']}", headers=actor.headers)
        ).status_code == 404
        listed = await client.get(f"/api/v1/customers/{customer.id}/reports", headers=actor.headers)
        assert listed.json()["total"] == 0
        project_id = report["entries"][0]["project"]["id"]
        assert (
            await client.get(f"/api/v1/projects/{project_id}", headers=actor.headers)
        ).status_code == 404


async def test_another_salesperson_of_the_agent_cannot_write_or_read(
    client, factory, world, customer, entry
) -> None:
    from api.authz.roles import Role

    colleague = await factory.user(Role.SALES, world.agent_a)
    assert (await submit(client, colleague, customer.id, [entry()])).status_code == 404


async def test_assistant_reads_reports_but_cannot_write(client, world, customer, entry) -> None:
    report = (await submit(client, world.a_sales, customer.id, [entry()])).json()
    assert (
        await client.get(f"/api/v1/reports/{report['id']}", headers=world.a_assistant.headers)
    ).status_code == 200
    assert (
        await submit(client, world.a_assistant, customer.id, [entry(name="另一个")])
    ).status_code == 403


async def test_reports_only_for_protected_customers(client, factory, world, entry) -> None:
    from api.customers.models import CustomerStatus

    pending = await factory.customer(world.agent_a, world.a_sales, status=CustomerStatus.PENDING)
    response = await submit(client, world.a_sales, pending.id, [entry()])
    assert (
        response.status_code == 422 and response.json()["code"] == "report_needs_protected_customer"
    )


async def test_report_date_cannot_be_in_the_future(client, world, customer, entry) -> None:
    tomorrow = (today() + timedelta(days=1)).isoformat()
    response = await submit(client, world.a_sales, customer.id, [entry()], report_date=tomorrow)
    assert response.status_code == 422


async def test_reports_are_filtered_by_date(client, world, customer, entry) -> None:
    for days_ago in (30, 10, 1):
        await submit(
            client,
            world.a_sales,
            customer.id,
            [],
            report_date=(today() - timedelta(days=days_ago)).isoformat(),
        )
    listed = await client.get(
        f"/api/v1/customers/{customer.id}/reports",
        params={"date_from": (today() - timedelta(days=15)).isoformat()},
        headers=world.a_sales.headers,
    )
    assert listed.json()["total"] == 2


async def test_follow_up_is_overdue_after_fifteen_days(client, world, customer, clock) -> None:
    await submit(client, world.a_sales, customer.id, [])
    fresh = (
        await client.get(f"/api/v1/customers/{customer.id}", headers=world.a_sales.headers)
    ).json()
    assert fresh["followup_overdue"] is False and fresh["last_report_at"] == today().isoformat()
    later = now() + timedelta(days=16)
    clock.move_to(later, tick=False)
    stale = (
        await client.get(f"/api/v1/customers/{customer.id}", headers=world.a_sales.headers)
    ).json()
    assert stale["followup_overdue"] is True
    flagged = await client.get(
        "/api/v1/customers", params={"followup_overdue": True}, headers=world.a_sales.headers
    )
    assert [c["id"] for c in flagged.json()["items"]] == [customer.id]


async def test_extension_requests_show_the_follow_up_evidence(client, world, customer) -> None:
    for days_ago in (20, 5):
        await submit(
            client,
            world.a_sales,
            customer.id,
            [],
            report_date=(today() - timedelta(days=days_ago)).isoformat(),
        )
    await client.post(
        f"/api/v1/customers/{customer.id}/extensions",
        json={"reason": "项目推进中，申请延期"},
        headers=world.a_sales.headers,
    )
    listed = (await client.get("/api/v1/extensions", headers=world.vendor.headers)).json()["items"][
        0
    ]
    assert listed["evidence"] == {
        "reports_last_90_days": 2,
        "last_report_at": (today() - timedelta(days=5)).isoformat(),
        "followup_overdue": False,
    }


async def test_a_new_agent_never_sees_the_previous_agents_reports(
    client, world, customer, entry
) -> None:
    await submit(client, world.a_sales, customer.id, [entry()])
    await client.post(
        f"/api/v1/customers/{customer.id}/release",
        json={"reason": "长期无进展"},
        headers=world.vendor.headers,
    )
    application = (
        await client.post(
            f"/api/v1/pool/{customer.id}/apply", json={}, headers=world.b_sales.headers
        )
    ).json()
    await client.post(
        f"/api/v1/registrations/{application['id']}/approve", json={}, headers=world.vendor.headers
    )
    assert (
        await client.get(f"/api/v1/customers/{customer.id}/reports", headers=world.b_sales.headers)
    ).json()["total"] == 0
    assert (
        await client.get(f"/api/v1/customers/{customer.id}/projects", headers=world.b_sales.headers)
    ).json() == []


async def test_an_edit_started_from_an_older_version_is_refused_and_changes_nothing(
    client, world, customer, entry
) -> None:
    report = (await submit(client, world.a_sales, customer.id, [entry("approved")])).json()
    project_id = report["entries"][0]["project"]["id"]

    def edit(news: str) -> dict:
        return {
            "customer_news": news,
            "entries": [entry("approved", project_id=project_id)],
            "version": report["version"],
        }

    url = f"/api/v1/reports/{report['id']}"
    first = await client.put(url, json=edit("业务员的更正"), headers=world.a_sales.headers)
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = await client.put(
        url,
        json=edit("主账号基于旧版本的更正"),
        headers={**world.a_admin.headers, "Accept-Language": "en"},
    )
    assert stale.status_code == 409 and stale.json()["code"] == "report_edited_meanwhile"
    assert "version 2" in stale.json()["detail"]
    kept = (await client.get(url, headers=world.a_sales.headers)).json()
    assert (kept["version"], kept["customer_news"]) == (2, "业务员的更正")


async def test_two_simultaneous_edits_of_one_version_save_one(
    client, world, customer, entry
) -> None:
    report = (await submit(client, world.a_sales, customer.id, [entry("approved")])).json()
    project_id = report["entries"][0]["project"]["id"]
    url = f"/api/v1/reports/{report['id']}"
    bodies = [
        {
            "customer_news": f"同时修改 {n}",
            "entries": [entry("approved", project_id=project_id)],
            "version": 1,
        }
        for n in range(4)
    ]
    answers = await asyncio.gather(
        *(client.put(url, json=body, headers=world.a_sales.headers) for body in bodies)
    )
    assert sorted(a.status_code for a in answers) == [200, 409, 409, 409]
    revisions = (await client.get(f"{url}/revisions", headers=world.vendor.headers)).json()
    assert [r["version"] for r in revisions] == [1]
