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
from typing import Any

from api.audit.service import record
from api.customers import lifecycle
from api.customers.models import Customer
from api.customers.service import held_changed_since
from api.db import AsyncSession, get_sessionmaker
from api.identity import service as identity
from api.identity.disclosure import stored
from api.identity.matching import NEAR_EXACT, NormalisedName, compare, normalise
from api.identity.service import CREDIT_CODE_REASON, Candidate
from api.imports import repository
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
        for import_id in await repository.stalled(session, RUNNING, cutoff):
            if await repository.claim(session, import_id, cutoff, now()):
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
    candidates = await identity.find_candidates(
        session, checked.name, checked.fields["credit_code"]
    )
    for _, alias in checked.fields["aliases"]:  # another name of the row may be someone's
        candidates += await identity.find_candidates(session, normalise(alias))
    candidates = _best_per_customer(candidates)
    row.candidates = [stored(c) for c in candidates]
    row.status = RowStatus.CONFLICT if any(c.blocks for c in candidates) else RowStatus.READY


def _best_per_customer(candidates: list[Candidate]) -> list[Candidate]:
    best: dict[int | None, Candidate] = {}
    for candidate in candidates:
        key = candidate.customer.id
        if key not in best or candidate.score > best[key].score:
            best[key] = candidate
    return sorted(best.values(), key=lambda c: (-c.score, c.customer.name))


async def check_pass(import_id: int) -> tuple[ImportStatus | None, datetime]:
    since = now()
    async with get_sessionmaker()() as session, session.begin():
        job = await session.get(CustomerImport, import_id)
        if job is None or job.status not in RUNNING:
            return None, since
        status = job.status
        lookups = await load_lookups(session, job.agent_id, today())
        rows = await repository.row_values(session, import_id)
        job.progress, job.heartbeat_at = 0, now()
    repeated = await asyncio.to_thread(duplicates, [(n, values) for _, n, values in rows])
    ids = [row_id for row_id, _, _ in rows]
    position = 0
    while position < len(ids):
        async with get_sessionmaker()() as session, session.begin():
            started = monotonic()
            chunk = await repository.rows_by_id(session, ids[position : position + CHUNK_ROWS])
            before = position
            for row in chunk:
                await evaluate(session, row, lookups, repeated.get(row.row_number))
                position += 1
                if monotonic() - started > CHUNK_SECONDS:
                    break
            if position == before:
                return None, since  # the rows are gone: nothing left to do
            if not await repository.beat(session, import_id, status, position, now()):
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
    counts = await repository.count_rows(session, job.id)
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
        changed = await held_changed_since(session, job.created_at, limit=LATE_CHECK_LIMIT + 1)
        return job.created_at if len(changed) <= LATE_CHECK_LIMIT else None


def _late_conflict(
    checked: Checked, recent: list[tuple[Customer, NormalisedName]]
) -> Candidate | None:
    credit_code = checked.fields["credit_code"]
    assert checked.name is not None
    for customer, other in recent:
        if credit_code and customer.credit_code == credit_code:
            return Candidate(
                customer, 1.0, CREDIT_CODE_REASON, compare(checked.name, other).score >= NEAR_EXACT
            )
        match = compare(checked.name, other)
        if match.score >= NEAR_EXACT:
            return Candidate(customer, match.score, match.reason, True)
    return None


@dataclass
class _Prepared:
    row_id: int
    checked: Checked
    customer: dict[str, Any]  # the new customer's columns


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
        agent_id, rules = job.agent_id, await current_rules(session)
        lookups = await load_lookups(session, agent_id, today())
        rows = await repository.row_values(session, import_id, RowStatus.READY)

    def build() -> _Batch:
        batch = _Batch(lookups, [], [])
        for row_id, _, values in rows:
            checked = validate(values, lookups, None)
            if checked.reasons or checked.name is None:
                batch.invalid.append((row_id, checked.reasons))
                continue
            customer = new_customer(checked, agent_id, rules).model_dump(exclude={"id"})
            batch.prepared.append(_Prepared(row_id, checked, customer))
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
        await lifecycle.hold_registrations(session)  # they wait the few seconds of this write
        job = await session.get(CustomerImport, import_id)
        if job is None or job.status is not ImportStatus.COMMITTING:
            return
        current = await load_lookups(session, job.agent_id, today())
        if (current.domains, current.sales) != (lookups.domains, lookups.sales):
            raise RuntimeError("the catalog or the agent's salespeople changed: commit again")
        await repository.mark_rows(
            session,
            RowStatus.INVALID,
            [{"row_id": row_id, "reasons": reasons} for row_id, reasons in batch.invalid],
        )
        recent = [(c, normalise(c.name)) for c in await held_changed_since(session, since)]
        created: list[_Prepared] = []
        late_conflicts: list[dict[str, Any]] = []
        for item in prepared:
            late = _late_conflict(item.checked, recent)
            if late is None:
                created.append(item)
            else:
                candidates = [stored(late)]
                late_conflicts.append({"row_id": item.row_id, "candidates": candidates})
        await repository.mark_rows(session, RowStatus.CONFLICT, late_conflicts)
        ids = await lifecycle.store_imported(session, [item.customer for item in created])
        names = {
            new_id: item.checked.name
            for new_id, item in zip(ids, created, strict=True)
            if item.checked.name is not None
        }
        await identity.index_names(session, names.items())
        aliases = [
            (new_id, kind, text)
            for new_id, item in zip(ids, created, strict=True)
            for kind, text in item.checked.fields["aliases"]
        ]
        await identity.add_new_customers_aliases(session, aliases, names, job.committed_by_id)
        await repository.mark_rows(
            session,
            RowStatus.CREATED,
            [
                {"row_id": item.row_id, "customer_id": new_id}
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
        await repository.fail(session, import_id, RUNNING, error, now())
