"""The scheduled jobs run inside every API process (APScheduler, started by the app's lifespan):
every job at JOBS_INTERVAL_MINUTES, the first run at start, runs coalesced and never two of one
job at once in a process; JOBS_INTERVAL_MINUTES=0 schedules nothing."""

import asyncio
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent

from api import jobs
from api.config import get_settings


@contextmanager
def jobs_interval(minutes: str) -> Iterator[None]:
    """The setting as a server would read it at start, put back afterwards."""
    before = os.environ["JOBS_INTERVAL_MINUTES"]
    os.environ["JOBS_INTERVAL_MINUTES"] = minutes
    get_settings.cache_clear()
    try:
        yield
    finally:
        os.environ["JOBS_INTERVAL_MINUTES"] = before
        get_settings.cache_clear()


async def test_the_app_starts_the_scheduler_with_every_job_at_the_interval(
    app, clean_tables
) -> None:
    with jobs_interval("30"):
        async with app.router.lifespan_context(app):
            scheduler = app.state.scheduler
            assert scheduler.running
            scheduled = {job.id: job for job in scheduler.get_jobs()}
            assert set(scheduled) == {job.__name__ for job in jobs.JOBS}
            for job in scheduled.values():
                assert job.trigger.interval == timedelta(minutes=30)
                assert (job.coalesce, job.max_instances) == (True, 1)
        assert not scheduler.running  # stopped with the app


async def test_every_job_runs_once_at_start_without_an_error(app, clean_tables) -> None:
    ran: dict[str, bool] = {}
    everyone = asyncio.Event()

    def listen(event: JobExecutionEvent) -> None:
        ran[event.job_id] = event.exception is None
        if len(ran) == len(jobs.JOBS):
            everyone.set()

    jobs._reminded_on = None
    with jobs_interval("30"):
        async with app.router.lifespan_context(app):
            # Heard before the first runs: they start on a later turn of the event loop.
            app.state.scheduler.add_listener(listen, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
            await asyncio.wait_for(everyone.wait(), 30)
    jobs._reminded_on = None
    assert ran == {job.__name__: True for job in jobs.JOBS}


async def test_an_interval_of_zero_starts_no_scheduler(app, clean_tables) -> None:
    with jobs_interval("0"):
        async with app.router.lifespan_context(app):
            assert app.state.scheduler is None
