"""login throttle per account and per client address, with a growing delay

The old table counted per typed login name (a row for every name guessed) and locked outright;
its counts are short-lived, so it is replaced empty.

Revision ID: c3a9e1f04b7d
Revises: b55c081cf5ca
Create Date: 2026-12-05 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes

import api.kit.tables
from alembic import op

revision: str = "c3a9e1f04b7d"
down_revision: str | None = "b55c081cf5ca"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_table("login_throttle")
    op.create_table(
        "login_throttle",
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("blocked_until", api.kit.tables.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_failure_at", api.kit.tables.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_login_throttle")),
    )


def downgrade() -> None:
    op.drop_table("login_throttle")
    op.create_table(
        "login_throttle",
        sa.Column("login_name", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", api.kit.tables.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("login_name", name=op.f("pk_login_throttle")),
    )
