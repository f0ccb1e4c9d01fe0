"""desk: when each person last looked at their desk (工作台)

Reports written after it are the person's "new reports".

Revision ID: d7e5a0c41b93
Revises: c3a9d1e7f402
Create Date: 2026-12-05 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa

import api.kit.tables
from alembic import op

revision: str = "d7e5a0c41b93"
down_revision: str | None = "c3a9d1e7f402"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "desk_seen",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("seen_at", api.kit.tables.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id"),
    )


def downgrade() -> None:
    op.drop_table("desk_seen")
