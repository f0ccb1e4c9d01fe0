"""Scheduled jobs, run inside every API process by APScheduler; each run is one transaction that
takes its own database lock, so several servers running them at once do each thing once."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

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


_running: set[asyncio.Task[None]] = set()


async def _run(job: Callable[[], Awaitable[int]]) -> None:
    """One run, known to stop_scheduler; APScheduler logs a failure (the next interval retries)."""
    task = asyncio.current_task()
    assert task is not None
    _running.add(task)
    try:
        await job()
    finally:
        _running.discard(task)


def start_scheduler(interval_minutes: float) -> AsyncIOScheduler | None:
    """Every job now, then every `interval_minutes`; None (no schedule) when it is 0. A run that
    is late or still going when the next is due is not doubled: runs coalesce, and each job
    has at most one running instance in this process (other servers: the database locks)."""
    if interval_minutes <= 0:
        return None
    scheduler = AsyncIOScheduler(
        timezone=UTC,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
    )
    for job in JOBS:
        scheduler.add_job(
            _run,
            IntervalTrigger(minutes=interval_minutes, timezone=UTC),
            args=[job],
            id=job.__name__,
            next_run_time=datetime.now(UTC),
        )
    scheduler.start()
    return scheduler


async def stop_scheduler(scheduler: AsyncIOScheduler) -> None:
    """No new runs; the running ones are cancelled (their transactions roll back) and awaited."""
    scheduler.shutdown(wait=False)
    for task in list(_running):
        task.cancel()
    await asyncio.gather(*_running, return_exceptions=True)
    await asyncio.sleep(0)  # the scheduler stops on the event loop's next turn
