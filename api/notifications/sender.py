"""Deliver queued emails over SMTP, with retries and backoff; safe with several processes.

No transaction is open while a message is on the wire: on SQLite that would hold the one write
lock, and every request with it, for as long as the SMTP server takes. A sender claims due
messages with a lease in one short transaction, sends each outside any transaction, then records
each outcome in another short transaction that applies only while the claim is still its own.
A sender that dies leaves leases that expire; another sender then sends those messages."""

import asyncio
import logging
import smtplib
import time
import uuid
from datetime import timedelta
from email.message import EmailMessage
from typing import Any

from api.config import Settings
from api.db import get_sessionmaker
from api.kit.clock import now
from api.notifications import repository
from api.notifications.models import OutboxMessage, OutboxStatus

log = logging.getLogger("api.outbox")

BATCH = 50
SMTP_TIMEOUT = 15  # seconds, for each socket operation
# No send starts with less than this left of the lease, so every send ends while the lease
# holds and no other sender can have claimed the message meanwhile.
SEND_MARGIN = 4 * SMTP_TIMEOUT


def _send(settings: Settings, message: OutboxMessage) -> None:
    email = EmailMessage()
    email["From"], email["To"], email["Subject"] = (
        settings.smtp_from,
        message.to_email,
        message.subject,
    )
    email.set_content(message.body)
    smtp_class = smtplib.SMTP_SSL if settings.smtp_security == "ssl" else smtplib.SMTP
    with smtp_class(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT) as smtp:
        if settings.smtp_security == "starttls":
            smtp.starttls()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password)
        smtp.send_message(email)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4 … minutes, at most a day."""
    return timedelta(minutes=min(2 ** (attempts - 1), 24 * 60))


async def claim(settings: Settings, token: str, limit: int = BATCH) -> list[OutboxMessage]:
    """Lease up to `limit` due messages to `token`, and commit: the sends happen outside."""
    at = now()
    lease_until = at + timedelta(seconds=settings.outbox_lease_seconds)
    async with get_sessionmaker()() as session, session.begin():
        return await repository.claim_due(session, token, lease_until, at, limit)


async def _record(token: str, message_ids: list[int], **values: Any) -> int:
    """Apply `values` to the messages still claimed by `token` and end the claim; how many."""
    async with get_sessionmaker()() as session, session.begin():
        return await repository.end_claim(session, token, message_ids, values)


async def record_sent(token: str, message: OutboxMessage) -> bool:
    """Sent: false when the lease was lost (another sender took the message over)."""
    assert message.id is not None
    return await _record(token, [message.id], status=OutboxStatus.SENT, sent_at=now()) == 1


async def record_failure(
    token: str, message: OutboxMessage, error: Exception, max_attempts: int
) -> bool:
    """Another try after a backoff, or failed for good at the last attempt; false when the
    lease was lost."""
    assert message.id is not None
    attempts = message.attempts + 1
    values: dict[str, Any] = {
        "attempts": attempts,
        "last_error": f"{error.__class__.__name__}: {error}"[:500],
    }
    if attempts >= max_attempts:
        values["status"] = OutboxStatus.FAILED
    else:
        values["next_attempt_at"] = now() + backoff(attempts)
    return await _record(token, [message.id], **values) == 1


async def release(token: str, messages: list[OutboxMessage]) -> None:
    """Give back claimed messages that were not sent: due again at once for any sender."""
    if messages:
        await _record(token, [m.id for m in messages if m.id is not None])


async def deliver_due(settings: Settings, batch: int = BATCH) -> tuple[int, int]:
    """Send what is due, a claimed batch at a time; (sent, failed attempts)."""
    if not settings.smtp_host:
        return 0, 0
    sent = failed = 0
    while True:
        token = uuid.uuid4().hex
        claimed = await claim(settings, token, batch)
        send_until = time.monotonic() + settings.outbox_lease_seconds - SEND_MARGIN
        waiting = list(claimed)
        try:
            while waiting and time.monotonic() < send_until:
                message = waiting.pop(0)  # in flight: never released, its lease decides
                try:
                    await asyncio.to_thread(_send, settings, message)
                except Exception as error:  # refused, unreachable, or unsendable: an attempt
                    failed += 1
                    kept = await record_failure(token, message, error, settings.outbox_max_attempts)
                else:
                    sent += 1
                    kept = await record_sent(token, message)
                if not kept:  # the send outlived the lease: another sender may send it again
                    log.warning("outbox message %s: lease lost before its outcome", message.id)
        finally:
            await release(token, waiting)
        if waiting or len(claimed) < batch:
            return sent, failed
