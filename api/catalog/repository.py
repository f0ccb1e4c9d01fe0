"""SQL of the catalogs. Everyone reads the catalogs (SPEC §3), so there is no row scoping."""

from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col, func, or_, select

from api.catalog.models import McuModel, McuStatus, ProductDomain
from api.db import dialect_name
from api.kit.errors import NotFound
from api.kit.filters import contains_text
from api.kit.pagination import PageParams, paginate
from api.models import metadata


def referencing_columns(model: type[SQLModel]) -> list[sa.Column[Any]]:
    """Every column of another table with a foreign key to `model`, found in the metadata, so a
    table added later is covered without a change here (the tree's own parent_id is not)."""
    target = model.__table__  # type: ignore[attr-defined]  # SQLModel does not declare it
    return [
        fk.parent
        for table in metadata.sorted_tables
        if table is not target
        for fk in table.foreign_keys
        if fk.column.table is target
    ]


def _column_key(column: sa.Column[Any]) -> str:
    return f"{column.table.name}.{column.name}"


async def count_references(
    session: AsyncSession, model: type[SQLModel], object_id: int
) -> dict[str, int]:
    """Rows pointing at the object, per `table.column`."""
    counts: dict[str, int] = {}
    for column in referencing_columns(model):
        n = await session.scalar(select(func.count()).where(column == object_id))
        counts[_column_key(column)] = int(n or 0)
    return counts


async def move_references(
    session: AsyncSession, model: type[SQLModel], source_id: int, target_id: int
) -> dict[str, int]:
    """Point every reference to `source_id` at `target_id`; the rows moved, per `table.column`."""
    moved: dict[str, int] = {}
    for column in referencing_columns(model):
        statement = (
            sa.update(column.table).where(column == source_id).values({column.name: target_id})
        )
        # An UPDATE answers a cursor result, with its row count (execute() is typed for any).
        result = cast(sa.CursorResult[Any], await session.execute(statement))
        moved[_column_key(column)] = result.rowcount
    return moved


# --- product domains ---------------------------------------------------------------------------


def _tree_order(domains: list[ProductDomain]) -> list[ProductDomain]:
    """Level-1 domains in their order, each followed by its level-2 domains in theirs."""
    ordered = sorted(domains, key=lambda d: (d.sort_order, d.id or 0))
    children: dict[int | None, list[ProductDomain]] = {}
    for domain in ordered:
        children.setdefault(domain.parent_id, []).append(domain)
    result: list[ProductDomain] = []
    for top in children.get(None, []):
        result.append(top)
        result.extend(children.get(top.id, []))
    return result


async def list_domains(session: AsyncSession, *, include_inactive: bool) -> list[ProductDomain]:
    statement = select(ProductDomain)
    if not include_inactive:
        statement = statement.where(col(ProductDomain.is_active))
    domains = list(await session.scalars(statement))
    if not include_inactive:  # a level-2 domain under an inactive level-1 one is not offered
        active = {d.id for d in domains}
        domains = [d for d in domains if d.parent_id is None or d.parent_id in active]
    return _tree_order(domains)


# pg_advisory_xact_lock key of the domain tree ("CDdomain" as a number): held until commit.
TREE_LOCK_KEY = 0x4344_646F_6D61_696E


async def lock_tree(session: AsyncSession) -> None:
    """Until commit, no other change of the domain tree runs: each create, move, re-parent,
    (de)activation or merge reads the tree as the previous one left it (PostgreSQL advisory lock;
    SQLite's BEGIN IMMEDIATE already serialises writers). Take it before reading any domain."""
    if dialect_name(session) == "postgresql":
        await session.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": TREE_LOCK_KEY})


async def get_domain(session: AsyncSession, domain_id: int) -> ProductDomain:
    domain = await session.get(ProductDomain, domain_id)
    if domain is None:
        raise NotFound("product_domain")
    return domain


async def siblings(session: AsyncSession, parent_id: int | None) -> list[ProductDomain]:
    """The domains under `parent_id` (level 1 when None), in their order."""
    parent = (
        col(ProductDomain.parent_id).is_(None)
        if parent_id is None
        else col(ProductDomain.parent_id) == parent_id
    )
    rows = await session.scalars(
        select(ProductDomain)
        .where(parent)
        .order_by(col(ProductDomain.sort_order), col(ProductDomain.id))
    )
    return list(rows)


async def domain_name_taken(session: AsyncSession, name: str, except_id: int | None) -> bool:
    statement = select(col(ProductDomain.id)).where(col(ProductDomain.name) == name)
    if except_id is not None:
        statement = statement.where(col(ProductDomain.id) != except_id)
    return await session.scalar(statement.limit(1)) is not None


# SELECT ... FOR KEY SHARE: what a new foreign key takes (a delete or a FOR UPDATE waits for it;
# an edit of the row's other columns does not).
_KEY_SHARE = {"read": True, "key_share": True}


# --- MCU models --------------------------------------------------------------------------------


async def page_mcu_models(
    session: AsyncSession, page: PageParams, q: str | None, status: McuStatus | None
) -> tuple[list[McuModel], int]:
    statement = select(McuModel)
    if q and q.strip():
        statement = statement.where(
            or_(
                contains_text(col(McuModel.part_number), q),
                contains_text(col(McuModel.series), q),
                contains_text(col(McuModel.core), q),
            )
        )
    if status is not None:
        statement = statement.where(col(McuModel.status) == status)
    return await paginate(session, statement.order_by(col(McuModel.part_number)), page)


async def get_mcu_model(
    session: AsyncSession, model_id: int, *, for_update: bool = False
) -> McuModel:
    """The model; `for_update` locks its row until commit (a delete: the uses that began first
    are counted, the ones after find no model). Raises 404."""
    model = await session.get(McuModel, model_id, with_for_update=for_update or None)
    if model is None:
        raise NotFound("mcu_model")
    return model


async def mcu_model_for_use(session: AsyncSession, model_id: int) -> McuModel | None:
    """The model a record is about to point at, its row share-locked until commit (FOR KEY
    SHARE): a simultaneous delete waits for the record and then counts it."""
    return await session.get(McuModel, model_id, with_for_update=_KEY_SHARE)


async def mcu_models_by_part_number(
    session: AsyncSession, part_numbers: set[str]
) -> dict[str, McuModel]:
    if not part_numbers:
        return {}
    rows = await session.scalars(
        select(McuModel).where(col(McuModel.part_number).in_(sorted(part_numbers)))
    )
    return {m.part_number: m for m in rows}


async def part_number_taken(session: AsyncSession, part_number: str, except_id: int | None) -> bool:
    statement = select(col(McuModel.id)).where(col(McuModel.part_number) == part_number)
    if except_id is not None:
        statement = statement.where(col(McuModel.id) != except_id)
    return await session.scalar(statement.limit(1)) is not None


async def all_mcu_models(session: AsyncSession) -> list[McuModel]:
    rows = await session.scalars(
        select(McuModel).order_by(col(McuModel.status), col(McuModel.part_number))
    )
    return list(rows)
