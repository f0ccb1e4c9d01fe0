"""Simultaneous requests through the real HTTP stack on PostgreSQL: every state change has one
winner, one audit row and one email; limits hold; counts are exact (issue 11 §1). Each case
runs ROUNDS rounds on fresh rows."""

import asyncio
import json
from collections.abc import Awaitable
from datetime import datetime, timedelta
from typing import TypeVar

import pytest
from sqlalchemy import func, select, update
from sqlmodel import col

from api.announcements.models import AnnouncementReceipt
from api.audit.models import AuditLog
from api.auth.models import RefreshToken, SetPasswordLink
from api.auth.routes import REFRESH_COOKIE
from api.authz.roles import Role
from api.catalog.models import McuModel, ProductDomain
from api.config import get_settings
from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.desk.models import DeskSeen
from api.kit.clock import now
from api.notifications.models import OutboxMessage
from api.registrations.models import Registration
from api.security import hash_opaque_token
from api.users.models import User
from tests.concurrency.harness import (
    API,
    ROUNDS,
    at_once,
    covers,
    describe,
    refused,
    statuses,
    the_winner,
    winners,
)
from tests.factories import PASSWORD
from tests.imports.sheets import filled_template, row
from tests.orders.conftest import assert_month_totals_match_the_lines, order

# Distinct company words, so one round's approved name never blocks the next round's.
WORDS = [
    "金鹰",
    "银河",
    "星辰",
    "海洋",
    "山岳",
    "松柏",
    "竹林",
    "梅花",
    "兰草",
    "菊香",
    "云端",
    "雷霆",
    "风帆",
    "雨露",
    "冰川",
    "火焰",
    "翡翠",
    "琥珀",
    "珊瑚",
    "玛瑙",
]


async def _count(session, statement) -> int:  # type: ignore[no-untyped-def]
    value = await session.scalar(statement)
    await session.commit()
    return int(value or 0)


async def _audit_rows(session, object_type: str, object_id: int, *actions: str) -> int:  # type: ignore[no-untyped-def]
    return await _count(
        session,
        select(func.count())
        .select_from(AuditLog)
        .where(
            col(AuditLog.object_type) == object_type,
            col(AuditLog.object_id) == str(object_id),
            col(AuditLog.action).in_(actions),
        ),
    )


async def _emails(session, kind: str) -> int:  # type: ignore[no-untyped-def]
    return await _count(
        session,
        select(func.count()).select_from(OutboxMessage).where(col(OutboxMessage.kind) == kind),
    )


async def _customer(session, customer_id: int) -> Customer:  # type: ignore[no-untyped-def]
    customer = await session.scalar(
        select(Customer)
        .where(col(Customer.id) == customer_id)
        .execution_options(populate_existing=True)
    )
    await session.commit()
    assert customer is not None
    return customer


@covers(
    "POST /registrations/{registration_id}/approve",
    "POST /registrations/{registration_id}/reject",
    "POST /registrations/{registration_id}/withdraw",
)
async def test_of_simultaneous_decisions_on_a_registration_exactly_one_wins(
    http, world, factory, session
) -> None:
    vendor, sales = world.vendor.headers, world.a_sales.headers
    outcome = {
        "approve": CustomerStatus.PROTECTED,
        "reject": CustomerStatus.REJECTED,
        "withdraw": CustomerStatus.WITHDRAWN,
    }
    domain = await factory.domain_id()
    for round_ in range(ROUNDS):
        body = {
            "name": f"东莞市{WORDS[round_]}电子有限公司",
            "province": "广东省",
            "city": "东莞市",
            "product_domain_id": domain,
            "annual_mcu_usage_wan": 10,
        }
        applied = await http.post(f"{API}/registrations", json=body, headers=sales)
        assert applied.status_code == 201, applied.text
        registration_id, customer_id = applied.json()["id"], applied.json()["customer"]["id"]
        url = f"{API}/registrations/{registration_id}"
        emails_before = await _emails(session, "registration_decided")
        answers = await at_once(
            *(http.post(f"{url}/approve", json={}, headers=vendor) for _ in range(10)),
            *(
                http.post(f"{url}/reject", json={"reason": "信息不全"}, headers=vendor)
                for _ in range(10)
            ),
            *(http.post(f"{url}/withdraw", json={}, headers=sales) for _ in range(2)),
        )
        winner = the_winner(answers)
        assert refused(answers, "application_not_pending"), describe(answers)
        verb = str(winner.request.url).rsplit("/", 1)[1]
        decisions = [f"registration.{v}" for v in outcome]
        assert await _audit_rows(session, "registration", registration_id, *decisions) == 1
        changes = ("customer.protect", "customer.reject", "customer.withdraw")
        assert await _audit_rows(session, "customer", customer_id, *changes) == 1
        emailed = await _emails(session, "registration_decided") - emails_before
        assert emailed == (0 if verb == "withdraw" else 1)
        assert (await _customer(session, customer_id)).status is outcome[verb]
        final = await http.get(url, headers=vendor)
        assert final.json()["status"] == winner.json()["status"]


