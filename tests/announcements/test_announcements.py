"""公告 (SPEC §3, §4): the vendor writes announcements for an audience; everybody reads the ones
addressed to them while active, acknowledges each (我已阅读); the vendor sees who has read what."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlmodel import col, select

from api.announcements import repository
from api.announcements.models import AnnouncementReceipt
from api.audit.models import AuditLog
from api.authz.roles import Role
from api.kit.clock import now

URL = "/api/v1/announcements"
UNREAD = "/api/v1/me/unread-announcements"


def _body(title: str = "春节放假通知", **fields: object) -> dict:
    return {"title": title, "body": "**请注意**：2月1日起放假。", **fields}


async def _publish(client, world, title: str = "春节放假通知", **fields: object) -> dict:  # type: ignore[no-untyped-def]
    response = await client.post(URL, json=_body(title, **fields), headers=world.vendor.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def _titles(client, actor, url: str = URL) -> list[str]:  # type: ignore[no-untyped-def]
    response = await client.get(url, headers=actor.headers)
    assert response.status_code == 200, response.text
    data = response.json()
    return [a["title"] for a in (data["items"] if isinstance(data, dict) else data)]


async def _ack(client, actor, announcement_id: int):  # type: ignore[no-untyped-def]
    return await client.post(f"{URL}/{announcement_id}/acknowledge", headers=actor.headers)


# --- who writes -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["agent_admin", "sales", "fae", "assistant"])
async def test_only_the_vendor_writes_announcements(client, world, role: str) -> None:
    actor = world.by_role(Role(role))
    created = await _publish(client, world)
    assert (await client.post(URL, json=_body(), headers=actor.headers)).status_code == 403
    put = await client.put(f"{URL}/{created['id']}", json=_body("改"), headers=actor.headers)
    assert put.status_code == 403
    withdraw = await client.post(f"{URL}/{created['id']}/withdraw", json={}, headers=actor.headers)
    assert withdraw.status_code == 403
    receipts = await client.get(f"{URL}/{created['id']}/receipts", headers=actor.headers)
    assert receipts.status_code == 403


async def test_vendor_edits_an_announcement(client, world) -> None:
    created = await _publish(client, world)
    response = await client.put(
        f"{URL}/{created['id']}",
        json=_body("春节放假通知（更正）", importance="critical"),
        headers=world.vendor.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["title"] == "春节放假通知（更正）"
    assert response.json()["importance"] == "critical"
    assert await _titles(client, world.a_sales) == ["春节放假通知（更正）"]


async def test_an_edit_keeps_the_receipts_unless_everyone_is_asked_to_read_it_again(
    client, world, session
) -> None:
    created = await _publish(client, world)
    assert (await _ack(client, world.a_sales, created["id"])).status_code == 200
    url = f"{URL}/{created['id']}"
    typo = await client.put(url, json=_body("春节放假通知。"), headers=world.vendor.headers)
    assert typo.status_code == 200
    assert await _titles(client, world.a_sales, UNREAD) == []  # a small fix: still read
    corrected = await client.put(
        url,
        json={**_body("春节放假通知（日期更正）"), "ask_again": True},
        headers=world.vendor.headers,
    )
    assert corrected.status_code == 200
    assert await _titles(client, world.a_sales, UNREAD) == ["春节放假通知（日期更正）"]
    audit = (
        await session.scalars(
            select(AuditLog)
            .where(col(AuditLog.action) == "announcement.update")
            .order_by(col(AuditLog.id).desc())
        )
    ).first()
    await session.commit()
    assert audit is not None and audit.after["receipts_removed"] == 1


async def test_a_one_agent_announcement_needs_its_agent_and_only_it_names_one(
    client, world
) -> None:
    for body in (_body(audience="agent"), _body(audience="agent", agent_id=999_999)):
        response = await client.post(URL, json=body, headers=world.vendor.headers)
        assert response.status_code == 422
        assert response.json()["code"] == "announcement_agent_required"
    response = await client.post(
        URL, json=_body(audience="all", agent_id=world.agent_a.id), headers=world.vendor.headers
    )
    assert response.json()["code"] == "announcement_agent_unexpected"


async def test_an_announcement_expires_after_it_is_published(client, world) -> None:
    at = now()
    body = _body(publish_at=at.isoformat(), expire_at=(at - timedelta(hours=1)).isoformat())
    response = await client.post(URL, json=body, headers=world.vendor.headers)
    assert response.status_code == 422
    assert response.json()["code"] == "announcement_expiry_before_publish"


async def test_a_withdrawn_announcement_cannot_be_changed_or_withdrawn_again(client, world) -> None:
    created = await _publish(client, world)
    path = f"{URL}/{created['id']}"
    withdrawn = await client.post(
        f"{path}/withdraw", json={"reason": "发错了"}, headers=world.vendor.headers
    )
    assert withdrawn.status_code == 200
    assert withdrawn.json()["state"] == "withdrawn"
    assert withdrawn.json()["withdrawal_reason"] == "发错了"
    again = await client.post(f"{path}/withdraw", json={}, headers=world.vendor.headers)
    assert again.status_code == 409
    edit = await client.put(path, json=_body(), headers=world.vendor.headers)
    assert edit.status_code == 409


# --- who reads --------------------------------------------------------------------------------


async def test_every_role_reads_an_announcement_for_all(client, world) -> None:
    await _publish(client, world, "全员公告")
    for actor in (world.vendor, world.a_admin, world.a_sales, world.a_fae, world.a_assistant):
        assert await _titles(client, actor) == ["全员公告"]
        assert await _titles(client, actor, UNREAD) == ["全员公告"]
    assert await _titles(client, world.b_sales) == ["全员公告"]


async def test_agent_b_never_sees_an_announcement_for_agent_a(client, world) -> None:
    created = await _publish(client, world, "华南专属", audience="agent", agent_id=world.agent_a.id)
    for actor in (world.a_admin, world.a_sales, world.a_fae, world.a_assistant):
        assert await _titles(client, actor) == ["华南专属"]
    for actor in (world.b_admin, world.b_sales):
        assert await _titles(client, actor) == []
        assert await _titles(client, actor, UNREAD) == []
        detail = await client.get(f"{URL}/{created['id']}", headers=actor.headers)
        assert detail.status_code == 404
        assert (await _ack(client, actor, created["id"])).status_code == 404


async def test_an_announcement_for_agents_reaches_every_agent_but_not_the_vendor_s_popup(
    client, world
) -> None:
    await _publish(client, world, "代理商公告", audience="agents")
    assert await _titles(client, world.a_sales) == ["代理商公告"]
    assert await _titles(client, world.b_admin) == ["代理商公告"]
    assert await _titles(client, world.vendor) == ["代理商公告"]  # the vendor sees every one
    assert await _titles(client, world.vendor, UNREAD) == []
    listed = (await client.get(URL, headers=world.vendor.headers)).json()["items"]
    assert [a["addressed_to_me"] for a in listed] == [False]
    listed = (await client.get(URL, headers=world.b_admin.headers)).json()["items"]
    assert [a["addressed_to_me"] for a in listed] == [True]


async def test_an_announcement_for_vendor_staff_is_hidden_from_agents(client, world) -> None:
    created = await _publish(client, world, "内部通知", audience="vendor")
    assert await _titles(client, world.vendor, UNREAD) == ["内部通知"]
    for actor in (world.a_admin, world.b_sales):
        assert await _titles(client, actor) == []
        assert (
            await client.get(f"{URL}/{created['id']}", headers=actor.headers)
        ).status_code == 404


async def test_vendor_cannot_acknowledge_an_announcement_not_addressed_to_the_vendor(
    client, world
) -> None:
    created = await _publish(client, world, "代理商公告", audience="agents")
    response = await _ack(client, world.vendor, created["id"])
    assert response.status_code == 403
    assert response.json()["code"] == "announcement_not_addressed"


async def test_future_expired_and_withdrawn_announcements_are_not_unread(client, world) -> None:
    at = now()
    future = await _publish(
        client, world, "下周公告", publish_at=(at + timedelta(days=7)).isoformat()
    )
    expired = await _publish(
        client,
        world,
        "已过期",
        publish_at=(at - timedelta(days=7)).isoformat(),
        expire_at=(at - timedelta(days=1)).isoformat(),
    )
    withdrawn = await _publish(client, world, "已撤回")
    await client.post(f"{URL}/{withdrawn['id']}/withdraw", json={}, headers=world.vendor.headers)
    await _publish(client, world, "有效公告")
    assert await _titles(client, world.a_sales, UNREAD) == ["有效公告"]
    assert await _titles(client, world.vendor, UNREAD) == ["有效公告"]
    # Hidden from agent people (404) until published and after withdrawal; expired: visible, over.
    expected = [
        (world.a_sales, {future["id"]: 404, expired["id"]: 409, withdrawn["id"]: 404}),
        (world.vendor, {future["id"]: 409, expired["id"]: 409, withdrawn["id"]: 409}),
    ]
    for actor, statuses in expected:
        answers = {i: (await _ack(client, actor, i)).status_code for i in statuses}
        assert answers == statuses, actor.user.username


async def test_agents_see_published_announcements_and_expired_ones_as_expired(
    client, world
) -> None:
    at = now()
    future = await _publish(
        client, world, "下周公告", publish_at=(at + timedelta(days=7)).isoformat()
    )
    await _publish(
        client,
        world,
        "已过期",
        publish_at=(at - timedelta(days=7)).isoformat(),
        expire_at=(at - timedelta(days=1)).isoformat(),
    )
    withdrawn = await _publish(client, world, "已撤回")
    await client.post(f"{URL}/{withdrawn['id']}/withdraw", json={}, headers=world.vendor.headers)
    await _publish(client, world, "有效公告")

    def states(items: list[dict]) -> dict[str, str]:
        return {a["title"]: a["state"] for a in items}

    agent_view = (await client.get(URL, headers=world.a_sales.headers)).json()["items"]
    assert states(agent_view) == {"已过期": "expired", "有效公告": "active"}
    for hidden in (future, withdrawn):  # not yet published, or withdrawn: as if it did not exist
        detail = await client.get(f"{URL}/{hidden['id']}", headers=world.a_sales.headers)
        assert detail.status_code == 404
        assert (await _ack(client, world.a_sales, hidden["id"])).status_code == 404
    vendor_view = (await client.get(URL, headers=world.vendor.headers)).json()["items"]
    assert states(vendor_view) == {
        "下周公告": "scheduled",
        "已过期": "expired",
        "已撤回": "withdrawn",
        "有效公告": "active",
    }


async def test_a_scheduled_announcement_pops_up_once_its_publish_time_comes(
    client, world, clock
) -> None:
    start = now()
    await _publish(client, world, "明日公告", publish_at=(start + timedelta(days=1)).isoformat())
    assert await _titles(client, world.a_sales, UNREAD) == []
    clock.move_to(start + timedelta(days=1, minutes=1), tick=False)
    assert await _titles(client, world.a_sales, UNREAD) == ["明日公告"]


async def test_unread_announcements_pop_up_most_important_first_then_newest(client, world) -> None:
    at = now()
    for title, importance, hours_ago in [
        ("普通旧", "normal", 5),
        ("重要旧", "important", 4),
        ("紧急旧", "critical", 3),
        ("普通新", "normal", 2),
        ("紧急新", "critical", 1),
    ]:
        publish = (at - timedelta(hours=hours_ago)).isoformat()
        await _publish(client, world, title, importance=importance, publish_at=publish)
    assert await _titles(client, world.a_sales, UNREAD) == [
        "紧急新",
        "紧急旧",
        "重要旧",
        "普通新",
        "普通旧",
    ]
    # The list page: newest publish time first, whatever the importance.
    assert await _titles(client, world.a_sales) == [
        "紧急新",
        "普通新",
        "紧急旧",
        "重要旧",
        "普通旧",
    ]


# --- acknowledging ----------------------------------------------------------------------------


async def test_acknowledging_stores_a_receipt_once_and_is_idempotent(
    client, world, session
) -> None:
    created = await _publish(client, world)
    first = await _ack(client, world.a_sales, created["id"])
    assert first.status_code == 200, first.text
    second = await _ack(client, world.a_sales, created["id"])
    assert second.status_code == 200
    assert second.json() == first.json()
    assert await _titles(client, world.a_sales, UNREAD) == []
    listed = (await client.get(URL, headers=world.a_sales.headers)).json()["items"][0]
    assert listed["read_at"] == first.json()["read_at"]
    assert await _titles(client, world.a_fae, UNREAD) == [created["title"]]  # per person
    acks = (
        await session.scalars(
            select(AuditLog).where(col(AuditLog.action) == "announcement.acknowledge")
        )
    ).all()
    await session.commit()
    assert [(a.actor_id, a.object_id) for a in acks] == [(world.a_sales.id, str(created["id"]))]


async def test_a_receipt_a_concurrent_request_stored_first_wins_and_the_transaction_goes_on(
    client, world, session
) -> None:
    """Two tabs acknowledging at once: the later insert is refused in its savepoint only."""
    created = await _publish(client, world)
    assert (await _ack(client, world.a_sales, created["id"])).status_code == 200
    late = AnnouncementReceipt(announcement_id=created["id"], user_id=world.a_sales.id)
    assert await repository.insert_receipt(session, late) is False
    stored = await repository.get_receipt(session, created["id"], world.a_sales.id)
    assert stored is not None and stored is not late
    own = AnnouncementReceipt(announcement_id=created["id"], user_id=world.a_fae.id)
    assert await repository.insert_receipt(session, own) is True
    await session.commit()
    assert await _titles(client, world.a_fae, UNREAD) == []


async def test_writes_on_announcements_are_audited(client, world, session) -> None:
    created = await _publish(client, world)
    path = f"{URL}/{created['id']}"
    await client.put(path, json=_body("新标题"), headers=world.vendor.headers)
    await client.post(f"{path}/withdraw", json={"reason": "作废"}, headers=world.vendor.headers)
    rows = (
        await session.scalars(
            select(AuditLog)
            .where(col(AuditLog.object_type) == "announcement")
            .order_by(col(AuditLog.id))
        )
    ).all()
    await session.commit()
    assert [r.action for r in rows] == [
        "announcement.create",
        "announcement.update",
        "announcement.withdraw",
    ]
    assert rows[1].before is not None and rows[1].before["title"] == "春节放假通知"
    assert rows[2].reason == "作废"


# --- read receipts ----------------------------------------------------------------------------


async def test_vendor_sees_who_has_and_has_not_read_an_announcement(client, world) -> None:
    created = await _publish(client, world, "华南专属", audience="agent", agent_id=world.agent_a.id)
    await _ack(client, world.a_sales, created["id"])
    response = await client.get(f"{URL}/{created['id']}/receipts", headers=world.vendor.headers)
    assert response.status_code == 200
    data = response.json()
    read = {r["username"]: r["read_at"] for r in data["readers"]}
    # Agent A's four people, nobody of agent B, no vendor staff.
    assert set(read) == {"a.admin", "a.sales", "a.fae", "a.assistant"}
    assert read["a.sales"] is not None
    assert {u for u, at in read.items() if at is None} == {"a.admin", "a.fae", "a.assistant"}
    assert (data["audience_total"], data["read_total"]) == (4, 1)
    assert data["readers"][-1]["username"] == "a.sales"  # not yet read first


async def test_an_announcement_for_all_is_addressed_to_every_active_user(client, world) -> None:
    created = await _publish(client, world, "全员公告")
    await client.post(f"/api/v1/users/{world.a_fae.id}/deactivate", headers=world.a_admin.headers)
    data = (
        await client.get(f"{URL}/{created['id']}/receipts", headers=world.vendor.headers)
    ).json()
    assert {r["username"] for r in data["readers"]} == {
        "vendor",
        "a.admin",
        "a.sales",
        "a.assistant",
        "b.admin",
        "b.sales",
    }


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


async def test_receipts_export_has_the_same_rows_as_the_json(client, world) -> None:
    created = await _publish(client, world, "代理商公告", audience="agents")
    await _ack(client, world.b_sales, created["id"])
    path = f"{URL}/{created['id']}/receipts"
    rows = (await client.get(path, headers=world.vendor.headers)).json()["readers"]
    expected = [
        [r["username"], r["display_name"], r["role"], r["agent"]["name"], _moment(r["read_at"])]
        for r in rows
    ]
    assert len(expected) == 6

    csv_answer = await client.get(path, params={"format": "csv"}, headers=world.vendor.headers)
    assert csv_answer.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(csv_answer.content.decode("utf-8-sig"))))
    header = table[0]
    columns = [header.index(c) for c in ("username", "display_name", "role", "agent", "read_at")]
    assert [
        [*(line[i] for i in columns[:-1]), _moment(line[columns[-1]])] for line in table[1:]
    ] == expected

    xlsx_answer = await client.get(path, params={"format": "xlsx"}, headers=world.vendor.headers)
    sheet = load_workbook(io.BytesIO(xlsx_answer.content)).active
    assert sheet is not None
    values = [
        [c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)
    ]
    assert values[0] == header
    assert [
        [*(str(line[i]) for i in columns[:-1]), _moment(str(line[columns[-1]]))]
        for line in values[1:]
    ] == expected
    read_column = header.index("read")
    assert [line[read_column] for line in values[1:]].count("yes") == 1


async def test_receipts_of_a_hidden_announcement_answer_404(client, world) -> None:
    created = await _publish(client, world, "华南专属", audience="agent", agent_id=world.agent_a.id)
    response = await client.get(f"{URL}/{created['id']}/receipts", headers=world.b_admin.headers)
    assert response.status_code == 404
