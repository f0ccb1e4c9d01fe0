"""Deliver queued emails over SMTP, with retries and backoff; safe with several processes."""

import asyncio
import smtplib
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from api.config import Settings
from api.notifications.models import OutboxMessage, OutboxStatus

BATCH = 50


def _send(settings: Settings, message: OutboxMessage) -> None:
    email = EmailMessage()
    email["From"], email["To"], email["Subject"] = (
        settings.smtp_from,
        message.to_email,
        message.subject,
    )
    email.set_content(message.body)
    smtp_class = smtplib.SMTP_SSL if settings.smtp_security == "ssl" else smtplib.SMTP
    with smtp_class(settings.smtp_host, settings.smtp_port, timeout=15) as smtp:
        if settings.smtp_security == "starttls":
            smtp.starttls()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password)
        smtp.send_message(email)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4 … minutes, at most a day."""
    return timedelta(minutes=min(2 ** (attempts - 1), 24 * 60))


async def deliver_due(session: AsyncSession, settings: Settings, at: datetime) -> tuple[int, int]:
    """Send what is due; (sent, failed attempts). Rows are locked (SKIP LOCKED on PostgreSQL,
    one writer at a time on SQLite), so two senders never send one message twice."""
    if not settings.smtp_host:
        return 0, 0
    due = await session.scalars(
        select(OutboxMessage)
        .where(
            col(OutboxMessage.status) == OutboxStatus.PENDING,
            col(OutboxMessage.next_attempt_at) <= at,
        )
        .order_by(col(OutboxMessage.id))
        .limit(BATCH)
        .with_for_update(skip_locked=True)
    )
    sent = failed = 0
    for message in due.all():
        try:
            await asyncio.to_thread(_send, settings, message)
        except (smtplib.SMTPException, OSError) as error:
            failed += 1
            message.attempts += 1
            message.last_error = f"{error.__class__.__name__}: {error}"[:500]
            if message.attempts >= settings.outbox_max_attempts:
                message.status = OutboxStatus.FAILED
            else:
                message.next_attempt_at = at + backoff(message.attempts)
        else:
            sent += 1
            message.status, message.sent_at = OutboxStatus.SENT, at
        session.add(message)
    return sent, failed