@covers("POST /extensions/{extension_id}/approve", "POST /extensions/{extension_id}/reject")
async def test_of_simultaneous_extension_decisions_one_wins_and_sets_the_protection_end(
    http, world, factory, session
) -> None:
    vendor = world.vendor.headers
    for _ in range(ROUNDS):
        customer = await factory.customer(
            world.agent_a, world.a_sales, protection_until=now() + timedelta(days=10)
        )
        asked = await http.post(
            f"{API}/customers/{customer.id}/extensions",
            json={"reason": "项目即将进入研发"},
            headers=world.a_sales.headers,
        )
        assert asked.status_code == 201, asked.text
        url = f"{API}/extensions/{asked.json()['id']}"
        ends = [now() + timedelta(days=100 + i) for i in range(10)]
        emails_before = await _emails(session, "extension_decided")
        answers = await at_once(
            *(
                http.post(
                    f"{url}/approve", json={"protection_until": end.isoformat()}, headers=vendor
                )
                for end in ends
            ),
            *(
                http.post(f"{url}/reject", json={"reason": "跟进不足"}, headers=vendor)
                for _ in range(5)
            ),
        )
        winner = the_winner(answers)
        assert refused(answers, "application_not_pending"), describe(answers)
        assert await _emails(session, "extension_decided") - emails_before == 1
        protection_until = (await _customer(session, customer.id)).protection_until
        assert protection_until is not None
        if winner.request.url.path.endswith("/approve"):
            granted = datetime.fromisoformat(json.loads(winner.request.content)["protection_until"])
            assert protection_until == granted
        else:
            assert protection_until == customer.protection_until
        assert await _audit_rows(session, "customer", customer.id, "customer.extend") == (
            1 if winner.request.url.path.endswith("/approve") else 0
        )


@covers("POST /pool/{customer_id}/apply")
async def test_simultaneous_pool_applications_never_exceed_the_pending_limit(
    http, factory, session
) -> None:
    limit = 3  # the rules' default pool_max_pending
    for _ in range(ROUNDS):
        agent = await factory.agent()
        sales = await factory.user(Role.SALES, agent)
        pooled = [await factory.customer(None, status=CustomerStatus.RELEASED) for _ in range(8)]
        answers = await at_once(
            *(http.post(f"{API}/pool/{c.id}/apply", json={}, headers=sales.headers) for c in pooled)
        )
        assert len(winners(answers)) == limit, describe(answers)
        assert refused(answers, "pool_limit"), describe(answers)
        pending = select(func.count()).select_from(Registration)
        assert await _count(session, pending.where(col(Registration.agent_id) == agent.id)) == limit


@covers("POST /pool/{customer_id}/apply")
async def test_of_agents_applying_for_one_pool_customer_at_once_the_first_takes_it(
    http, factory, session
) -> None:
    for _ in range(ROUNDS):
        rivals = [await factory.user(Role.SALES, await factory.agent()) for _ in range(4)]
        pooled = await factory.customer(None, status=CustomerStatus.RELEASED)
        url = f"{API}/pool/{pooled.id}/apply"
        answers = await at_once(
            *(http.post(url, json={}, headers=r.headers) for r in rivals for _ in range(3))
        )
        winner = the_winner(answers)
        assert refused(answers, "pool_taken", "pool_already_applied"), describe(answers)
        customer = await _customer(session, pooled.id)
        assert customer.status is CustomerStatus.PENDING
        assert customer.agent_id == winner.json()["agent"]["id"]
        assert await _audit_rows(session, "customer", pooled.id, "customer.pool_apply") == 1


@covers("POST /auth/refresh", "POST /auth/login")
async def test_one_refresh_cookie_used_ten_times_at_once_starts_exactly_one_session(
    http, world, session
) -> None:
    user_id = world.a_sales.id
    for _ in range(ROUNDS):
        signed_in = await http.post(
            f"{API}/auth/login", json={"username": "a.sales", "password": PASSWORD}
        )
        assert signed_in.status_code == 200, signed_in.text
        cookie = {"Cookie": f"{REFRESH_COOKIE}={signed_in.cookies[REFRESH_COOKIE]}"}
        http.cookies.clear()
        answers = await at_once(
            *(http.post(f"{API}/auth/refresh", headers=cookie) for _ in range(10))
        )
        assert len(winners(answers)) == 1, describe(answers)
        assert refused(answers, "refresh_invalid"), describe(answers)
        http.cookies.clear()
        live = select(func.count()).select_from(RefreshToken)
        live = live.where(
            col(RefreshToken.user_id) == user_id, col(RefreshToken.revoked_at).is_(None)
        )
        # every earlier round's session ended with its rotation; this round's winner is the one
        assert await _count(session, live) == 1
        await http.post(
            f"{API}/auth/logout",
            headers={"Cookie": f"{REFRESH_COOKIE}={winners(answers)[0].cookies[REFRESH_COOKIE]}"},
        )


