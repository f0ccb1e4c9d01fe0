"""customer list: an index for its default sort (newest change first, then id)

Without it every page of the vendor's home list is a full scan and a top-N sort of every customer.

Revision ID: c3a9d1e7f402
Revises: c3a9e1f04b7d
Create Date: 2026-12-05 08:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "c3a9d1e7f402"
down_revision: str | None = "c3a9e1f04b7d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Scanned backwards for "-updated_at"; PostgreSQL sorts the ties by id incrementally.
    op.create_index("ix_customer_updated_at", "customer", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_customer_updated_at", table_name="customer")
