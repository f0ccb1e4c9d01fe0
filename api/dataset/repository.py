"""The synthetic dataset's writes: rows in bulk (COPY on PostgreSQL, executemany elsewhere) with
the ids the plan gave them, and what the plan reads first (the demo rows it builds on)."""

import enum
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from api.agents.models import Agent
from api.catalog.models import McuModel, ProductDomain
from api.customers.models import Customer
from api.db import dialect_name
from api.users.models import User

CHUNK = 5000  # rows per executemany: SQLite's and asyncpg's parameter limits stay far away


async def agents(session: AsyncSession) -> dict[str, int]:
    return {a.name: a.id or 0 for a in await session.scalars(select(Agent))}


async def users(session: AsyncSession) -> list[User]:
    return list(await session.scalars(select(User).order_by(col(User.id))))


async def leaf_domain_ids(session: AsyncSession) -> list[int]:
    """Active domains without level-2 children: what a customer's product is filed under."""
    parents = select(col(ProductDomain.parent_id)).where(col(ProductDomain.parent_id).is_not(None))
    rows = await session.scalars(
        select(col(ProductDomain.id))
        .where(col(ProductDomain.is_active), col(ProductDomain.id).not_in(parents))
        .order_by(col(ProductDomain.id))
    )
    return [i for i in rows if i is not None]


async def mcu_model_ids(session: AsyncSession) -> list[int]:
    return list(await session.scalars(select(col(McuModel.id)).order_by(col(McuModel.id))))


async def customer_name_keys(session: AsyncSession) -> set[str]:
    return set(await session.scalars(select(col(Customer.name_key))))


async def next_id(session: AsyncSession, model: type[BaseModel]) -> int:
    table: sa.Table = model.__table__  # type: ignore[attr-defined]
    return int(await session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1


def _copy_value(value: Any, column: sa.Column[Any]) -> Any:
    """COPY sends values as asyncpg encodes them: JSON as text, enums as their values."""
    if value is not None and isinstance(column.type, sa.JSON):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, enum.Enum):
        return value.value
    return value


async def insert_rows(
    session: AsyncSession, model: type[BaseModel], rows: Sequence[dict[str, Any]]
) -> None:
    """Write `rows` (every column given) into the model's table, the fastest way the database
    has: COPY on PostgreSQL, executemany of chunks elsewhere."""
    if not rows:
        return
    table: sa.Table = model.__table__  # type: ignore[attr-defined]
    if dialect_name(session) == "postgresql":
        columns = [table.c[name] for name in rows[0]]
        connection = await session.connection()
        raw = await connection.get_raw_connection()
        await raw.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
            table.name,
            records=[tuple(_copy_value(row[c.name], c) for c in columns) for row in rows],
            columns=[c.name for c in columns],
        )
        return
    for start in range(0, len(rows), CHUNK):
        await session.execute(insert(table), list(rows[start : start + CHUNK]))


async def catch_up_sequences(session: AsyncSession, models: Sequence[type[BaseModel]]) -> None:
    """Rows written with their ids leave PostgreSQL's id sequences behind: move them on."""
    if dialect_name(session) != "postgresql":
        return
    for model in models:
        name = model.__table__.name  # type: ignore[attr-defined]
        await session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {name}))"
            )
        )


async def analyse(session: AsyncSession) -> None:
    """Fresh planner statistics after millions of rows (autovacuum would take its time)."""
    if dialect_name(session) == "postgresql":
        await session.execute(text("ANALYZE"))