@pytest.fixture
def allowed_failures(monkeypatch: pytest.MonkeyPatch) -> int:
    """Two free failures instead of the default: each checked password costs an argon2 hash,
    and two already tell "exactly the configured number" from "as many as raced in"."""
    monkeypatch.setattr(get_settings(), "login_max_failures", 2)
    return 2


@covers("POST /auth/login")
async def test_simultaneous_wrong_passwords_are_checked_exactly_the_allowed_number_of_times(
    http, world, factory, allowed_failures
) -> None:
    allowed = allowed_failures
    for round_ in range(ROUNDS):
        user = await factory.user(Role.SALES, world.agent_a)
        address = {"X-Forwarded-For": f"192.0.2.{round_ + 1}"}
        attempt = {"username": user.user.username, "password": "wrong-password-1"}
        answers = await at_once(
            *(http.post(f"{API}/auth/login", json=attempt, headers=address) for _ in range(20))
        )
        assert statuses(answers) == [401] * allowed + [429] * (20 - allowed), describe(answers)


@covers("POST /auth/change-password")
async def test_simultaneous_wrong_current_passwords_are_checked_exactly_the_allowed_number_of_times(
    http, world, factory, allowed_failures
) -> None:
    allowed = allowed_failures
    for round_ in range(ROUNDS):
        user = await factory.user(Role.SALES, world.agent_a)
        headers = {**user.headers, "X-Forwarded-For": f"198.51.100.{round_ + 1}"}
        body = {"current_password": "wrong-password-1", "new_password": "a-brand-new-secret-42"}
        answers = await at_once(
            *(
                http.post(f"{API}/auth/change-password", json=body, headers=headers)
                for _ in range(12)
            )
        )
        assert statuses(answers) == [400] * allowed + [429] * (12 - allowed), describe(answers)


@covers("POST /announcements/{announcement_id}/acknowledge")
async def test_acknowledging_an_announcement_ten_times_at_once_leaves_one_receipt(
    http, world, session
) -> None:
    for round_ in range(ROUNDS):
        made = await http.post(
            f"{API}/announcements",
            json={"title": f"并发公告{round_}", "body": "请阅读"},
            headers=world.vendor.headers,
        )
        announcement_id = made.json()["id"]
        url = f"{API}/announcements/{announcement_id}/acknowledge"
        answers = await at_once(*(http.post(url, headers=world.a_sales.headers) for _ in range(10)))
        assert len(winners(answers)) == 10, describe(answers)
        assert len({r.json()["read_at"] for r in answers}) == 1
        receipts = select(func.count()).select_from(AnnouncementReceipt)
        receipts = receipts.where(col(AnnouncementReceipt.announcement_id) == announcement_id)
        assert await _count(session, receipts) == 1
        acknowledged = "announcement.acknowledge"
        assert await _audit_rows(session, "announcement", announcement_id, acknowledged) == 1


async def _in_review(factory, session, world) -> Customer:  # type: ignore[no-untyped-def]
    customer = await factory.customer(world.agent_a, world.a_sales, faes=(world.a_fae,))
    customer.protection_mode = ProtectionMode.REVIEW
    customer.next_review_at = now()
    session.add(customer)
    await session.commit()
    return customer


@covers("POST /customers/{customer_id}/review")
async def test_simultaneous_reviews_keep_or_release_consistently(
    http, world, factory, session
) -> None:
    for _ in range(ROUNDS):
        customer = await _in_review(factory, session, world)
        url = f"{API}/customers/{customer.id}/review"
        answers = await at_once(
            *(
                http.post(url, json={"keep": keep, "reason": "复核"}, headers=world.vendor.headers)
                for keep in [True, False] * 5
            )
        )
        assert refused(answers, "customer_not_in_review"), describe(answers)
        keeps = ("customer.review_keep", "customer.review_release")
        assert await _audit_rows(session, "customer", customer.id, *keeps) == len(winners(answers))
        released = await _audit_rows(session, "customer", customer.id, "customer.review_release")
        final = await _customer(session, customer.id)
        assert released <= 1
        assert (final.status is CustomerStatus.RELEASED) == (released == 1)


@covers(
    "POST /customers/{customer_id}/release",
    "PUT /customers/{customer_id}/contact",
    "PUT /customers/{customer_id}/faes",
)
async def test_a_release_racing_reassignments_leaves_no_contact_or_fae_on_a_pool_customer(
    http, world, factory, session
) -> None:
    other_sales = await factory.user(Role.SALES, world.agent_a)
    contacts = [world.a_sales.id, other_sales.id]
    for _ in range(ROUNDS):
        customer = await factory.customer(world.agent_a, world.a_sales)
        url = f"{API}/customers/{customer.id}"
        admin = world.a_admin.headers
        answers = await at_once(
            *(
                http.post(
                    f"{url}/release", json={"reason": "长期未跟进"}, headers=world.vendor.headers
                )
                for _ in range(5)
            ),
            *(
                http.put(f"{url}/contact", json={"contact_user_id": contacts[i % 2]}, headers=admin)
                for i in range(8)
            ),
            *(
                http.put(f"{url}/faes", json={"fae_user_ids": [world.a_fae.id]}, headers=admin)
                for _ in range(4)
            ),
        )
        released = [r for r in winners(answers) if r.request.url.path.endswith("/release")]
        assert len(released) == 1, describe(answers)
        assert all(r.status_code in (200, 403, 404, 409) for r in answers), describe(answers)
        final = await _customer(session, customer.id)
        assert final.status is CustomerStatus.RELEASED
        assert final.agent_id is None and final.contact_user_id is None
        fae_rows = await http.get(url, headers=world.vendor.headers)
        assert fae_rows.json().get("faes", []) == [], fae_rows.json()
        assert await _audit_rows(session, "customer", customer.id, "customer.release") == 1


