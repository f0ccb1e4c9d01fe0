"""outbox claim leases: senders claim messages, send outside a transaction, record the outcome

Revision ID: 7b4e2c91d0a5
Revises: 7c2d4e6f8a10
Create Date: 2026-12-04 20:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes

import api.kit.tables
from alembic import op

revision: str = "7b4e2c91d0a5"
down_revision: str | None = "7c2d4e6f8a10"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Unclaimed to begin with: a message queued before this revision is due as it was.
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("claim_token", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True)
        )
        batch_op.add_column(
            sa.Column("lease_until", api.kit.tables.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_column("lease_until")
        batch_op.drop_column("claim_token")
