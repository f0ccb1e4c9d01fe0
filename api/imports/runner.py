"""The background passes of an import: the dry run checks every row; the commit checks every row
again, then writes every ready row in ONE transaction. Checking goes in short transactions (a few
hundred milliseconds each), so other writers are not held up: SQLite serialises writers, and the
conflict check costs ~40 ms a name on 100,000 customers. Progress is in the database, so any API
server answers the poll, and a pass whose server died is resumed by the scheduled jobs."""

import asyncio
import logging
from datetime import datetime, timedelta
from time import monotonic

from sqlalchemy import func, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from api.audit.service import record
from api.customers.models import HELD_STATUSES, Customer
from api.db import dialect_name, get_sessionmaker
from api.imports.checks import Lookups, duplicates, load_lookups, new_customer, validate
from api.imports.models import CustomerImport, CustomerImportRow, ImportStatus, RowStatus
from api.kit.clock import now, today
from api.registrations.conflicts import (
    CREDIT_CODE_REASON,
    Candidate,
    find_candidates,
    name_grams,
)
from api.registrations.matching import NEAR_EXACT, NormalisedName, compare, normalise
from api.registrations.service import public_candidate
from api.rules.service import current_rules
from api.users.models import User

log = logging.getLogger("api.imports")

CHUNK_ROWS = 200
CHUNK_SECONDS = 0.3
STALE_AFTER = timedelta(minutes=2)
RUNNING = (ImportStatus.CHECKING, ImportStatus.COMMITTING)

_tasks: set[asyncio.Task[None]] = set()


async def start(import_id: int) -> None:
    """Run the import's pending pass as a task of this process (after the request committed)."""
    task = asyncio.get_running_loop().create_task(run(import_id))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


async def settle() -> None:
    """Wait for this process's running passes (tests, shutdown)."""
    while _tasks:
        await asyncio.gather(*_tasks, return_exceptions=True)


async def run(import_id: int) -> None:
    try:
        status, since = await _check_pass(import_id)
        if status is ImportStatus.COMMITTING:
            await _write(import_id, since)
    except Exception as exc:
        log.exception("import %d failed", import_id)
        await _fail(import_id, f"{type(exc).__name__}: {exc}"[:500])


async def resume_stalled() -> int:
    """Take over passes whose server stopped beating (each is claimed by exactly one server)."""
    cutoff = now() - STALE_AFTER
    claimed = []
    async with get_sessionmaker()() as session, session.begin():
        stalled = await session.scalars(
            select(CustomerImport.id).where(
                col(CustomerImport.status).in_(RUNNING), col(CustomerImport.heartbeat_at) < cutoff
            )
        )
        for import_id in list(stalled):
            taken = await session.execute(
                update(CustomerImport)
                .where(
                    col(CustomerImport.id) == import_id,
                    col(CustomerImport.heartbeat_at) < cutoff,
                )
                .values(heartbeat_at=now())
            )
            if taken.rowcount == 1:  # type: ignore[attr-defined]
                claimed.append(import_id)
    for import_id in claimed:
        await run(import_id)
    return len(claimed)


async def evaluate(
    session: AsyncSession, row: CustomerImportRow, lookups: Lookups, duplicate_of: int | None
) -> None:
    """Invalid (with every reason), a conflict (a candidate blocks it, as in a registration), or
    ready; weaker candidates stay listed on a ready row for the importer to see."""
    checked = validate(row.values, lookups, duplicate_of)
    row.reasons, row.candidates = checked.reasons, []
    if checked.reasons or checked.name is None:
        row.status = RowStatus.INVALID
        return
    candidates = await find_candidates(session, checked.name, checked.fields["credit_code"])
    row.candidates = [public_candidate(c).model_dump(mode="json") for c in candidates]
    row.status = RowStatus.CONFLICT if any(c.blocks for c in candidates) else RowStatus.READY


async def _check_pass(import_id: int) -> tuple[ImportStatus | None, datetime]:
    since = now()
    async with get_sessionmaker()() as session, session.begin():
        job = await session.get(CustomerImport, import_id)
        if job is None or job.status not in RUNNING:
            return None, since
        status = job.status
        lookups = await load_lookups(session, job.agent_id, today())
        rows = (
            await session.execute(
                select(CustomerImportRow.id, CustomerImportRow.row_number, CustomerImportRow.values)
                .where(col(CustomerImportRow.import_id) == import_id)
                .order_by(col(CustomerImportRow.row_number))
            )
        ).all()
        job.progress, job.heartbeat_at = 0, now()
    repeated = duplicates([(number, values) for _, number, values in rows])
    ids = [row_id for row_id, _, _ in rows]
    position = 0
    while position < len(ids):
        async with get_sessionmaker()() as session, session.begin():
            started = monotonic()
            chunk = await session.scalars(
                select(CustomerImportRow)
                .where(col(CustomerImportRow.id).in_(ids[position : position + CHUNK_ROWS]))
                .order_by(col(CustomerImportRow.row_number))
            )
            for row in chunk:
                await evaluate(session, row, lookups, repeated.get(row.row_number))
                position += 1
                if monotonic() - started > CHUNK_SECONDS:
                    break
            beat = await session.execute(
                update(CustomerImport)
                .where(col(CustomerImport.id) == import_id, col(CustomerImport.status) == status)
                .values(progress=position, heartbeat_at=now())
            )
            if beat.rowcount != 1:  # type: ignore[attr-defined]
                return None, since
        await asyncio.sleep(0)  # let the requests waiting for the database in
    async with get_sessionmaker()() as session, session.begin():
        job = await session.get(CustomerImport, import_id)
        assert job is not None
        await _count(session, job)
        if status is ImportStatus.CHECKING:
            job.status = ImportStatus.CHECKED
    return status, since