async def _reassignments(session) -> int:  # type: ignore[no-untyped-def]
    return await _count(
        session,
        select(func.count())
        .select_from(AuditLog)
        .where(col(AuditLog.action) == "customer.reassign"),
    )


@covers("POST /customers/reassign")
async def test_a_leaving_salespersons_customers_handed_over_twice_at_once_move_once(
    http, world, factory, session
) -> None:
    """Two hand-overs of everything a salesperson holds, racing a release of one of the customers:
    one hand-over moves what is still theirs, the other finds nothing left; the released customer
    ends with no contact; one audit row."""
    receivers = [await factory.user(Role.SALES, world.agent_a) for _ in range(2)]
    for _ in range(ROUNDS):
        leaving = await factory.user(Role.SALES, world.agent_a, is_active=False)
        customers = [await factory.customer(world.agent_a, leaving) for _ in range(3)]
        rows_before = await _reassignments(session)
        answers = await at_once(
            *(
                http.post(
                    f"{API}/customers/reassign",
                    json={"from_user_id": leaving.id, "to_user_ids": [receiver.id]},
                    headers=world.a_admin.headers,
                )
                for receiver in receivers
            ),
            http.post(
                f"{API}/customers/{customers[0].id}/release",
                json={"reason": "长期未跟进"},
                headers=world.vendor.headers,
            ),
        )
        hand_overs, release = answers[:2], answers[2]
        winner = the_winner(hand_overs)
        assert refused(hand_overs, "reassign_nothing"), describe(answers)
        assert release.status_code == 200, describe(answers)
        receiver = json.loads(winner.request.content)["to_user_ids"][0]
        moved = {c for target in winner.json()["targets"] for c in target["customer_ids"]}
        for customer in customers:
            final = await _customer(session, customer.id)
            if final.status is CustomerStatus.RELEASED:
                assert final.contact_user_id is None
            else:
                assert final.contact_user_id == receiver and customer.id in moved
        assert await _reassignments(session) - rows_before == 1


@covers("POST /announcements/{announcement_id}/withdraw")
async def test_an_announcement_withdrawn_ten_times_at_once_is_withdrawn_once(
    http, world, session
) -> None:
    for round_ in range(ROUNDS):
        made = await http.post(
            f"{API}/announcements",
            json={"title": f"撤回公告{round_}", "body": "请阅读"},
            headers=world.vendor.headers,
        )
        announcement_id = made.json()["id"]
        url = f"{API}/announcements/{announcement_id}/withdraw"
        answers = await at_once(
            *(
                http.post(url, json={"reason": f"撤回{n}"}, headers=world.vendor.headers)
                for n in range(10)
            )
        )
        won = the_winner(answers)
        assert refused(answers, "announcement_withdrawn"), describe(answers)
        rows = await _audit_rows(session, "announcement", announcement_id, "announcement.withdraw")
        assert rows == 1
        final = await http.get(
            f"{API}/announcements/{announcement_id}", headers=world.vendor.headers
        )
        assert final.json()["withdrawal_reason"] == won.json()["withdrawal_reason"]


@covers("POST /customers/{customer_id}/orders")
async def test_orders_recorded_at_once_for_one_month_and_model_all_count_in_the_month_totals(
    http, world, book, session
) -> None:
    assistant = world.a_assistant.headers
    for round_ in range(ROUNDS):
        answers = await at_once(
            *(
                http.post(
                    f"{API}/customers/{book.customer_id}/orders",
                    json=order(
                        f"SO-SUM-{round_:03d}-{n}", project_id=book.cooker, unit_price="1.5"
                    ),
                    headers=assistant,
                )
                for n in range(10)
            )
        )
        assert statuses(answers) == [201] * 10, describe(answers)
    await assert_month_totals_match_the_lines(session)


