"""The expiry job: customers whose protection ended go to the pool. Safe to run on several
servers at once: one database lock per run, row locks per customer, and a re-check of the state
inside the transaction, so a customer is released exactly once."""

from datetime import datetime

from sqlalchemy import exists, not_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.db import take_job_lock
from api.extensions.models import Extension
from api.kit.clock import now
from api.protection.service import release
from api.registrations.models import ApplicationStatus

# pg_advisory_xact_lock key of this job ("CDexpiry" as a number): held until the run commits.
EXPIRY_LOCK_KEY = 0x4344_6578_7069_7279


async def release_expired(session: AsyncSession, at: datetime | None = None) -> int:
    """Release every protected customer whose period has ended and who has no extension
    awaiting a decision (the agent asked in time; the vendor decides). Returns how many."""
    at = at or now()
    if not await take_job_lock(session, EXPIRY_LOCK_KEY):
        return 0  # another server is running it right now
    open_extension = exists().where(
        col(Extension.customer_id) == col(Customer.id),
        col(Extension.status) == ApplicationStatus.PENDING,
    )
    statement = (
        select(Customer)
        .where(
            col(Customer.status) == CustomerStatus.PROTECTED,
            col(Customer.protection_mode) == ProtectionMode.PERIOD,
            col(Customer.protection_until) <= at,
            not_(open_extension),
        )
        .order_by(col(Customer.id))
        .with_for_update(skip_locked=True)
    )
    expired = list((await session.scalars(statement)).all())
    for customer in expired:
        await release(session, None, customer, at, "customer.expired")
    return len(expired)
