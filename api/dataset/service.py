"""`python -m api.cli dataset`: the demo data, then a synthetic national channel around it,
written through the real schema in bulk (see plan.py for what it holds)."""

import time
from collections.abc import Callable

from pydantic import BaseModel

from api.agents.models import Agent
from api.announcements.models import Announcement
from api.audit.models import AuditLog
from api.comments.models import Comment
from api.customers.models import Customer
from api.dataset import repository
from api.dataset.plan import Context, Dataset, build, table_name
from api.db import AsyncSession
from api.demo.password import DEMO_PASSWORD
from api.demo.seed import seed_demo
from api.identity.models import CustomerAlias
from api.kit.clock import now
from api.orders.models import Order, OrderLine
from api.orders.service import rebuild_shipment_totals
from api.projects.models import Project
from api.registrations.models import Registration
from api.reports.models import Report, ReportEntry
from api.security import hash_password
from api.users.models import User

# Tables whose ids the plan hands out.
NUMBERED: list[type[BaseModel]] = [
    Agent,
    User,
    Customer,
    CustomerAlias,
    Registration,
    Project,
    Report,
    ReportEntry,
    Comment,
    Order,
    OrderLine,
    Announcement,
    AuditLog,
]


class NotEmpty(Exception):
    """The dataset is generated into an empty database only (it brings the demo logins)."""


async def context(session: AsyncSession) -> Context:
    """The demo rows and catalogue the plan builds on, read back after the demo is seeded."""
    return Context(
        anchor=now(),
        agents=await repository.agents(session),
        users=await repository.users(session),
        domain_ids=await repository.leaf_domain_ids(session),
        mcu_model_ids=await repository.mcu_model_ids(session),
        taken_name_keys=frozenset(await repository.customer_name_keys(session)),
        first_ids={
            table_name(model): await repository.next_id(session, model) for model in NUMBERED
        },
    )


async def generate(
    session: AsyncSession, scale: float, seed: int, progress: Callable[[str], None]
) -> Dataset:
    """Seed the demo data and write the synthetic rows around it, telling `progress` how far it
    got; the caller commits (one transaction: a failed run leaves nothing behind)."""
    started = time.perf_counter()
    if not await seed_demo(session):
        raise NotEmpty

    def planned(part: str, so_far: Dataset) -> None:
        rows = sum(len(rows) for rows in so_far.rows.values())
        progress(f"planning: {part:<18} {rows:>12,} rows {time.perf_counter() - started:6.1f} s")

    data = build(scale, seed, await context(session), await hash_password(DEMO_PASSWORD), planned)
    total = sum(len(rows) for rows in data.rows.values())
    progress(f"planned {total:,} rows in {time.perf_counter() - started:.1f} s")
    written = 0
    for model, rows in data.rows.items():
        began = time.perf_counter()
        await repository.insert_rows(session, model, rows)
        written += len(rows)
        progress(
            f"{table_name(model):<22} {len(rows):>10,} rows {time.perf_counter() - began:6.1f} s"
            f"   {written / total:4.0%}"
        )
    began = time.perf_counter()
    await rebuild_shipment_totals(session)  # the lines above were copied, not recorded
    progress(f"{'shipment month totals':<22} {'':>10} {time.perf_counter() - began:11.1f} s")
    await repository.catch_up_sequences(session, NUMBERED)
    await repository.analyse(session)
    progress(f"done: {total:,} rows in {time.perf_counter() - started:.1f} s")
    return data