@covers("POST /orders/{order_id}/delete", "PUT /orders/{order_id}")
async def test_an_order_edited_and_deleted_at_once_is_deleted_once_and_not_edited_after(
    http, world, book, session
) -> None:
    assistant = world.a_assistant.headers
    for round_ in range(ROUNDS):
        number = f"SO-RACE-{round_:03d}"
        made = await http.post(
            f"{API}/customers/{book.customer_id}/orders",
            json=order(number, project_id=book.cooker),
            headers=assistant,
        )
        order_id = made.json()["id"]
        url = f"{API}/orders/{order_id}"
        edited = order(number, project_id=book.cooker, quantity=2000)
        answers = await at_once(
            *(
                http.post(f"{url}/delete", json={"reason": "重复录入"}, headers=assistant)
                for _ in range(5)
            ),
            *(http.put(url, json=edited, headers=assistant) for _ in range(5)),
        )
        assert all(r.status_code in (200, 204, 404) for r in answers), describe(answers)
        deletes = [r for r in answers[:5] if r.status_code == 204]
        assert len(deletes) == 1, describe(answers)
        assert await _audit_rows(session, "sales_order", order_id, "order.delete") == 1
        # An edit answered 200 happened before the delete; none after it.
        edits = await _audit_rows(session, "sales_order", order_id, "order.update")
        assert edits == sum(r.status_code == 200 for r in answers[5:])
    await assert_month_totals_match_the_lines(session)


@covers("POST /auth/set-password")
async def test_a_set_password_link_used_ten_times_at_once_sets_one_password(
    http, world, session
) -> None:
    for round_ in range(ROUNDS):
        created = await http.post(
            f"{API}/users",
            json={
                "username": f"link.user{round_}",
                "display_name": f"链接用户{round_}",
                "email": f"link{round_}@example.com",
                "role": "sales",
            },
            headers=world.a_admin.headers,
        )
        token = created.json()["credentials"]["set_password_url"].split("token=")[1]
        chosen = [f"a private passphrase number {n}" for n in range(10)]
        answers = await at_once(
            *(
                http.post(f"{API}/auth/set-password", json={"token": token, "new_password": p})
                for p in chosen
            )
        )
        won = the_winner(answers)
        assert refused(answers, "set_password_link_invalid"), describe(answers)
        user_id = created.json()["user"]["id"]
        assert await _audit_rows(session, "user_account", user_id, "auth.set_password") == 1
        winner = chosen[answers.index(won)]
        login = {"username": f"link.user{round_}", "password": winner}
        assert (await http.post(f"{API}/auth/login", json=login)).status_code == 200


@covers("POST /desk/seen")
async def test_marking_the_desk_seen_ten_times_at_once_leaves_one_marker(
    http, world, session
) -> None:
    for _ in range(ROUNDS):
        url = f"{API}/desk/seen"
        answers = await at_once(*(http.post(url, headers=world.vendor.headers) for _ in range(10)))
        assert len(winners(answers)) == 10, describe(answers)
        markers = select(func.count()).select_from(DeskSeen)
        markers = markers.where(col(DeskSeen.user_id) == world.vendor.id)
        assert await _count(session, markers) == 1


# --- issue 11 §1 follow-up: the read-then-write operations that were awaiting a case ----------


@covers("PUT /customers/{customer_id}/name")
async def test_two_renames_and_a_registration_to_one_name_at_once_give_it_to_one_customer(
    http, world, factory, session
) -> None:
    domain = await factory.domain_id()
    for round_ in range(ROUNDS):
        first, second = await factory.customer(world.agent_a), await factory.customer(world.agent_b)
        name = f"惠州市{WORDS[round_]}照明科技有限公司"
        rename = {"name": name, "reason": "工商变更"}
        registration = {
            "name": name,
            "province": "广东省",
            "city": "惠州市",
            "product_domain_id": domain,
            "annual_mcu_usage_wan": 10,
        }
        answers = await at_once(
            *(
                http.put(f"{API}/customers/{c.id}/name", json=rename, headers=world.vendor.headers)
                for c in (first, second)
            ),
            http.post(f"{API}/registrations", json=registration, headers=world.b_sales.headers),
        )
        the_winner(answers)
        assert refused(answers, "name_taken", "registration_blocked"), describe(answers)
        holders = select(func.count()).select_from(Customer).where(col(Customer.name) == name)
        assert await _count(session, holders) == 1


@covers("PUT /customers/{customer_id}/name")
async def test_a_customer_renamed_twice_at_once_keeps_each_earlier_name_as_a_former_name(
    http, world, factory, session
) -> None:
    for round_ in range(ROUNDS):
        customer = await factory.customer(world.agent_a)
        names = [f"珠海市{WORDS[round_]}{word}有限公司" for word in ("微电子", "电器", "精工")]
        answers = await at_once(
            *(
                http.put(
                    f"{API}/customers/{customer.id}/name",
                    json={"name": name, "reason": "工商变更"},
                    headers=world.vendor.headers,
                )
                for name in names
            )
        )
        assert len(winners(answers)) == 3, describe(answers)
        assert await _audit_rows(session, "customer", customer.id, "customer.rename") == 3
        shown = (
            await http.get(f"{API}/customers/{customer.id}", headers=world.vendor.headers)
        ).json()
        assert shown["name"] in names
        former = {a["name"] for a in shown["aliases"] if a["kind"] == "former"}
        # the factory's name and every applied name but the last are former names: none lost
        assert former == {customer.name, *names} - {shown["name"]}, (former, shown["name"])


