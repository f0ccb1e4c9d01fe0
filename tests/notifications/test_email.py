"""Email notifications (SPEC §11): written to an outbox in the event's transaction, delivered by
SMTP later with retries, never blocking the request. A real SMTP server (aiosmtpd) listens here."""

import pytest

from api.kit.clock import now
from api.notifications.models import OutboxStatus
from api.notifications.service import decision_params
from api.notifications.templates import render
from tests.notifications.mail import deliver as _deliver
from tests.notifications.mail import free_port as _free_port
from tests.notifications.mail import outbox as _outbox
from tests.notifications.mail import subject as _subject


async def _registration(client, world, factory) -> dict:  # type: ignore[no-untyped-def]
    """A's registration, with the vendor's "new registration" email turned off in their
    profile: these tests follow the decision's email alone (test_vendor_emails the other)."""
    turned_off = await client.patch(
        "/api/v1/me",
        json={"email_opt_out": ["registration_submitted"]},
        headers=world.vendor.headers,
    )
    assert turned_off.status_code == 200, turned_off.text
    body = {
        "name": "东莞市邮件测试电子有限公司",
        "province": "广东省",
        "city": "东莞市",
        "product_domain_id": await factory.domain_id(),
        "annual_mcu_usage_wan": 5,
    }
    response = await client.post("/api/v1/registrations", json=body, headers=world.a_sales.headers)
    assert response.status_code == 201
    return response.json()


async def test_approval_email_arrives_with_the_right_recipient_and_text(
    client, world, factory, session, smtp
) -> None:
    inbox, port = smtp
    registration = await _registration(client, world, factory)
    await client.post(
        f"/api/v1/registrations/{registration['id']}/approve", json={}, headers=world.vendor.headers
    )
    assert [m.status for m in await _outbox(session)] == [
        OutboxStatus.PENDING
    ]  # queued, not sent in the request
    assert await _deliver(port) == (1, 0)
    recipients, message = inbox.messages[0]
    assert recipients == [world.a_sales.user.email]
    assert _subject(message) == "渠道通：客户报备已通过"
    body = message.get_payload(decode=True).decode()
    assert "东莞市邮件测试电子有限公司" in body and "的报备申请已通过。" in body
    assert [m.status for m in await _outbox(session)] == [OutboxStatus.SENT]
    assert await _deliver(port) == (0, 0)  # sent once


async def test_a_failing_smtp_server_leaves_the_message_queued_for_a_retry(
    client, world, factory, session
) -> None:
    registration = await _registration(client, world, factory)
    await client.post(
        f"/api/v1/registrations/{registration['id']}/reject",
        json={"reason": "信息不全"},
        headers=world.vendor.headers,
    )
    assert await _deliver(_free_port()) == (0, 1)  # nothing listens there
    message = (await _outbox(session))[0]
    assert message.status is OutboxStatus.PENDING and message.attempts == 1
    assert message.next_attempt_at > now() and message.last_error


async def test_emails_follow_the_users_language_and_opt_outs(
    client, world, factory, session, smtp
) -> None:
    inbox, port = smtp
    await client.patch("/api/v1/me", json={"language": "en"}, headers=world.a_sales.headers)
    registration = await _registration(client, world, factory)
    await client.post(
        f"/api/v1/registrations/{registration['id']}/approve", json={}, headers=world.vendor.headers
    )
    await _deliver(port)
    assert _subject(inbox.messages[0][1]) == "ChannelDesk: registration approved"
    await client.patch(
        "/api/v1/me",
        json={"email_opt_out": ["registration_decided"]},
        headers=world.a_sales.headers,
    )
    other = await client.post(
        "/api/v1/registrations",
        json={
            "name": "佛山市另一家电子有限公司",
            "province": "广东省",
            "city": "佛山市",
            "product_domain_id": await factory.domain_id(),
            "annual_mcu_usage_wan": 5,
        },
        headers=world.a_sales.headers,
    )
    await client.post(
        f"/api/v1/registrations/{other.json()['id']}/approve", json={}, headers=world.vendor.headers
    )
    assert len(await _outbox(session)) == 1


async def test_new_users_get_the_set_password_link_but_never_the_password(
    client, world, session, smtp
) -> None:
    inbox, port = smtp
    created = await client.post(
        "/api/v1/users",
        json={
            "username": "mail.user",
            "display_name": "邮件用户",
            "email": "mail.user@example.com",
            "role": "sales",
        },
        headers=world.a_admin.headers,
    )
    await _deliver(port)
    recipients, message = inbox.messages[0]
    text = message.get_payload(decode=True).decode()
    assert recipients == ["mail.user@example.com"]
    assert created.json()["credentials"]["set_password_url"] in text
    assert created.json()["credentials"]["temporary_password"] not in text


async def test_comment_emails_reach_the_author(client, world, factory, session) -> None:
    from datetime import timedelta

    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=now() + timedelta(days=30)
    )
    report = await client.post(
        f"/api/v1/customers/{customer.id}/reports",
        json={"customer_news": "本周拜访客户"},
        headers=world.a_sales.headers,
    )
    await client.post(
        f"/api/v1/reports/{report.json()['id']}/comments",
        json={"body": "请尽快送样"},
        headers=world.vendor.headers,
    )
    mails = await _outbox(session)
    assert [(m.kind, m.to_email) for m in mails] == [("new_comment", world.a_sales.user.email)]
    assert "请尽快送样" in mails[0].body


async def test_the_vendor_sees_the_outbox(client, world, factory) -> None:
    registration = await _registration(client, world, factory)
    await client.post(
        f"/api/v1/registrations/{registration['id']}/approve", json={}, headers=world.vendor.headers
    )
    assert (await client.get("/api/v1/outbox", headers=world.vendor.headers)).json()["total"] == 1
    assert (await client.get("/api/v1/outbox", headers=world.a_admin.headers)).json()["total"] == 0


@pytest.mark.parametrize("approved", [True, False])
def test_decision_emails_read_as_written_chinese(approved: bool) -> None:
    """Each decision word is said once: no "已已通过"."""
    for kind in ("registration_decided", "extension_decided"):
        subject, body = render(
            kind, "zh", name="李明", customer="某公司", **decision_params(approved, "")
        )
        assert "已已" not in subject + body
        assert ("已通过" if approved else "未获通过") in subject and body.count("通过") == 1
