"""What every table model shares: constraint naming and column types that behave the same on
SQLite and PostgreSQL. Every models.py imports from here, so this runs before any table exists."""

import enum
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

# Stable constraint names, so migrations can drop and alter them on both databases.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out; SQLite would otherwise hand back naive datetimes."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: store times with a time zone (use kit.clock.now())")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def enum_column(
    enum_type: type[enum.Enum],
    name: str,
    default: enum.Enum | None = None,
    *,
    nullable: bool = False,
) -> "sa.Column[Any]":
    """A string column holding the enum's values, with a CHECK constraint on both databases."""
    return sa.Column(
        sa.Enum(
            enum_type,
            native_enum=False,
            length=20,
            values_callable=lambda e: [m.value for m in e],
            create_constraint=True,
            name=name,
        ),
        nullable=nullable,
        default=default,
    )
