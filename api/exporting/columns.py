"""A list's export as columns: a header in each language and what the cell shows of an item.
Cells are formatted by the type of their value, the same in every export: a code by its
label, a time in China Standard Time, a yes/no in words, a list joined."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar

from api.exporting.labels import label
from api.kit.clock import china_minute

T = TypeVar("T")
R = TypeVar("R")
T_contra = TypeVar("T_contra", contravariant=True)


@dataclass(frozen=True)
class Column(Generic[T]):
    zh: str
    en: str
    value: Callable[[T], Any]


class Table(Protocol[T_contra]):
    """What a list exports: a name for the file, headers and rows in the caller's language."""

    @property
    def name(self) -> str: ...

    def headers(self, lang: str) -> list[str]: ...

    def table(self, items: Iterable[T_contra], lang: str) -> list[list[Any]]: ...


@dataclass(frozen=True)
class Sheet(Generic[T]):
    """A row per item: the file's name (the date is added) and its columns."""

    name: str
    columns: Sequence[Column[T]]

    def headers(self, lang: str) -> list[str]:
        return [c.en if lang == "en" else c.zh for c in self.columns]

    def table(self, items: Iterable[T], lang: str) -> list[list[Any]]:
        return [[cell(c.value(item), lang) for c in self.columns] for item in items]


@dataclass(frozen=True)
class Expanded(Generic[T, R]):
    """Several rows per item (an order: a row per line, so quantities add up)."""

    sheet: Sheet[R]
    rows: Callable[[T], Iterable[R]]

    @property
    def name(self) -> str:
        return self.sheet.name

    def headers(self, lang: str) -> list[str]:
        return self.sheet.headers(lang)

    def table(self, items: Iterable[T], lang: str) -> list[list[Any]]:
        return self.sheet.table((row for item in items for row in self.rows(item)), lang)


def cell(value: Any, lang: str) -> Any:
    """What a spreadsheet cell shows of `value`; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return label(value, lang)
    if isinstance(value, bool):
        return ("Yes" if value else "No") if lang == "en" else ("是" if value else "否")
    if isinstance(value, datetime):
        return china_minute(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(str(cell(v, lang)) for v in value)
    if isinstance(value, int | float | Decimal | str):
        return value
    raise TypeError(f"no export format for {type(value).__name__}")  # a column's mistake
