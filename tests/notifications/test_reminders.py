"""The daily reminders (SPEC §11): protection ending soon (to the contact salesperson and the
agent's master account) and follow-up overdue (to the contact salesperson), each once per
episode, in the recipient's language, never to someone who opted out."""

import asyncio
from datetime import datetime, timedelta

from api.db import get_sessionmaker
from api.kit.clock import CHINA
from api.notifications.models import OutboxMessage
from api.notifications.tasks import queue_reminders
from tests.clock import NOW
from tests.notifications.mail import deliver, outbox, subject, text

T0 = NOW + timedelta(days=1)  # 10:00 in China
ENDING, OVERDUE = "protection_ending", "followup_overdue"


async def _run(at: datetime) -> int:
    async with get_sessionmaker()() as session, session.begin():
        return await queue_reminders(session, at)


def _day(at: datetime) -> str:
    return at.astimezone(CHINA).date().isoformat()


def _mails(rows: list[OutboxMessage], kind: str) -> list[str]:
    return [m.to_email for m in rows if m.kind == kind]


async def test_protection_warning_is_written_once_per_period_end_and_again_after_an_extension(
    client, world, factory, session, clock
) -> None:
    clock.move_to(T0, tick=False)
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=T0 + timedelta(days=10)
    )
    far = await factory.customer(
        world.agent_a, world.a_sales, protection_until=T0 + timedelta(days=60)
    )
    assert await _run(T0) == 1
    warned = [m for m in await outbox(session) if m.kind == ENDING]
    assert sorted(m.to_email for m in warned) == sorted(
        [world.a_sales.user.email, world.a_admin.user.email]
    )
    assert all(customer.name in m.subject and far.name not in m.body for m in warned)
    await _run(T0 + timedelta(days=1))
    await _run(T0 + timedelta(days=9))
    assert len(_mails(await outbox(session), ENDING)) == 2  # not every day

    # The agent asks for more time and the vendor moves the end: that end is warned of again.
    extension = await client.post(
        f"/api/v1/customers/{customer.id}/extensions",
        json={"reason": "项目进入研发阶段"},
        headers=world.a_sales.headers,
    )
    assert extension.status_code == 201, extension.text
    new_end = T0 + timedelta(days=100)
    approved = await client.post(
        f"/api/v1/extensions/{extension.json()['id']}/approve",
        json={"protection_until": new_end.isoformat()},
        headers=world.vendor.headers,
    )
    assert approved.status_code == 200, approved.text
    await _run(T0 + timedelta(days=2))
    assert len(_mails(await outbox(session), ENDING)) == 2  # the new end is far away
    await _run(new_end - timedelta(days=5))
    rows = await outbox(session)
    later = [m for m in rows if m.kind == ENDING][2:]
    assert sorted(m.to_email for m in later if customer.name in m.subject) == sorted(
        [world.a_sales.user.email, world.a_admin.user.email]
    )
    assert all("5 天后" in m.subject for m in later if customer.name in m.subject)


async def test_overdue_mail_is_written_once_per_episode_and_again_after_a_new_report_and_a_later_lapse(  # noqa: E501
    client, world, factory, session, clock
) -> None:
    clock.move_to(T0, tick=False)
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=T0 + timedelta(days=200)
    )
    assert await _run(T0 + timedelta(days=15)) == 0  # 15 days is still in time
    assert await _run(T0 + timedelta(days=16)) == 1
    assert await _run(T0 + timedelta(days=17)) == 0
    rows = await outbox(session)
    assert _mails(rows, OVERDUE) == [world.a_sales.user.email]  # the salesperson only
    assert customer.name in rows[0].body and "15" in rows[0].body

    clock.move_to(T0 + timedelta(days=18), tick=False)
    report = await client.post(
        f"/api/v1/customers/{customer.id}/reports",
        json={"customer_news": "拜访客户，确认送样"},
        headers=world.a_sales.headers,
    )
    assert report.status_code == 201, report.text
    assert await _run(T0 + timedelta(days=20)) == 0  # reported: not overdue
    assert await _run(T0 + timedelta(days=18 + 16)) == 1  # a new lapse
    assert await _run(T0 + timedelta(days=18 + 20)) == 0
    assert _mails(await outbox(session), OVERDUE) == [world.a_sales.user.email] * 2


