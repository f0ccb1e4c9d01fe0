"""Filters that several lists share."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, true

LIKE_ESCAPE = "\\"


def contains_text(column: Any, text: str) -> ColumnElement[bool]:
    """The column contains `text`, ignoring case and outer spaces; what the user typed is matched
    literally, so a % or _ in a search box is that character, not a wildcard."""
    clause: ColumnElement[bool] = column.ilike(f"%{_literal(text)}%", escape=LIKE_ESCAPE)
    return clause


def starts_with_text(column: Any, text: str) -> ColumnElement[bool]:
    """The column is `text` or starts with it (order and batch numbers: typing the start finds
    the whole), ignoring case and outer spaces; % and _ are matched literally."""
    clause: ColumnElement[bool] = column.ilike(f"{_literal(text)}%", escape=LIKE_ESCAPE)
    return clause


def _literal(text: str) -> str:
    """`text` as a LIKE pattern that matches itself only."""
    literal = text.strip()
    for special in (LIKE_ESCAPE, "%", "_"):
        literal = literal.replace(special, LIKE_ESCAPE + special)
    return literal


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
