"""The outbox sender holds no transaction while a message is on the wire: it claims messages
with a lease, sends, then records the outcome only if the lease is still its own. A real SMTP
server (aiosmtpd) receives; its handlers here can wait, to make two senders meet or to be slow."""

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from email.message import Message

from aiosmtpd.controller import Controller

from api.kit.clock import now
from api.notifications.models import OutboxMessage, OutboxStatus
from api.notifications.sender import claim, deliver_due, record_failure, record_sent
from tests.notifications.mail import Inbox, free_port, outbox, smtp_settings


@contextmanager
def smtp_server(handler: object) -> Iterator[int]:
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


class MeetingInbox(Inbox):
    """The first mail is answered only once a second one is on the wire too: the two senders
    provably send at the same time (or give up waiting after 10 s; the counts then tell)."""

    def __init__(self) -> None:
        super().__init__()
        self.barrier = asyncio.Barrier(2)  # used on the server's own event loop
        self.met = False

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        if not self.met:
            try:
                await asyncio.wait_for(self.barrier.wait(), 10)
                self.met = True
            except TimeoutError:
                pass
        return await super().handle_DATA(server, session, envelope)


class SlowInbox(Inbox):
    """Holds every answer until the test releases it: an SMTP server that takes its time."""

    def __init__(self) -> None:
        super().__init__()
        self.receiving, self.release = threading.Event(), threading.Event()

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.receiving.set()
        await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 30)
        return await super().handle_DATA(server, session, envelope)


async def queue(session, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    recipients = [f"lease{n}@example.com" for n in range(count)]
    session.add_all(
        OutboxMessage(kind="test", to_email=r, subject="租约测试", body="正文") for r in recipients
    )
    await session.commit()
    return recipients


def received(inbox: Inbox) -> list[str]:
    return sorted(r for recipients, _ in inbox.messages for r in recipients)


def bodies(inbox: Inbox) -> list[Message]:
    return [message for _, message in inbox.messages]


async def test_two_senders_at_once_never_send_one_message_twice(session) -> None:
    recipients = await queue(session, 4)
    inbox = MeetingInbox()
    with smtp_server(inbox) as port:
        settings = smtp_settings(port)
        results = await asyncio.gather(
            deliver_due(settings, batch=2), deliver_due(settings, batch=2)
        )
    assert inbox.met  # both were sending at the same time
    assert received(inbox) == sorted(recipients)  # each message once
    assert results == [(2, 0), (2, 0)]  # each sender sent the batch it claimed
    rows = await outbox(session)
    assert {(m.status, m.claim_token, m.lease_until) for m in rows} == {
        (OutboxStatus.SENT, None, None)
    }


async def test_a_crashed_senders_lease_is_respected_then_taken_over_when_it_expires(
    session, clock
) -> None:
    start = now()
    clock.move_to(start, tick=False)
    [recipient] = await queue(session, 1)
    inbox = Inbox()
    with smtp_server(inbox) as port:
        settings = smtp_settings(port)
        [crashed] = await claim(settings, "crashed-sender")  # claimed, then never heard of
        assert await deliver_due(settings) == (0, 0)  # its lease still holds
        clock.move_to(start + timedelta(seconds=settings.outbox_lease_seconds + 1), tick=False)
        assert await deliver_due(settings) == (1, 0)
    assert received(inbox) == [recipient]
    # The crashed sender comes back late: its outcome no longer counts.
    assert not await record_failure("crashed-sender", crashed, OSError("late"), 8)
    assert not await record_sent("crashed-sender", crashed)
    [row] = await outbox(session)
    assert (row.status, row.attempts, row.last_error) == (OutboxStatus.SENT, 0, "")


async def test_each_outcome_is_recorded_retry_then_failed_after_the_last_attempt(
    session, smtp, clock
) -> None:
    start = now()
    clock.move_to(start, tick=False)
    await queue(session, 1)
    nobody_listens = smtp_settings(free_port(), outbox_max_attempts=2)
    assert await deliver_due(nobody_listens) == (0, 1)
    [row] = await outbox(session)
    assert (row.status, row.attempts, row.claim_token) == (OutboxStatus.PENDING, 1, None)
    assert row.next_attempt_at == start + timedelta(minutes=1) and row.last_error
    assert await deliver_due(nobody_listens) == (0, 0)  # not due before the backoff ends
    clock.move_to(start + timedelta(minutes=1), tick=False)
    assert await deliver_due(nobody_listens) == (0, 1)
    [row] = await outbox(session)
    assert (row.status, row.attempts) == (OutboxStatus.FAILED, 2)  # the last attempt
    inbox, port = smtp
    assert await deliver_due(smtp_settings(port)) == (0, 0)  # failed for good: never sent
    assert inbox.messages == []


async def test_a_write_request_completes_while_the_smtp_server_is_slow(
    client, world, session
) -> None:
    await queue(session, 1)
    inbox = SlowInbox()
    with smtp_server(inbox) as port:
        delivery = asyncio.create_task(deliver_due(smtp_settings(port)))
        assert await asyncio.to_thread(inbox.receiving.wait, 10)  # the message is on the wire
        created = await client.post(
            "/api/v1/users",
            json={
                "username": "while.sending",
                "display_name": "发信中",
                "email": "while.sending@example.com",
                "role": "sales",
            },
            headers=world.a_admin.headers,
        )
        assert created.status_code == 201, created.text  # not held up by the send
        assert inbox.messages == []  # the send is still under way
        inbox.release.set()
        assert await delivery == (1, 0)
    assert [m.status for m in await outbox(session)] == [OutboxStatus.SENT, OutboxStatus.PENDING]
