"""Emails about the work queues (issue 12 §2): vendor staff hear of every new registration and
extension request (one email per item each, unless turned off in their profile); the agent that
held a customer hears when it goes to the pool and when another agent takes it, never who."""

from datetime import timedelta

from api.authz.roles import Role
from api.customers.expiry import release_expired
from api.customers.models import CustomerStatus, ProtectionMode
from api.db import get_sessionmaker
from tests.clock import NOW, days_ago
from tests.notifications.mail import deliver, outbox, subject, text

NEW_COMPANY = {
    "name": "东莞市工作台邮件电子有限公司",
    "province": "广东省",
    "city": "东莞市",
    "annual_mcu_usage_wan": 5,
}


async def _mails(session, kind: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return sorted((m.to_email, m.body) for m in await outbox(session) if m.kind == kind)


async def _register(client, world, factory) -> dict:  # type: ignore[no-untyped-def]
    body = {**NEW_COMPANY, "product_domain_id": await factory.domain_id()}
    created = await client.post("/api/v1/registrations", json=body, headers=world.a_sales.headers)
    assert created.status_code == 201, created.text
    return created.json()


async def test_every_vendor_staff_member_gets_one_email_per_new_registration(
    client, world, factory, session, smtp
) -> None:
    inbox, port = smtp
    colleague = await factory.user(Role.VENDOR, username="vendor.two")
    await _register(client, world, factory)
    mails = await _mails(session, "registration_submitted")
    assert [to for to, _ in mails] == sorted([world.vendor.user.email, colleague.user.email])
    assert await deliver(port) == (2, 0)
    assert sorted(r for rs, _ in inbox.messages for r in rs) == sorted(
        [world.vendor.user.email, colleague.user.email]
    )
    message = inbox.messages[0][1]
    assert subject(message) == f"渠道通：新的客户报备“{NEW_COMPANY['name']}”待审批"
    assert "华南代理" in text(message) and world.a_sales.user.display_name in text(message)
    assert len(await outbox(session)) == 2  # nobody else, nothing twice


async def test_a_vendor_who_turned_the_registration_email_off_gets_none(
    client, world, factory, session
) -> None:
    colleague = await factory.user(Role.VENDOR, username="vendor.two")
    turned_off = await client.patch(
        "/api/v1/me",
        json={"email_opt_out": ["registration_submitted"]},
        headers=world.vendor.headers,
    )
    assert turned_off.status_code == 200, turned_off.text
    await _register(client, world, factory)
    assert [to for to, _ in await _mails(session, "registration_submitted")] == [
        colleague.user.email
    ]


async def test_an_extension_request_emails_the_vendor_staff_with_the_reason(
    client, world, factory, session
) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=NOW + timedelta(days=10)
    )
    asked = await client.post(
        f"/api/v1/customers/{customer.id}/extensions",
        json={
            "reason": "客户下月小批试产",
            "requested_until": (NOW + timedelta(days=70)).isoformat(),
        },
        headers=world.a_sales.headers,
    )
    assert asked.status_code == 201, asked.text
    [(to, body)] = await _mails(session, "extension_submitted")
    assert to == world.vendor.user.email
    assert customer.name in body and "客户下月小批试产" in body
    assert (NOW + timedelta(days=70)).date().isoformat() in body


async def test_the_agent_master_and_contact_hear_when_the_vendor_releases_their_customer(
    client, world, factory, session
) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales)
    released = await client.post(
        f"/api/v1/customers/{customer.id}/release",
        json={"reason": "长期未跟进"},
        headers=world.vendor.headers,
    )
    assert released.status_code == 200, released.text
    mails = await _mails(session, "customer_released")
    assert [to for to, _ in mails] == sorted([world.a_admin.user.email, world.a_sales.user.email])
    assert all(customer.name in body and "长期未跟进" in body for _, body in mails)


async def test_the_agent_hears_when_its_customer_expires_to_the_pool(
    world, factory, session, clock
) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=NOW + timedelta(days=1)
    )
    clock.move_to(NOW + timedelta(days=2), tick=False)
    async with get_sessionmaker()() as job, job.begin():
        assert await release_expired(job) == 1
    mails = await _mails(session, "customer_released")
    assert {to for to, _ in mails} == {world.a_admin.user.email, world.a_sales.user.email}
    assert all(customer.name in body and "保护期结束" in body for _, body in mails)


async def test_the_agent_that_lost_a_customer_hears_it_was_taken_but_not_by_whom(
    client, world, factory, session
) -> None:
    customer = await factory.customer(
        None,
        status=CustomerStatus.RELEASED,
        released_from=world.agent_a,
        released_at=days_ago(60),
    )
    applied = await client.post(
        f"/api/v1/pool/{customer.id}/apply", json={}, headers=world.b_sales.headers
    )
    assert applied.status_code == 201, applied.text
    assert await _mails(session, "customer_taken") == []  # applying is not taking yet
    assert len(await _mails(session, "registration_submitted")) == 1  # the vendor hears of it
    approved = await client.post(
        f"/api/v1/registrations/{applied.json()['id']}/approve",
        json={},
        headers=world.vendor.headers,
    )
    assert approved.status_code == 200, approved.text
    [(to, body)] = await _mails(session, "customer_taken")
    assert to == world.a_admin.user.email
    assert customer.name in body
    for name in ("华东代理", world.b_sales.user.display_name, world.b_admin.user.display_name):
        assert name not in body


async def test_an_agent_taking_back_its_own_former_customer_gets_no_taken_email(
    client, world, factory, session
) -> None:
    customer = await factory.customer(
        None,
        status=CustomerStatus.RELEASED,
        released_from=world.agent_a,
        released_at=days_ago(60),  # past the cooldown
    )
    applied = await client.post(
        f"/api/v1/pool/{customer.id}/apply", json={}, headers=world.a_sales.headers
    )
    assert applied.status_code == 201, applied.text
    approved = await client.post(
        f"/api/v1/registrations/{applied.json()['id']}/approve",
        json={},
        headers=world.vendor.headers,
    )
    assert approved.status_code == 200, approved.text
    assert await _mails(session, "customer_taken") == []


async def test_the_agent_hears_when_a_review_releases_its_mass_production_customer(
    client, world, factory, session
) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales)
    customer.protection_mode = ProtectionMode.REVIEW
    customer.next_review_at = days_ago(1)
    session.add(customer)
    await session.commit()
    reviewed = await client.post(
        f"/api/v1/customers/{customer.id}/review",
        json={"keep": False, "reason": "量产已停"},
        headers=world.vendor.headers,
    )
    assert reviewed.status_code == 200, reviewed.text
    mails = await _mails(session, "customer_released")
    assert {to for to, _ in mails} == {world.a_admin.user.email, world.a_sales.user.email}
    assert all("量产复核" in body and "量产已停" in body for _, body in mails)
