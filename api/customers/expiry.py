"""The expiry job: customers whose protection ended go to the pool. Safe to run on several
servers at once: one database lock per run, row locks per customer, and the lifecycle's re-check
of the state inside the transaction, so a customer is released exactly once."""

from api.customers import lifecycle, repository
from api.db import AsyncSession, take_job_lock
from api.kit.clock import now

# pg_advisory_xact_lock key of this job ("CDexpiry" as a number): held until the run commits.
EXPIRY_LOCK_KEY = 0x4344_6578_7069_7279


async def release_expired(session: AsyncSession) -> int:
    """Release every protected customer whose period has ended and who has no extension
    awaiting a decision (the agent asked in time; the vendor decides). Returns how many."""
    if not await take_job_lock(session, EXPIRY_LOCK_KEY):
        return 0  # another server is running it right now
    released = 0
    for customer in await repository.expired_periods(session, now()):
        released += await lifecycle.expire(session, None, customer)
    return released
