"""Two API processes over one PostgreSQL database, as behind a load balancer (docs/scaling.md):
both run every scheduled job, and still each customer is released once and each reminder queued
and emailed once (database locks); what one process writes the other reads at once, and a token
one issued the other accepts (nothing lives in a process's memory)."""

import asyncio
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlmodel import col, func, not_, select

from api.audit.models import AuditLog
from api.customers.models import CustomerStatus
from api.jobs import JOBS
from api.kit.clock import now
from api.notifications.models import OutboxMessage, OutboxStatus, Reminder
from tests.factories import PASSWORD
from tests.server import ROOT, free_port

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"),
    reason="several processes over one database is the PostgreSQL deployment (TEST_DATABASE_URL)",
)

JOBS_EVERY_SECONDS = 2


@contextmanager
def api_process(database_url: str, smtp_port: int, log: Path) -> Iterator[str]:
    """One uvicorn process of the app with its scheduler on; yields its base URL."""
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": database_url,
        "JOBS_INTERVAL_MINUTES": str(JOBS_EVERY_SECONDS / 60),
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_port),
        "LOG_LEVEL": "INFO",  # each run of a job is a line (APScheduler's), read by the test
    }
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.scaling.frozen_server", str(port)],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            else:
                raise RuntimeError(f"server did not start; see {log}")
            yield url
        finally:
            process.terminate()
            process.wait(timeout=15)


async def _count(session, statement) -> int:  # type: ignore[no-untyped-def]
    value = await session.scalar(statement)
    await session.commit()  # the next look sees what the servers committed since
    return int(value or 0)


async def test_two_processes_run_each_job_once_and_read_what_the_other_wrote(
    session, factory, world, database_url: str, smtp, tmp_path: Path
) -> None:
    inbox, smtp_port = smtp
    expired = [
        await factory.customer(
            world.agent_a, world.a_sales, protection_until=now() - timedelta(days=1)
        )
        for _ in range(4)
    ]
    ending = [
        await factory.customer(
            world.agent_a, world.a_sales, protection_until=now() + timedelta(days=5)
        )
        for _ in range(3)
    ]
    released = select(func.count()).where(
        col(AuditLog.action) == "customer.expired",
        col(AuditLog.object_id).in_([str(c.id) for c in expired]),
    )
    reminded = select(func.count()).select_from(Reminder)
    emails = select(OutboxMessage).where(col(OutboxMessage.kind) == "protection_ending")
    every_email = select(func.count()).select_from(OutboxMessage)
    is_sent = col(OutboxMessage.status) == OutboxStatus.SENT
    with ExitStack() as servers:
        one, other = (
            servers.enter_context(api_process(database_url, smtp_port, tmp_path / f"{name}.log"))
            for name in ("one", "other")
        )
        # Both processes run every job at start and every JOBS_EVERY_SECONDS after: wait for the
        # work to be done, then for several more runs of both, which must find nothing to do.
        for _ in range(150):
            sent = await _count(session, select(func.count()).where(is_sent))
            if (
                await _count(session, released) == len(expired)
                and await _count(session, reminded) == len(ending)
                and sent == len(inbox.messages) == await _count(session, every_email)
            ):
                break
            await asyncio.sleep(0.2)
        await asyncio.sleep(3 * JOBS_EVERY_SECONDS)

        assert await _count(session, released) == len(expired)  # one audit row per customer
        assert await _count(session, reminded) == len(ending)  # one reminder per period
        queued = list(
            (await session.scalars(emails.execution_options(populate_existing=True))).all()
        )
        await session.commit()
        # each (recipient, customer) once: the contact and the agent's administrator, not twice
        mailed = [(m.to_user_id, c.id) for m in queued for c in ending if c.name in m.body]
        assert len(mailed) == len(set(mailed)) == len(queued)
        assert {customer for _, customer in mailed} == {c.id for c in ending}
        # every email of the run (reminders, releases) sent, each once by one of the two senders
        assert await _count(session, select(func.count()).where(not_(is_sent))) == 0
        assert len(inbox.messages) == await _count(session, every_email)

        # both really ran every job, several times; the releases were logged by one of them
        logs = [(tmp_path / f"{name}.log").read_text() for name in ("one", "other")]
        assert all(log.count("executed successfully") >= 2 * len(JOBS) for log in logs)
        releases = [int(n) for log in logs for n in re.findall(r"released (\d+) expired", log)]
        assert sum(releases) == len(expired)

        async with httpx.AsyncClient(base_url=one) as a, httpx.AsyncClient(base_url=other) as b:
            for customer in expired:
                seen = await b.get(f"/api/v1/customers/{customer.id}", headers=world.vendor.headers)
                assert seen.json()["status"] == CustomerStatus.RELEASED
            login = {"username": world.a_sales.user.username, "password": PASSWORD}
            token = (await a.post("/api/v1/auth/login", json=login)).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            target = f"/api/v1/customers/{ending[0].id}"
            for n in range(5):  # each write through one process, read back through the other
                written = await a.patch(target, json={"purchaser": f"采购部{n}"}, headers=headers)
                assert written.status_code == 200
                assert (await b.get(target, headers=headers)).json()["purchaser"] == f"采购部{n}"
