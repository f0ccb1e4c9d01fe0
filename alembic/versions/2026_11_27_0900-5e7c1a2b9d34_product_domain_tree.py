"""product domain tree (level-1 domains and their level-2 domains)

Revision ID: 5e7c1a2b9d34
Revises: 83ead1ad8b7b
Create Date: 2026-11-27 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "5e7c1a2b9d34"
down_revision: str | None = "83ead1ad8b7b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The seeded domains stay level-1 (parent_id NULL); sort order, active flag and typical
    # products exist since the catalog's first migration.
    with op.batch_alter_table("product_domain", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_product_domain_parent_id"), ["parent_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_product_domain_parent_id_product_domain"),
            "product_domain",
            ["parent_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("product_domain", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_product_domain_parent_id_product_domain"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_product_domain_parent_id"))
        batch_op.drop_column("parent_id")
