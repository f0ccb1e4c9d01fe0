"""The audit trail page (SPEC §11): the vendor filters, reads and exports who changed what."""

import csv
import io
from datetime import timedelta

from openpyxl import load_workbook

from api.audit.models import AuditLog
from api.kit.clock import CHINA
from tests.clock import china_time, days_ago

VENDOR_ONLY = "/api/v1/audit"


async def _rows(session, world, *entries: tuple) -> None:  # type: ignore[no-untyped-def]
    """Arrange audit rows: (at, actor, action, object_type, object_id, agent_id)."""
    for at, actor, action, object_type, object_id, agent_id in entries:
        session.add(
            AuditLog(
                at=at,
                actor_id=actor.id if actor else None,
                actor_username=actor.user.username if actor else "",
                action=action,
                object_type=object_type,
                object_id=object_id,
                agent_id=agent_id,
                before={"name": "旧", "tags": ["a"]},
                after={"name": "新", "tags": ["a", "b"]},
            )
        )
    await session.commit()


def _ids(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    return [e["object_id"] for e in response.json()["items"]]


async def test_vendor_filters_the_trail_by_actor_action_object_and_combines_them(
    client, world, session
) -> None:
    at = days_ago(7)
    await _rows(
        session,
        world,
        (at, world.a_sales, "customer.update", "customer", "1", world.agent_a.id),
        (at, world.a_sales, "report.create", "report", "2", world.agent_a.id),
        (at, world.vendor, "customer.update", "customer", "3", world.agent_a.id),
        (at, world.b_sales, "customer.update", "customer", "4", world.agent_b.id),
    )
    get = lambda **q: client.get(VENDOR_ONLY, params=q, headers=world.vendor.headers)  # noqa: E731
    assert _ids(await get()) == ["4", "3", "2", "1"]  # newest first
    assert _ids(await get(actor_id=world.a_sales.id)) == ["2", "1"]
    assert _ids(await get(action="customer.update")) == ["4", "3", "1"]
    assert _ids(await get(object_type="report")) == ["2"]
    assert _ids(await get(object_type="customer", object_id="3")) == ["3"]
    assert _ids(await get(actor_id=world.a_sales.id, action="customer.update")) == ["1"]
    page = await get(action="customer.update", limit=2, offset=2)
    assert _ids(page) == ["1"] and page.json()["total"] == 3


async def test_agent_filter_finds_rows_on_its_objects_and_rows_by_its_people(
    client, world, session
) -> None:
    at = days_ago(7)
    await _rows(
        session,
        world,
        (at, world.vendor, "customer.approve", "customer", "on-a", world.agent_a.id),
        (at, world.a_admin, "auth.login", "session", "by-a", None),
        (at, world.b_sales, "auth.login", "session", "by-b", None),
        (at, world.vendor, "rules.update", "rules", "vendor", None),
    )
    response = await client.get(
        VENDOR_ONLY, params={"agent_id": world.agent_a.id}, headers=world.vendor.headers
    )
    assert _ids(response) == ["by-a", "on-a"]


async def test_date_range_is_inclusive_days_in_china_time(client, world, session) -> None:
    day19 = days_ago(10).astimezone(CHINA).date()
    day20, day21, day22 = (day19 + timedelta(days=n) for n in (1, 2, 3))
    await _rows(
        session,
        world,
        # 23:59 China time the day before the range (the 19th)
        (china_time(day19, 23, 59), None, "x.y", "t", "19th-late", None),
        # 00:00 China time on the 20th (still the 19th in UTC)
        (china_time(day20), None, "x.y", "t", "20th-first", None),
        (china_time(day21, 23, 59), None, "x.y", "t", "21st-late", None),
        (china_time(day22), None, "x.y", "t", "22nd-first", None),
    )
    response = await client.get(
        VENDOR_ONLY,
        params={"date_from": str(day20), "date_to": str(day21)},
        headers=world.vendor.headers,
    )
    assert _ids(response) == ["21st-late", "20th-first"]
    one_day = await client.get(
        VENDOR_ONLY,
        params={"date_from": str(day22), "date_to": str(day22), "action": "x.y"},
        headers=world.vendor.headers,
    )
    assert _ids(one_day) == ["22nd-first"]
    backwards = await client.get(
        VENDOR_ONLY,
        params={"date_from": str(day22), "date_to": str(day20)},
        headers=world.vendor.headers,
    )
    assert backwards.status_code == 422 and backwards.json()["code"] == "date_range_invalid"


async def test_filter_lists_come_from_what_the_trail_holds(client, world, session) -> None:
    # A real write through the API, plus arranged rows of other domains.
    await client.patch("/api/v1/me", json={"phone": "123"}, headers=world.a_sales.headers)
    at = days_ago(7)
    await _rows(session, world, (at, world.vendor, "order.create", "sales_order", "9", None))
    facets = (await client.get("/api/v1/audit/facets", headers=world.vendor.headers)).json()
    assert facets == {
        "object_types": ["sales_order", "user_account"],
        "actions": ["order.create", "user.update_profile"],
    }


async def test_only_the_vendor_reads_the_audit_trail(client, world, session) -> None:
    at = days_ago(7)
    await _rows(session, world, (at, world.a_sales, "report.create", "report", "1", None))
    for actor in (world.a_admin, world.a_sales, world.a_fae, world.a_assistant):
        listed = await client.get(VENDOR_ONLY, headers=actor.headers)
        assert listed.json() == {"items": [], "total": 0}
        facets = await client.get("/api/v1/audit/facets", headers=actor.headers)
        assert facets.json() == {"object_types": [], "actions": []}
        exported = await client.get(VENDOR_ONLY, params={"format": "csv"}, headers=actor.headers)
        assert list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))[1:] == []
    assert (await client.get(VENDOR_ONLY, headers=world.vendor.headers)).json()["total"] == 1


