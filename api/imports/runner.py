"""The background passes of an import: the dry run checks every row; the commit re-checks the
ready rows, then writes them in ONE transaction. Checking goes in short transactions (a few
hundred milliseconds each), so other writers are not held up: SQLite serialises writers, and the
conflict check costs ~40 ms a name on 100,000 customers. Progress is in the database, so any API
server answers the poll, and a pass whose server died is resumed by the scheduled jobs.

The commit's re-check only compares the ready rows with the customers that changed since the
upload (all a new conflict can come from) — seconds instead of a second full pass — unless so
many changed that a full pass is quicker."""

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from time import monotonic
from typing import Any, cast

from sqlalchemy import bindparam, func, insert, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.audit.service import record
from api.customers.models import HELD_STATUSES, Customer, CustomerNameGram
from api.db import dialect_name, get_sessionmaker
from api.imports.checks import (
    Checked,
    Lookups,
    duplicates,
    load_lookups,
    new_customer,
    validate,
)
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
CHUNK_SECONDS = 0.2
# Between chunks the writer lock is free for this long: SQLite's busy handler retries a waiting
# writer at most every 100 ms, so a shorter gap would starve the other requests.
PAUSE_SECONDS = 0.1
STALE_AFTER = timedelta(minutes=2)
# Above this many customers changed since the upload, the commit checks every row again instead.
LATE_CHECK_LIMIT = 2_000
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
        since = await _changes_since_upload(import_id)
        if since is None:  # a dry run, or a commit after too many changes: check every row
            status, since = await check_pass(import_id)
            if status is not ImportStatus.COMMITTING:
                return
        await write_ready(import_id, since)
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
        await start(import_id)  # in the background: the other scheduled jobs go on
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


async def check_pass(import_id: int) -> tuple[ImportStatus | None, datetime]:
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
    repeated = await asyncio.to_thread(duplicates, [(n, values) for _, n, values in rows])
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
            before = position
            for row in chunk:
                await evaluate(session, row, lookups, repeated.get(row.row_number))
                position += 1
                if monotonic() - started > CHUNK_SECONDS:
                    break
            if position == before:
                return None, since  # the rows are gone: nothing left to do
            beat = await session.execute(
                update(CustomerImport)
                .where(col(CustomerImport.id) == import_id, col(CustomerImport.status) == status)
                .values(progress=position, heartbeat_at=now())
            )
            if beat.rowcount != 1:  # type: ignore[attr-defined]
                return None, since
        await asyncio.sleep(PAUSE_SECONDS)  # let the requests waiting for the database in
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


async def _changes_since_upload(import_id: int) -> datetime | None:
    """For a commit: the upload time, when few enough customers changed since then that the
    write can compare the ready rows with just those (every earlier one was seen by the dry run)."""
    async with get_sessionmaker()() as session, session.begin():
        job = await session.get(CustomerImport, import_id)
        if job is None or job.status is not ImportStatus.COMMITTING:
            return None
        changed = await session.scalar(
            select(func.count()).select_from(_recent_statement(job.created_at).subquery())
        )
        return job.created_at if (changed or 0) <= LATE_CHECK_LIMIT else None


def _recent_statement(since: datetime) -> SelectOfScalar[Customer]:
    return select(Customer).where(
        col(Customer.status).in_(HELD_STATUSES),
        (col(Customer.updated_at) >= since) | (col(Customer.created_at) >= since),
    )


async def _recent_customers(session: AsyncSession, since: datetime) -> list[Customer]:
    """Companies that became held since `since` (the last check of the rows could not see them)."""
    return list(await session.scalars(_recent_statement(since)))


def _late_conflict(
    checked: Checked, recent: list[tuple[Customer, NormalisedName]]
) -> Candidate | None:
    credit_code = checked.fields["credit_code"]
    assert checked.name is not None
    for customer, other in recent:
        if credit_code and customer.credit_code == credit_code:
            return Candidate(customer, 1.0, CREDIT_CODE_REASON)
        match = compare(checked.name, other)
        if match.score >= NEAR_EXACT:
            return Candidate(customer, match.score, match.reason)
    return None


@dataclass
class _Prepared:
    row_id: int
    checked: Checked
    customer: dict[str, Any]  # the new customer's columns
    grams: list[str]  # its name index


@dataclass
class _Batch:
    lookups: Lookups
    prepared: list[_Prepared]
    invalid: list[tuple[int, list[dict[str, str]]]]  # rows no longer valid, with the reasons


