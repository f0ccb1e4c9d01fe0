"""A real SMTP server (aiosmtpd) for the email tests, and ways to read what it received."""

import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.header import decode_header, make_header
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import select

from api.config import Settings, get_settings
from api.notifications.models import OutboxMessage
from api.notifications.sender import deliver_due


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


async def deliver(port: int) -> tuple[int, int]:
    return await deliver_due(smtp_settings(port))


def smtp_settings(port: int, **changes: object) -> Settings:
    return get_settings().model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": port, **changes}
    )


async def outbox(session) -> list[OutboxMessage]:  # type: ignore[no-untyped-def]
    # populate_existing: rows the test still holds are read again, not served from the session
    statement = select(OutboxMessage).order_by(OutboxMessage.id)
    rows = list((await session.scalars(statement.execution_options(populate_existing=True))).all())
    await session.commit()
    return rows


def subject(message: Message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def text(message: Message) -> str:
    return str(message.get_payload(decode=True).decode())  # type: ignore[union-attr]