async def test_reminders_respect_each_recipients_opt_out(
    client, world, factory, session, clock
) -> None:
    opted = await client.patch(
        "/api/v1/me", json={"email_opt_out": [ENDING]}, headers=world.a_sales.headers
    )
    assert opted.status_code == 200 and opted.json()["email_opt_out"] == [ENDING]
    await client.patch(
        "/api/v1/me", json={"email_opt_out": [OVERDUE]}, headers=world.a_admin.headers
    )
    clock.move_to(T0, tick=False)
    await factory.customer(world.agent_a, world.a_sales, protection_until=T0 + timedelta(days=30))
    assert await _run(T0 + timedelta(days=20)) == 2  # ending in 10 days, and overdue
    rows = await outbox(session)
    assert _mails(rows, ENDING) == [world.a_admin.user.email]
    assert _mails(rows, OVERDUE) == [world.a_sales.user.email]


async def test_reminders_follow_each_recipients_language(
    client, world, factory, session, clock
) -> None:
    await client.patch("/api/v1/me", json={"language": "en"}, headers=world.a_admin.headers)
    clock.move_to(T0, tick=False)
    customer = await factory.customer(
        world.agent_a,
        world.a_sales,
        name="深圳市提醒测试电子有限公司",
        protection_until=T0 + timedelta(days=7),
    )
    await _run(T0)
    by_email = {m.to_email: m for m in await outbox(session)}
    english, chinese = by_email[world.a_admin.user.email], by_email[world.a_sales.user.email]
    assert english.subject == f"ChannelDesk: protection of “{customer.name}” ends in 7 days"
    assert _day(T0 + timedelta(days=7)) in english.body and "extension" in english.body
    assert chinese.subject == f"渠道通：客户“{customer.name}”的保护期 7 天后到期"
    assert _day(T0 + timedelta(days=7)) in chinese.body and "延期申请" in chinese.body


async def test_reminder_job_writes_no_duplicates_when_two_run_concurrently(
    client, world, factory, session, clock
) -> None:
    clock.move_to(T0, tick=False)
    for n in range(6):
        await factory.customer(
            world.agent_a,
            world.a_sales,
            name=f"提醒{n}号电子有限公司",
            protection_until=T0 + timedelta(days=3 + n),
        )
    counts = await asyncio.gather(_run(T0), _run(T0))
    assert sum(counts) == 6, counts
    rows = await outbox(session)
    assert len(rows) == 12  # the salesperson and the master account, once per customer
    assert len({(m.to_email, m.subject) for m in rows}) == 12


async def test_reminder_arrives_at_the_smtp_server_with_the_right_recipient_and_text(
    client, world, factory, session, smtp, clock
) -> None:
    inbox, port = smtp
    clock.move_to(T0, tick=False)
    customer = await factory.customer(
        world.agent_a, world.a_sales, protection_until=T0 + timedelta(days=200)
    )
    await _run(T0 + timedelta(days=16))
    assert await deliver(port) == (1, 0)
    recipients, message = inbox.messages[0]
    assert recipients == [world.a_sales.user.email]
    assert subject(message) == f"渠道通：客户“{customer.name}”的跟进报告已逾期"
    body = text(message)
    assert "超过 15 天没有跟进报告" in body and _day(T0) in body


async def test_the_scheduled_job_queues_reminders_once_a_day(
    client, world, factory, session, clock
) -> None:
    from api import jobs

    jobs._reminded_on = None
    clock.move_to(T0, tick=False)
    await factory.customer(world.agent_a, world.a_sales, protection_until=T0 + timedelta(days=5))
    assert await jobs.run_daily_reminders() == 1
    await factory.customer(world.agent_a, world.a_sales, protection_until=T0 + timedelta(days=6))
    assert await jobs.run_daily_reminders() == 0  # already ran today
    clock.move_to(T0 + timedelta(days=1), tick=False)
    assert await jobs.run_daily_reminders() == 1
    jobs._reminded_on = None


