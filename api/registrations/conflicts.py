"""Conflict detection (SPEC §5): who else already holds a company, ranked by similarity."""

import hashlib
from dataclasses import dataclass

from sqlalchemy import func, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from api.customers.models import HELD_STATUSES, Customer, CustomerNameGram
from api.db import dialect_name
from api.registrations.matching import CANDIDATE, NEAR_EXACT, NormalisedName, compare, normalise

MAX_GRAM_CANDIDATES = 50
CREDIT_CODE_REASON = "统一社会信用代码相同"


@dataclass
class Candidate:
    customer: Customer
    score: float
    reason: str

    @property
    def blocks(self) -> bool:
        return self.score >= NEAR_EXACT


async def lock_name(session: AsyncSession, name: NormalisedName) -> None:
    """Serialise applications for the same core name until commit (PostgreSQL), so two agents
    writing one company two ways cannot both pass the check. SQLite's BEGIN IMMEDIATE already
    serialises every writer."""
    if dialect_name(session) != "postgresql":
        return
    key = int.from_bytes(hashlib.sha256(name.core.encode()).digest()[:8], "big", signed=True)
    await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


async def find_candidates(
    session: AsyncSession, name: NormalisedName, credit_code: str | None = None
) -> list[Candidate]:
    """Customers held by anyone (pending, protected, or in the pool) that may be the same
    company, best first: same credit code, or names the matcher scores >= CANDIDATE. The
    bigram index narrows 100,000 names to a few dozen before any comparison."""
    shared = func.count(col(CustomerNameGram.gram)).label("shared")
    by_grams = (
        select(col(CustomerNameGram.customer_id))
        .where(col(CustomerNameGram.gram).in_(name.grams or {name.core}))
        .group_by(col(CustomerNameGram.customer_id))
        .order_by(shared.desc(), col(CustomerNameGram.customer_id))
        .limit(MAX_GRAM_CANDIDATES)
    )
    matches = [
        col(Customer.name_key) == name.full,
        col(Customer.id).in_(by_grams.scalar_subquery()),
    ]
    if credit_code:
        matches.append(col(Customer.credit_code) == credit_code)
    rows = await session.scalars(
        select(Customer).where(col(Customer.status).in_(HELD_STATUSES), or_(*matches))
    )
    candidates = []
    for customer in rows:
        if credit_code and customer.credit_code == credit_code:
            candidates.append(Candidate(customer, 1.0, CREDIT_CODE_REASON))
            continue
        match = compare(name, normalise(customer.name))
        if match.score >= CANDIDATE:
            candidates.append(Candidate(customer, match.score, match.reason))
    return sorted(candidates, key=lambda c: (-c.score, c.customer.name))


def name_grams(customer_id: int, name: NormalisedName) -> list[CustomerNameGram]:
    return [
        CustomerNameGram(customer_id=customer_id, gram=g) for g in sorted(name.grams or {name.core})
    ]
