"""one-time passwords expire with their set-password link

Revision ID: a3f1c9d27e60
Revises: 5e7c1a2b9d34
Create Date: 2026-11-27 09:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa

import api.kit.tables
from alembic import op

revision: str = "a3f1c9d27e60"
down_revision: str | None = "5e7c1a2b9d34"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing one-time passwords get no expiry: their holders were told nothing of one.
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "temporary_password_expires_at",
                api.kit.tables.UTCDateTime(timezone=True),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_column("temporary_password_expires_at")
