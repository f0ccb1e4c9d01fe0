"""Limit/offset paging and whitelisted sorting shared by every list endpoint."""

from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from api.kit.ids import MAX_ROW_ID

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int


class PageParams(BaseModel):
    limit: int
    offset: int
    # False when the caller has no use for the total (an export reading its list in chunks):
    # the list is not counted again for every chunk, and its Page says total 0.
    counted: bool = True


def page_params(
    limit: Annotated[int, Query(ge=1, le=200, description="Rows per page")] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_ROW_ID, description="Rows to skip")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


def order_by(
    sort: str | None, columns: dict[str, Any], default: str, ties: Any = None
) -> list[ColumnElement[Any]]:
    """`sort` is a column key, '-' in front for descending; unknown keys fall back to default.
    `ties` (a unique column) orders equal rows in the same direction, so that one index on
    (column, ties) serves the sort read forwards or backwards."""
    key = sort or default
    descending = key.startswith("-")
    column = columns.get(key.lstrip("-")) or columns[default.lstrip("-")]
    keys = [column] if ties is None else [column, ties]
    return [k.desc() if descending else k.asc() for k in keys]


async def paginate(
    session: AsyncSession,
    statement: Select[Any],
    page: PageParams,
    *,
    joined: tuple[Any, Callable[[Select[Any]], Select[Any]]] | None = None,
) -> tuple[list[Any], int]:
    """Run one page of `statement` and count all its rows (unless the page is not counted).

    `joined` = (key column, what joins the rows' relations in): the page's keys are chosen on
    the list's own rows first and only those rows are joined. Joined in one statement with the
    LIMIT outside, PostgreSQL's generic plan (a prepared statement after five runs) joined every
    visible row before sorting: 11 ms instead of 1.5 for a salesperson's 2,000 customers."""
    total = (
        await session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
        if page.counted
        else 0
    )
    chosen = statement.limit(page.limit).offset(page.offset)
    if joined is not None:
        key, join = joined
        chosen = join(statement.where(key.in_(chosen.with_only_columns(key))))
    rows = (await session.scalars(chosen)).all()
    return list(rows), int(total or 0)