async def test_the_vendor_is_told_once_when_a_mass_production_review_comes_due(
    world, factory, session, clock
) -> None:
    from api.customers.models import ProtectionMode

    clock.move_to(T0, tick=False)
    customer = await factory.customer(world.agent_a, world.a_sales, name="深圳市量产复核有限公司")
    customer.protection_mode = ProtectionMode.REVIEW
    customer.next_review_at = T0 + timedelta(days=40)
    session.add(customer)
    await session.commit()
    await _run(T0)
    assert _mails(await outbox(session), "review_due") == []  # outside the warning window
    await _run(T0 + timedelta(days=30))
    await _run(T0 + timedelta(days=31))
    await _run(T0 + timedelta(days=45))  # overdue now: still the same review date
    reminded = [m for m in await outbox(session) if m.kind == "review_due"]
    assert [m.to_email for m in reminded] == [world.vendor.user.email]
    assert customer.name in reminded[0].subject and "华南代理" in reminded[0].body


async def _ask(client, world, factory, customer_id: int) -> dict:  # type: ignore[no-untyped-def]
    """a.sales reports on the customer with a question for the manufacturer."""
    entry = {
        "stage": "lead",
        "product_domain_id": await factory.domain_id(),
        "annual_volume": 10000,
        "open_questions": "能否提供开发板？",
        "new_project": {"name": "智能插座主控", "product": "智能插座"},
    }
    report = await client.post(
        f"/api/v1/customers/{customer_id}/reports",
        json={"customer_news": "客户评估新平台", "entries": [entry]},
        headers=world.a_sales.headers,
    )
    assert report.status_code == 201, report.text
    return report.json()


async def test_the_vendor_is_told_once_when_a_question_has_waited_the_configured_days(
    client, world, factory, session, clock
) -> None:
    clock.move_to(T0, tick=False)
    customer = await factory.customer(world.agent_a, world.a_sales, name="深圳市问题提醒有限公司")
    await _ask(client, world, factory, customer.id)
    await _run(T0 + timedelta(days=2))
    assert _mails(await outbox(session), "question_unanswered") == []  # 3 days by default
    await _run(T0 + timedelta(days=3, minutes=1))
    await _run(T0 + timedelta(days=4))
    reminded = [m for m in await outbox(session) if m.kind == "question_unanswered"]
    assert [m.to_email for m in reminded] == [world.vendor.user.email]
    assert customer.name in reminded[0].subject and "能否提供开发板？" in reminded[0].body


async def test_a_reply_after_the_answer_starts_a_new_wait_with_its_own_reminder(
    client, world, factory, session, clock
) -> None:
    clock.move_to(T0, tick=False)
    customer = await factory.customer(world.agent_a, world.a_sales, name="深圳市追问提醒有限公司")
    report = await _ask(client, world, factory, customer.id)
    entry_id = report["entries"][0]["id"]
    comment = {"body": "下周寄出", "entry_id": entry_id}
    url = f"/api/v1/reports/{report['id']}/comments"
    assert (await client.post(url, json=comment, headers=world.vendor.headers)).status_code == 201
    await _run(T0 + timedelta(days=5))
    assert _mails(await outbox(session), "question_unanswered") == []  # answered in time

    clock.move_to(T0 + timedelta(days=6), tick=False)
    reply = {"body": "还需要两块", "entry_id": entry_id}
    assert (await client.post(url, json=reply, headers=world.a_sales.headers)).status_code == 201
    await _run(T0 + timedelta(days=8))
    assert _mails(await outbox(session), "question_unanswered") == []
    await _run(T0 + timedelta(days=9, minutes=1))
    assert _mails(await outbox(session), "question_unanswered") == [world.vendor.user.email]
