"""the customer's project stage holds a project stage, checked by the database

Revision ID: 7c2d4e6f8a10
Revises: a3f1c9d27e60
Create Date: 2026-12-04 19:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "7c2d4e6f8a10"
down_revision: str | None = "a3f1c9d27e60"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STAGES = ("lead", "approved", "development", "small_batch", "mass_production", "on_hold", "lost")


def upgrade() -> None:
    # The column already held only these values (the projects' stages are checked); now the
    # database says so too. Batch mode: SQLite adds a CHECK by copying the table.
    values = ", ".join(f"'{stage}'" for stage in STAGES)
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.create_check_constraint("customer_project_stage", f"project_stage IN ({values})")


def downgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_customer_customer_project_stage"), type_="check")
