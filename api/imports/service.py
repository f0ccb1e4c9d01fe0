"""Legacy import (SPEC §3, §11). The vendor imports an agent's customers from the legacy
system: imported customers become protected customers of that agent without a registration,
which only the vendor may grant; the agent's master account follows its own agent's imports.
An upload is a dry run that writes no customer; a commit re-checks and writes in one go."""

from anyio import to_thread

from api.agents.models import Agent
from api.audit.service import record, snapshot
from api.authz.policy import authorize, can_import_customers
from api.authz.principal import Principal
from api.db import AsyncSession
from api.imports import repository
from api.imports.models import CustomerImport, ImportStatus
from api.imports.spreadsheet import read_rows
from api.kit.clock import now
from api.kit.errors import Conflict, NotFound


async def upload(
    session: AsyncSession, principal: Principal, agent_id: int, filename: str, content: bytes
) -> CustomerImport:
    """Store the file's rows as a new import in `checking`; the dry run runs in the background.
    422 when the file is not a usable .xlsx (see spreadsheet.read_rows), 404 unknown agent."""
    authorize(can_import_customers(principal))
    agent = await session.get(Agent, agent_id)
    if agent is None or not agent.is_active:
        raise NotFound("agent")
    rows = await to_thread.run_sync(read_rows, content)  # parsing never holds the event loop
    job = CustomerImport(
        agent_id=agent_id,
        created_by_id=principal.user_id,
        filename=filename.strip()[:200],
        status=ImportStatus.CHECKING,
        row_count=len(rows),
    )
    session.add(job)
    await session.flush()
    assert job.id is not None
    await repository.insert_rows(session, job.id, [(r.row_number, r.values) for r in rows])
    await record(session, principal, "customer_import.create", job)
    return await repository.get_visible(session, principal, job.id)


async def commit(session: AsyncSession, principal: Principal, import_id: int) -> CustomerImport:
    """Start the commit of a checked import (or of one whose commit failed): it re-checks every
    row, then creates the ready rows in one transaction; conflicts and invalid rows are left out
    and stay listed. 409 import_not_committable while a pass runs or after the commit."""
    job = await repository.get_visible(session, principal, import_id)
    authorize(can_import_customers(principal))
    await repository.lock(session, job)
    if job.status not in (ImportStatus.CHECKED, ImportStatus.FAILED):
        raise Conflict("import_not_committable", status=job.status.value)
    before = snapshot(job)
    job.status, job.progress, job.error = ImportStatus.COMMITTING, 0, ""
    job.committed_by_id, job.heartbeat_at = principal.user_id, now()
    session.add(job)
    await record(session, principal, "customer_import.commit", job, before=before)
    return await repository.get_visible(session, principal, import_id)
