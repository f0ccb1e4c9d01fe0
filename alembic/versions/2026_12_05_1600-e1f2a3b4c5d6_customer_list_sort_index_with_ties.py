"""customer list: the default sort's index carries the tie-break (updated_at, id)

The index on updated_at alone left PostgreSQL sorting every customer that shares the newest
updated_at (thousands after an import or a nightly job) before it could return a page; ties now
go in the sort's direction (-updated_at, -id), a backward scan of this index.

Revision ID: e1f2a3b4c5d6
Revises: d7e5a0c41b93
Create Date: 2026-12-05 16:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "e1f2a3b4c5d6"
down_revision: str | None = "d7e5a0c41b93"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_customer_updated_at_id", "customer", ["updated_at", "id"])
    op.drop_index("ix_customer_updated_at", table_name="customer")


def downgrade() -> None:
    op.create_index("ix_customer_updated_at", "customer", ["updated_at"])
    op.drop_index("ix_customer_updated_at_id", table_name="customer")