async def _import_done(http, actor, import_id: int) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Poll like the SPA until the import's pass ends."""
    for _ in range(3000):
        job = (await http.get(f"{API}/imports/{import_id}", headers=actor.headers)).json()
        if job["status"] in ("checked", "committed", "failed"):
            return job  # type: ignore[no-any-return]
        await asyncio.sleep(0.01)
    raise AssertionError(f"import {import_id} did not finish: {job}")


@covers("POST /imports/{import_id}/commit")
async def test_an_import_committed_ten_times_at_once_creates_its_customers_once(
    http, world, session
) -> None:
    vendor, contact = world.vendor, world.a_sales.user.display_name
    for round_ in range(ROUNDS):
        rows = [row(f"中山市{WORDS[round_]}{word}有限公司", contact) for word in ("电机", "电源")]
        uploaded = await http.post(
            f"{API}/imports",
            params={"agent_id": world.agent_a.id, "filename": "legacy.xlsx"},
            content=filled_template(rows),
            headers={**vendor.headers, "Content-Type": "application/octet-stream"},
        )
        assert uploaded.status_code == 202, uploaded.text
        import_id = uploaded.json()["id"]
        assert (await _import_done(http, vendor, import_id))["ready_count"] == 2
        url = f"{API}/imports/{import_id}/commit"
        answers = await at_once(*(http.post(url, headers=vendor.headers) for _ in range(10)))
        the_winner(answers)
        assert refused(answers, "import_not_committable"), describe(answers)
        job = await _import_done(http, vendor, import_id)
        assert (job["status"], job["created_count"]) == ("committed", 2), job
        assert (
            await _audit_rows(session, "customer_import", import_id, "customer_import.commit") == 1
        )
        committed = "customer_import.committed"
        assert await _audit_rows(session, "customer_import", import_id, committed) == 1
        created = select(func.count()).select_from(Customer)
        created = created.where(col(Customer.name).in_([r["name"] for r in rows]))
        assert await _count(session, created) == 2


def _submit(http, author, customer_id: int, project: str, stage: str, domain: int, **fields):  # type: ignore[no-untyped-def]
    """A new report on a new project in `stage` (the request, not yet awaited)."""
    entry = {
        "new_project": {"name": project},
        "stage": stage,
        "product_domain_id": domain,
        "annual_volume": 1000,
        **fields,
    }
    return http.post(
        f"{API}/customers/{customer_id}/reports",
        json={"customer_news": f"客户进入{stage}", "entries": [entry]},
        headers=author.headers,
    )


T = TypeVar("T")


async def _later(seconds: float, request: Awaitable[T]) -> T:
    await asyncio.sleep(seconds)
    return await request


@covers("POST /mcu-models/{model_id}/delete")
async def test_an_mcu_model_deleted_while_a_report_starts_using_it_is_either_kept_or_unused(
    http, world, factory, session
) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales)
    domain = await factory.domain_id()
    for round_ in range(ROUNDS):
        made = await http.post(
            f"{API}/mcu-models",
            json={"part_number": f"CD32RACE{round_:02d}", "series": "CD32F0"},
            headers=world.vendor.headers,
        )
        model_id = made.json()["id"]
        # the deletes a little later each round, so that either side gets there first
        answers = await at_once(
            *(
                _later(
                    round_ % 5 * 0.01,
                    http.post(f"{API}/mcu-models/{model_id}/delete", headers=world.vendor.headers),
                )
                for _ in range(3)
            ),
            _submit(
                http,
                world.a_sales,
                customer.id,
                f"选型{round_}",
                "lead",
                domain,
                mcu_model_id=model_id,
            ),
        )
        deleted, reported = len(winners(answers[:3])), winners(answers[3:])
        # either the report came first and every delete is refused, or one delete came first
        # and the report is refused: never a report on a deleted model (or a database refusal)
        assert (deleted, len(reported)) in ((0, 1), (1, 0)), describe(answers)
        codes = (
            ("mcu_model_in_use", "not_found") if reported else ("not_found", "unknown_mcu_model")
        )
        assert refused(answers, *codes), describe(answers)
        kept = select(func.count()).select_from(McuModel).where(col(McuModel.id) == model_id)
        assert await _count(session, kept) == len(reported)
        assert await _audit_rows(session, "mcu_model", model_id, "mcu_model.delete") == deleted


async def _new_domain(session, name: str, children: int = 0) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    """A new level-1 domain with `children` level-2 domains in order: (its id, theirs)."""
    parent = ProductDomain(name=name, sort_order=100)
    session.add(parent)
    await session.flush()
    level_two = [
        ProductDomain(name=f"{name}-{n}", parent_id=parent.id, sort_order=n)
        for n in range(children)
    ]
    session.add_all(level_two)
    await session.commit()
    return parent.id, [d.id for d in level_two]


async def _tree(session, ids: list[int]) -> dict[int, tuple[int | None, int, bool]]:  # type: ignore[no-untyped-def]
    """domain id -> (parent id, sort order, active), as stored."""
    rows = await session.execute(
        select(
            col(ProductDomain.id),
            col(ProductDomain.parent_id),
            col(ProductDomain.sort_order),
            col(ProductDomain.is_active),
        ).where(col(ProductDomain.id).in_(ids) | col(ProductDomain.parent_id).in_(ids))
    )
    await session.commit()
    return {id_: (parent, order, active) for id_, parent, order, active in rows.all()}


