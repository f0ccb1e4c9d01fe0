"""Filters that several lists share."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, true


def within(
    column: Any, start: date | datetime | None, end: date | datetime | None
) -> ColumnElement[bool]:
    """start <= column <= end, either bound optional (inclusive: a date range as people mean it)."""
    clause: ColumnElement[bool] = true()
    if start is not None:
        clause = clause & (column >= start)
    if end is not None:
        clause = clause & (column <= end)
    return clause