async def _count(session: AsyncSession, job: CustomerImport) -> None:
    counts = dict(
        (
            await session.execute(
                select(CustomerImportRow.status, func.count())
                .where(col(CustomerImportRow.import_id) == job.id)
                .group_by(col(CustomerImportRow.status))
            )
        ).all()
    )
    job.ready_count = counts.get(RowStatus.READY, 0)
    job.conflict_count = counts.get(RowStatus.CONFLICT, 0)
    job.invalid_count = counts.get(RowStatus.INVALID, 0)
    job.created_count = counts.get(RowStatus.CREATED, 0)


async def _recent_customers(session: AsyncSession, since: datetime) -> list[Customer]:
    """Companies that became held while the re-check ran (the pass could not see them)."""
    return list(
        await session.scalars(
            select(Customer).where(
                col(Customer.status).in_(HELD_STATUSES),
                (col(Customer.updated_at) >= since) | (col(Customer.created_at) >= since),
            )
        )
    )


def _late_conflict(
    name: str, credit_code: str | None, recent: list[tuple[Customer, NormalisedName]]
) -> Candidate | None:
    normalised = normalise(name)
    for customer, other in recent:
        if credit_code and customer.credit_code == credit_code:
            return Candidate(customer, 1.0, CREDIT_CODE_REASON)
        match = compare(normalised, other)
        if match.score >= NEAR_EXACT:
            return Candidate(customer, match.score, match.reason)
    return None


async def _write(import_id: int, since: datetime) -> None:
    """One transaction: every ready row becomes a protected customer of the agent, or none does."""
    async with get_sessionmaker()() as session, session.begin():
        if dialect_name(session) == "postgresql":
            # Registrations wait the few seconds of this write; SQLite's writer lock does the same.
            await session.execute(text("LOCK TABLE customer IN SHARE ROW EXCLUSIVE MODE"))
        job = await session.get(CustomerImport, import_id)
        if job is None or job.status is not ImportStatus.COMMITTING:
            return
        actor = await session.get(User, job.committed_by_id)
        rules, at = await current_rules(session), now()
        lookups = await load_lookups(session, job.agent_id, today())
        recent = [(c, normalise(c.name)) for c in await _recent_customers(session, since)]
        rows = await session.scalars(
            select(CustomerImportRow)
            .where(
                col(CustomerImportRow.import_id) == import_id,
                col(CustomerImportRow.status) == RowStatus.READY,
            )
            .order_by(col(CustomerImportRow.row_number))
        )
        created: list[tuple[CustomerImportRow, Customer]] = []
        for row in rows:
            checked = validate(row.values, lookups, None)
            if checked.reasons:
                row.status, row.reasons = RowStatus.INVALID, checked.reasons
                continue
            late = _late_conflict(row.values["name"], checked.fields["credit_code"], recent)
            if late is not None:
                row.status = RowStatus.CONFLICT
                row.candidates = [public_candidate(late).model_dump(mode="json")]
                continue
            created.append((row, new_customer(checked, job.agent_id, rules, at)))
        session.add_all(customer for _, customer in created)
        await session.flush()
        for row, customer in created:
            assert customer.id is not None
            session.add_all(name_grams(customer.id, normalise(customer.name)))
            row.status, row.customer_id = RowStatus.CREATED, customer.id
            await record(
                session,
                actor,
                "customer.import",
                customer,
                after_extra={"import_id": import_id, "row_number": row.row_number},
            )
        await session.flush()
        await _count(session, job)
        job.status, job.committed_at, job.heartbeat_at = ImportStatus.COMMITTED, at, at
        await record(session, actor, "customer_import.committed", job)


async def _fail(import_id: int, error: str) -> None:
    async with get_sessionmaker()() as session, session.begin():
        await session.execute(
            update(CustomerImport)
            .where(col(CustomerImport.id) == import_id, col(CustomerImport.status).in_(RUNNING))
            .values(status=ImportStatus.FAILED, error=error, heartbeat_at=now())
        )