async def _applied(session, action: str, ids: list[int]) -> list[AuditLog]:  # type: ignore[no-untyped-def]
    """The audit rows of `action` on the domains, in the order they were written."""
    rows = await session.scalars(
        select(AuditLog)
        .where(col(AuditLog.action) == action, col(AuditLog.object_id).in_([str(i) for i in ids]))
        .order_by(col(AuditLog.id))
    )
    await session.commit()
    return list(rows.all())


@covers("POST /product-domains/{domain_id}/move")
async def test_simultaneous_moves_among_siblings_leave_the_order_one_after_another_would(
    http, world, session
) -> None:
    vendor = world.vendor.headers
    for round_ in range(ROUNDS):
        parent, children = await _new_domain(session, f"排序领域{round_}", children=4)
        targets = [3, 0, 2, 1][round_ % 4 :] + [3, 0, 2, 1][: round_ % 4]
        position = dict(zip(children, targets, strict=True))
        answers = await at_once(
            *(
                http.post(
                    f"{API}/product-domains/{child}/move", json={"position": p}, headers=vendor
                )
                for child, p in position.items()
            )
        )
        assert len(winners(answers)) == len(children), describe(answers)
        expected = list(children)
        for applied in await _applied(session, "product_domain.move", children):
            moved = int(applied.object_id)
            expected.remove(moved)
            expected.insert(min(position[moved], len(expected)), moved)
        tree = await _tree(session, [parent])
        stored = sorted(children, key=lambda c: tree[c][1])
        assert [tree[c][1] for c in stored] == list(range(len(children))), tree
        assert stored == expected, (stored, expected)


@covers("POST /product-domains/{domain_id}/merge", "POST /product-domains/{domain_id}/move")
async def test_merges_and_moves_at_once_leave_one_tree_with_each_customer_moved_once(
    http, world, factory, session
) -> None:
    vendor = world.vendor.headers
    for round_ in range(ROUNDS):
        source, source_children = await _new_domain(session, f"合并源{round_}", children=2)
        first, first_children = await _new_domain(session, f"合并甲{round_}", children=1)
        second, _ = await _new_domain(session, f"合并乙{round_}")
        domains = [source, first, second]
        customers = {
            (await factory.customer(world.agent_a)).id: domain for domain in (source, source, first)
        }
        for customer_id, domain in customers.items():
            await session.execute(
                update(Customer)
                .where(col(Customer.id) == customer_id)
                .values(product_domain_id=domain)
            )
        await session.commit()
        merge = f"{API}/product-domains/{{}}/merge"
        move = f"{API}/product-domains/{{}}/move"
        answers = await at_once(
            http.post(merge.format(source), json={"into_id": first}, headers=vendor),
            http.post(merge.format(source), json={"into_id": second}, headers=vendor),
            http.post(merge.format(first), json={"into_id": source}, headers=vendor),
            *(
                http.post(move.format(child), json={"position": 0}, headers=vendor)
                for child in [*source_children, *first_children]
            ),
        )
        # source and first merged into each other: whichever came second found its target gone
        assert len(winners(answers[:3])) == 2, describe(answers)
        assert refused(answers, "domain_merge_target_inactive"), describe(answers)
        assert len(winners(answers[3:])) == 3, describe(answers)
        # replay the merges in the order they were written: each moved exactly the customers on
        # its source at that moment, and the result is what is stored
        where = dict(customers)
        for merged in await _applied(session, "product_domain.merge", domains):
            into = merged.after["merged_into"]["id"]
            on_source = [c for c, d in where.items() if d == int(merged.object_id)]
            assert merged.after["moved"]["customer.product_domain_id"] == len(on_source)
            where.update(dict.fromkeys(on_source, into))
        stored = await session.execute(
            select(col(Customer.id), col(Customer.product_domain_id)).where(
                col(Customer.id).in_(list(customers))
            )
        )
        await session.commit()
        assert dict(stored.all()) == where
        tree = await _tree(session, domains)
        # every customer and every level-2 domain is on an active domain, in distinct places
        assert all(tree[d][2] for d in where.values()), (tree, where)
        level_two = [(parent, order) for parent, order, _ in tree.values() if parent in domains]
        assert all(tree[parent][2] for parent, _ in level_two), tree
        assert len(set(level_two)) == len(source_children) + len(first_children), tree


def _edit(report: dict, stage: str) -> dict:  # type: ignore[type-arg]
    [entry] = report["entries"]
    return {
        "version": report["version"],
        "customer_news": f"客户进入{stage}",
        "entries": [
            {
                "project_id": entry["project"]["id"],
                "stage": stage,
                "product_domain_id": entry["product_domain"]["id"],
                "annual_volume": 2000,
            }
        ],
    }


