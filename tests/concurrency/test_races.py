"""Simultaneous requests through the real HTTP stack on PostgreSQL: every state change has one
winner, one audit row and one email; limits hold; counts are exact (issue 11 §1). Each case
runs ROUNDS rounds on fresh rows."""

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlmodel import col

from api.announcements.models import AnnouncementReceipt
from api.audit.models import AuditLog
from api.auth.models import RefreshToken
from api.auth.routes import REFRESH_COOKIE
from api.authz.roles import Role
from api.config import get_settings
from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.desk.models import DeskSeen
from api.kit.clock import now
from api.notifications.models import OutboxMessage
from api.registrations.models import Registration
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
from tests.orders.conftest import order

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
