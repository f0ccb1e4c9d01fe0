"""The name index and the candidate query of conflict detection."""

import hashlib
from collections.abc import Iterable

from sqlalchemy import func, insert, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from api.customers.models import HELD_STATUSES, Customer
from api.db import dialect_name
from api.identity.models import CustomerNameGram

MAX_GRAM_CANDIDATES = 50


async def lock_name_core(session: AsyncSession, core: str) -> None:
    """Serialise writers of the same core name until commit (PostgreSQL advisory lock). SQLite's
    BEGIN IMMEDIATE already serialises every writer."""
    if dialect_name(session) != "postgresql":
        return
    key = int.from_bytes(hashlib.sha256(core.encode()).digest()[:8], "big", signed=True)
    await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


async def held_customers_like(
    session: AsyncSession, name_key: str, grams: Iterable[str], credit_code: str | None
) -> list[Customer]:
    """Customers held by anyone (pending, protected, or in the pool) with the same normalised
    name, the same credit code, or the most bigrams of the core in common (at most 50)."""
    shared = func.count(col(CustomerNameGram.gram)).label("shared")
    by_grams = (
        select(col(CustomerNameGram.customer_id))
        .where(col(CustomerNameGram.gram).in_(list(grams)))
        .group_by(col(CustomerNameGram.customer_id))
        .order_by(shared.desc(), col(CustomerNameGram.customer_id))
        .limit(MAX_GRAM_CANDIDATES)
    )
    matches = [col(Customer.name_key) == name_key, col(Customer.id).in_(by_grams.scalar_subquery())]
    if credit_code:
        matches.append(col(Customer.credit_code) == credit_code)
    rows = await session.scalars(
        select(Customer).where(col(Customer.status).in_(HELD_STATUSES), or_(*matches))
    )
    return list(rows)


async def insert_grams(session: AsyncSession, entries: Iterable[tuple[int, Iterable[str]]]) -> None:
    """Index each (customer id, bigrams) pair: one statement, whatever the number of customers."""
    rows = [{"customer_id": cid, "gram": gram} for cid, grams in entries for gram in grams]
    if rows:
        await session.execute(insert(CustomerNameGram), rows)