async def test_vendor_exports_the_filtered_trail_as_xlsx_and_csv(client, world, session) -> None:
    at = china_time(days_ago(7).date(), 11)
    await _rows(
        session,
        world,
        (at, world.a_sales, "customer.update", "customer", "1", world.agent_a.id),
        (at, world.b_sales, "customer.update", "customer", "2", world.agent_b.id),
    )
    params = {"agent_id": world.agent_a.id}
    xlsx = await client.get(
        "/api/v1/audit", params={**params, "format": "xlsx"}, headers=world.vendor.headers
    )
    assert xlsx.status_code == 200
    assert xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in xlsx.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    table = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = table[0]
    assert len(table) == 2
    row = dict(zip(header, table[1], strict=True))
    assert row["用户名"] == world.a_sales.user.username
    assert row["操作人"] == world.a_sales.user.display_name
    assert row["时间"] == f"{at.date()} 11:00:00"  # China time
    assert row["变更字段"] == "name, tags"
    assert '"新"' in row["变更后"]
    text = (
        await client.get(
            "/api/v1/audit", params={**params, "format": "csv"}, headers=world.vendor.headers
        )
    ).content
    assert text.startswith("\ufeff".encode())
    lines = list(csv.DictReader(io.StringIO(text.decode("utf-8-sig"))))
    assert [(r["用户名"], r["操作"]) for r in lines] == [("a.sales", "customer.update")]


async def test_each_entry_names_the_person_the_object_and_every_id_it_refers_to(
    client, world, factory, session
) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales)
    session.add(
        AuditLog(
            at=days_ago(1),
            actor_id=world.a_sales.id,
            actor_username=world.a_sales.user.username,
            action="customer.update",
            object_type="customer",
            object_id=str(customer.id),
            agent_id=world.agent_a.id,
            before={"contact_user_id": world.b_sales.id, "agent_id": world.agent_a.id},
            after={"contact_user_id": world.a_sales.id, "agent_id": world.agent_a.id},
        )
    )
    await session.commit()
    response = await client.get(
        VENDOR_ONLY, params={"object_id": str(customer.id)}, headers=world.vendor.headers
    )
    [entry] = response.json()["items"]
    assert entry["actor_name"] == world.a_sales.user.display_name
    assert entry["object_name"] == customer.name
    assert entry["names"] == {
        f"contact_user_id={world.b_sales.id}": world.b_sales.user.display_name,
        f"contact_user_id={world.a_sales.id}": world.a_sales.user.display_name,
        f"agent_id={world.agent_a.id}": world.agent_a.name,
    }