@covers("PUT /reports/{report_id}", "POST /customers/{customer_id}/reports")
async def test_reports_of_a_customer_edited_and_submitted_at_once_each_apply_and_protect_by_it(
    http, world, factory, session
) -> None:
    sales, domain = world.a_sales, await factory.domain_id()
    edits = [["development", "mass_production", "lead"], ["approved", "small_batch", "lost"]]
    ladder = ["lead", "approved", "development", "small_batch", "mass_production"]
    for round_ in range(ROUNDS):
        customer = await factory.customer(world.agent_a, sales)
        granted = customer.protection_until
        reports = []
        for n in range(len(edits)):
            made = await _submit(http, sales, customer.id, f"项目{n}", "lead", domain)
            assert made.status_code == 201, made.text
            reports.append(made.json())
        submitted = [["approved", "lead"], ["development", "lead"], ["lead", "lost"]][round_ % 3]
        answers = await at_once(
            *(
                http.put(
                    f"{API}/reports/{report['id']}", json=_edit(report, s), headers=sales.headers
                )
                for report, stages in zip(reports, edits, strict=True)
                for s in stages
            ),
            *(_submit(http, sales, customer.id, f"新项目{s}", s, domain) for s in submitted),
        )
        assert statuses(answers[6:]) == [201, 201], describe(answers)
        assert refused(answers, "report_edited_meanwhile"), describe(answers)
        applied = list(submitted)
        for n, report in enumerate(reports):
            stage = the_winner(answers[3 * n : 3 * n + 3]).json()["entries"][0]["stage"]
            applied.append(stage)
            final = (await http.get(f"{API}/reports/{report['id']}", headers=sales.headers)).json()
            assert (final["version"], final["entries"][0]["stage"]) == (2, stage)
            assert final["customer_news"] == f"客户进入{stage}"
            url = f"{API}/reports/{report['id']}/revisions"
            assert len((await http.get(url, headers=world.vendor.headers)).json()) == 1
            assert await _audit_rows(session, "report", report["id"], "report.update") == 1
        # the customer's stage and protection follow every applied edit and the new report
        stored = await _customer(session, customer.id)
        on_ladder = [ladder.index(s) for s in applied if s in ladder]
        assert stored.project_stage == (ladder[max(on_ladder)] if on_ladder else None)
        if "mass_production" in applied:
            assert stored.protection_mode is ProtectionMode.REVIEW
        else:
            assert stored.protection_mode is ProtectionMode.PERIOD
            extended = stored.protection_until > granted
            assert extended == any(s in ("development", "small_batch") for s in applied)


async def _user(session, user_id: int) -> User:  # type: ignore[no-untyped-def]
    user = await session.scalar(
        select(User).where(col(User.id) == user_id).execution_options(populate_existing=True)
    )
    await session.commit()
    assert user is not None
    return user


@covers("POST /users/{user_id}/reset-password", "POST /auth/set-password")
async def test_resets_racing_the_previous_link_leave_only_the_last_reset_s_credentials_working(
    http, world, factory, session
) -> None:
    resets = 3
    for round_ in range(ROUNDS):
        user = await factory.user(Role.SALES, world.agent_a, must_change_password=True)
        earlier = f"earlier-link-{round_}"  # as an earlier reset left it
        session.add(
            SetPasswordLink(
                user_id=user.id,
                token_hash=hash_opaque_token(earlier),
                expires_at=now() + timedelta(days=1),
            )
        )
        await session.commit()
        version_before = user.user.token_version
        emails_before = await _emails(session, "set_password_link")
        url = f"{API}/users/{user.id}/reset-password"
        chosen = {"token": earlier, "new_password": "a private passphrase for the race"}
        answers = await at_once(
            *(http.post(url, headers=world.a_admin.headers) for _ in range(resets)),
            http.post(f"{API}/auth/set-password", json=chosen),
        )
        assert len(winners(answers[:resets])) == resets, describe(answers)
        assert refused(answers, "set_password_link_invalid"), describe(answers)
        # the earlier link worked only before every reset (each uses up the links before it)
        link_used = winners(answers[resets:]) != []
        assert await _emails(session, "set_password_link") - emails_before == resets
        assert await _audit_rows(session, "user_account", user.id, "user.reset_password") == resets
        links = await session.scalars(
            select(SetPasswordLink).where(
                col(SetPasswordLink.user_id) == user.id, col(SetPasswordLink.used_at).is_(None)
            )
        )
        [usable] = links.all()  # every earlier reset's link was used up by the next one
        await session.commit()
        issued = {
            hash_opaque_token(r.json()["set_password_url"].split("token=")[1]): r.json()
            for r in answers[:resets]
        }
        stored = await _user(session, user.id)
        # the account's one-time password is from the reset whose link still works (one
        # transaction wrote both: the same expiry, to the microsecond)
        assert usable.expires_at == stored.temporary_password_expires_at
        assert datetime.fromisoformat(issued[usable.token_hash]["expires_at"]) == usable.expires_at
        assert stored.must_change_password
        # no increment lost: every change of credentials ended the access tokens before it
        assert stored.token_version == version_before + resets + link_used
