"""The name index, aliases, group links, and the candidate query of conflict detection."""

import hashlib
from collections.abc import Iterable

from sqlalchemy import bindparam, delete, func, insert, or_, select, text, union
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from api.customers.models import HELD_STATUSES, Customer
from api.db import dialect_name
from api.identity.models import CustomerAlias, CustomerLink, CustomerNameGram

MAX_GRAM_CANDIDATES = 50


async def lock_name_core(session: AsyncSession, core: str) -> None:
    """Serialise writers of the same core name until commit (PostgreSQL advisory lock). SQLite's
    BEGIN IMMEDIATE already serialises every writer."""
    if dialect_name(session) != "postgresql":
        return
    key = int.from_bytes(hashlib.sha256(core.encode()).digest()[:8], "big", signed=True)
    await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


async def held_customers_like(
    session: AsyncSession,
    name_key: str,
    grams: Iterable[str],
    credit_code: str | None,
    excluding: int | None = None,
) -> list[Customer]:
    """Customers held by anyone (pending, protected, or in the pool) with the same normalised
    name (official or alias), the same credit code, or the most index entries in common (at
    most 50)."""
    shared = func.count(col(CustomerNameGram.gram)).label("shared")
    by_grams = (
        select(col(CustomerNameGram.customer_id))
        .where(col(CustomerNameGram.gram).in_(list(grams)))
        .group_by(col(CustomerNameGram.customer_id))
        .order_by(shared.desc(), col(CustomerNameGram.customer_id))
        .limit(MAX_GRAM_CANDIDATES)
    )
    # Each way of matching is its own indexed lookup, united: an OR of them over the customer
    # table plans as a sequential scan of every customer. The literal statuses let PostgreSQL
    # use the partial unique indexes on the held names and credit codes.
    held = col(Customer.status).in_(
        bindparam("held_statuses", [s.value for s in HELD_STATUSES], literal_execute=True)
    )
    lookups = [
        select(col(Customer.id)).where(col(Customer.name_key) == name_key, held),
        select(col(CustomerAlias.customer_id)).where(col(CustomerAlias.name_key) == name_key),
        select(by_grams.subquery()),
    ]
    if credit_code:
        lookups.append(
            select(col(Customer.id)).where(col(Customer.credit_code) == credit_code, held)
        )
    statement = select(Customer).where(
        col(Customer.id).in_(union(*lookups).scalar_subquery()),
        col(Customer.status).in_(HELD_STATUSES),
    )
    if excluding is not None:
        statement = statement.where(col(Customer.id) != excluding)
    return list(await session.scalars(statement))


async def aliases_of(session: AsyncSession, customer_ids: list[int]) -> list[CustomerAlias]:
    if not customer_ids:
        return []
    rows = await session.scalars(
        select(CustomerAlias)
        .where(col(CustomerAlias.customer_id).in_(customer_ids))
        .order_by(col(CustomerAlias.id))
    )
    return list(rows)


async def insert_grams(session: AsyncSession, entries: Iterable[tuple[int, Iterable[str]]]) -> None:
    """Index each (customer id, entries) pair: one statement, whatever the number of customers."""
    rows = [
        {"customer_id": cid, "gram": gram} for cid, grams in entries for gram in sorted(set(grams))
    ]
    if rows:
        await session.execute(insert(CustomerNameGram), rows)


async def insert_aliases(session: AsyncSession, rows: list[dict[str, object]]) -> None:
    """Aliases of new customers, one statement (one name twice for a customer is kept once)."""
    unique = {(r["customer_id"], r["name_key"]): r for r in rows}
    if unique:
        await session.execute(insert(CustomerAlias), list(unique.values()))


async def remove_grams(session: AsyncSession, customer_id: int) -> None:
    await session.execute(
        delete(CustomerNameGram).where(col(CustomerNameGram.customer_id) == customer_id)
    )


async def add_alias(session: AsyncSession, alias: CustomerAlias) -> bool:
    """Insert under a savepoint; False when the customer already has that name."""
    try:
        async with session.begin_nested():
            session.add(alias)
            await session.flush()
    except IntegrityError:
        return False
    return True


async def drop_alias_named(session: AsyncSession, customer_id: int, name_key: str) -> None:
    """Remove the customer's alias with this normalised name (it becomes the official one)."""
    await session.execute(
        delete(CustomerAlias).where(
            col(CustomerAlias.customer_id) == customer_id, col(CustomerAlias.name_key) == name_key
        )
    )


async def get_alias(session: AsyncSession, customer_id: int, alias_id: int) -> CustomerAlias | None:
    return await session.scalar(
        select(CustomerAlias).where(
            col(CustomerAlias.id) == alias_id, col(CustomerAlias.customer_id) == customer_id
        )
    )


async def links_touching(session: AsyncSession, customer_ids: list[int]) -> list[CustomerLink]:
    """The group links where any of these customers is the parent or the child."""
    if not customer_ids:
        return []
    rows = await session.scalars(
        select(CustomerLink).where(
            or_(
                col(CustomerLink.child_id).in_(customer_ids),
                col(CustomerLink.parent_id).in_(customer_ids),
            )
        )
    )
    return list(rows)


async def parent_chain(session: AsyncSession, customer_id: int, limit: int = 20) -> list[int]:
    """The customer's parent, the parent's parent, … (to refuse a link that makes a circle)."""
    chain: list[int] = []
    current: int | None = customer_id
    while current is not None and len(chain) < limit:
        current = await session.scalar(
            select(col(CustomerLink.parent_id)).where(col(CustomerLink.child_id) == current)
        )
        if current is not None:
            chain.append(current)
    return chain


async def remove_link(session: AsyncSession, child_id: int) -> None:
    await session.execute(delete(CustomerLink).where(col(CustomerLink.child_id) == child_id))


async def customers_by_id(session: AsyncSession, ids: Iterable[int]) -> dict[int, Customer]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = await session.scalars(select(Customer).where(col(Customer.id).in_(wanted)))
    return {c.id: c for c in rows if c.id is not None}
