"""reminders given (protection ending, follow-up overdue)

Revision ID: 5e1f0c7a9b24
Revises: 19b2d61cd699
Create Date: 2026-11-27 08:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes

import api.kit.tables
from alembic import op

revision: str = "5e1f0c7a9b24"
down_revision: str | None = "19b2d61cd699"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reminder",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("episode", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("created_at", api.kit.tables.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_reminder_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", "kind", "episode", name=op.f("pk_reminder")),
    )


def downgrade() -> None:
    op.drop_table("reminder")