async def _prepare(import_id: int) -> _Batch | None:
    """The new customers, built before the write transaction (building 10,000 objects takes
    seconds that the writer lock must not be held for). A ready row can have become invalid since
    its check (a salesperson deactivated, a domain merged): it is reported, not written."""
    async with get_sessionmaker()() as session, session.begin():
        job = await session.get(CustomerImport, import_id)
        if job is None or job.status is not ImportStatus.COMMITTING:
            return None
        agent_id, rules, at = job.agent_id, await current_rules(session), now()
        lookups = await load_lookups(session, agent_id, today())
        rows = (
            await session.execute(
                select(CustomerImportRow.id, CustomerImportRow.row_number, CustomerImportRow.values)
                .where(
                    col(CustomerImportRow.import_id) == import_id,
                    col(CustomerImportRow.status) == RowStatus.READY,
                )
                .order_by(col(CustomerImportRow.row_number))
            )
        ).all()

    def build() -> _Batch:
        batch = _Batch(lookups, [], [])
        for row_id, _, values in rows:
            checked = validate(values, lookups, None)
            if checked.reasons or checked.name is None:
                batch.invalid.append((row_id, checked.reasons))
                continue
            customer = new_customer(checked, agent_id, rules, at).model_dump(exclude={"id"})
            grams = [g.gram for g in name_grams(0, checked.name)]
            batch.prepared.append(_Prepared(row_id, checked, customer, grams))
        return batch

    # Seconds of pure Python for 10,000 rows: in a thread, so this server keeps answering.
    return await asyncio.to_thread(build)


async def write_ready(import_id: int, since: datetime) -> None:
    """One transaction: every ready row becomes a protected customer of the agent, or none does.
    Audited once for the import, with the counts and the new customers' ids."""
    batch = await _prepare(import_id)
    if batch is None:
        return
    lookups, prepared = batch.lookups, batch.prepared
    async with get_sessionmaker()() as session, session.begin():
        if dialect_name(session) == "postgresql":
            # Registrations wait the few seconds of this write; SQLite's writer lock does the same.
            await session.execute(text("LOCK TABLE customer IN SHARE ROW EXCLUSIVE MODE"))
        job = await session.get(CustomerImport, import_id)
        if job is None or job.status is not ImportStatus.COMMITTING:
            return
        current = await load_lookups(session, job.agent_id, today())
        if (current.domains, current.sales) != (lookups.domains, lookups.sales):
            raise RuntimeError("the catalog or the agent's salespeople changed: commit again")
        for row_id, reasons in batch.invalid:
            await session.execute(
                update(CustomerImportRow)
                .where(col(CustomerImportRow.id) == row_id)
                .values(status=RowStatus.INVALID, reasons=reasons)
            )
        recent = [(c, normalise(c.name)) for c in await _recent_customers(session, since)]
        created: list[_Prepared] = []
        for item in prepared:
            late = _late_conflict(item.checked, recent)
            if late is None:
                created.append(item)
                continue
            await session.execute(
                update(CustomerImportRow)
                .where(col(CustomerImportRow.id) == item.row_id)
                .values(
                    status=RowStatus.CONFLICT,
                    candidates=[public_candidate(late).model_dump(mode="json")],
                )
            )
        ids: list[int] = []
        if created:
            inserted = await session.execute(
                insert(Customer).returning(col(Customer.id), sort_by_parameter_order=True),
                [item.customer for item in created],
            )
            ids = [cast(int, new_id) for new_id in inserted.scalars()]
            await session.execute(
                insert(CustomerNameGram),
                [
                    {"customer_id": new_id, "gram": gram}
                    for new_id, item in zip(ids, created, strict=True)
                    for gram in item.grams
                ],
            )
            rows = CustomerImportRow.__table__  # type: ignore[attr-defined]
            await session.execute(  # Core executemany: one statement for every created row
                update(rows)
                .where(rows.c.id == bindparam("row_id"))
                .values(status=RowStatus.CREATED, customer_id=bindparam("new_id")),
                [
                    {"row_id": item.row_id, "new_id": new_id}
                    for new_id, item in zip(ids, created, strict=True)
                ],
            )
        await _count(session, job)
        job.status, job.committed_at, job.heartbeat_at = ImportStatus.COMMITTED, now(), now()
        actor = await session.get(User, job.committed_by_id)
        await record(
            session,
            actor,
            "customer_import.committed",
            job,
            after_extra={"created_customer_ids": ids},
        )


async def _fail(import_id: int, error: str) -> None:
    async with get_sessionmaker()() as session, session.begin():
        await session.execute(
            update(CustomerImport)
            .where(col(CustomerImport.id) == import_id, col(CustomerImport.status).in_(RUNNING))
            .values(status=ImportStatus.FAILED, error=error, heartbeat_at=now())
        )
