"""Scheduled jobs, run inside every API process; each run is one transaction that takes its own
database lock, so several servers running them at once do each thing once."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import date

from api.config import get_settings
from api.customers.expiry import release_expired
from api.db import get_sessionmaker
from api.forecast.snapshots import take_snapshot
from api.imports.runner import resume_stalled
from api.kit.clock import now, today
from api.notifications.sender import deliver_due
from api.notifications.tasks import queue_reminders
from api.rules.service import current_rules

log = logging.getLogger("api.jobs")


async def run_release_expired() -> int:
    async with get_sessionmaker()() as session, session.begin():
        released = await release_expired(session)
    if released:
        log.info("released %d expired customers to the pool", released)
    return released


async def run_forecast_snapshot() -> int:
    async with get_sessionmaker()() as session, session.begin():
        cells = await take_snapshot(session, await current_rules(session), now())
    if cells:
        log.info("stored this month's forecast snapshot (%d cells)", cells)
    return cells


async def run_reminders() -> int:
    async with get_sessionmaker()() as session, session.begin():
        queued = await queue_reminders(session)
    if queued:
        log.info("reminders: %d new (protection ending, follow-up overdue)", queued)
    return queued


_reminded_on: date | None = None


async def run_daily_reminders() -> int:
    """The reminders once a day per process (the first pass after midnight, China time); a
    second process doing the same finds the episodes already given."""
    global _reminded_on
    if _reminded_on == today():
        return 0
    queued = await run_reminders()
    _reminded_on = today()
    return queued


async def run_outbox() -> int:
    # No session here: the sender opens its own short transactions around each send.
    sent, failed = await deliver_due(get_settings())
    if sent or failed:
        log.info("outbox: %d sent, %d failed attempts", sent, failed)
    return sent


async def run_stalled_imports() -> int:
    resumed = await resume_stalled()
    if resumed:
        log.info("resumed %d stalled imports", resumed)
    return resumed


JOBS: list[Callable[[], Awaitable[int]]] = [
    run_release_expired,
    run_forecast_snapshot,
    run_daily_reminders,
    run_outbox,
    run_stalled_imports,
]


async def schedule(interval_seconds: float) -> None:
    """Run every job forever at an interval (started by the app's lifespan)."""
    while True:
        for job in JOBS:
            try:
                await job()
            except Exception:
                log.exception("%s failed; retrying at the next interval", job.__name__)
        await asyncio.sleep(interval_seconds)
