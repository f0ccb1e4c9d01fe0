"""shipment_month: order lines summed per month, agent, model, domain and currency

The vendor's shipment statistics summed every line of the range (1.7–3.7 s over 2.5 million
lines); they now read these month totals, which every order write keeps up to date in its own
transaction. Filled here from the live lines.

Revision ID: f3b8c1d2e4a5
Revises: e1f2a3b4c5d6
Create Date: 2026-12-05 22:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "f3b8c1d2e4a5"
down_revision: str | None = "e1f2a3b4c5d6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MONTH = {
    "postgresql": "CAST(date_trunc('month', o.contract_date) AS DATE)",
    "sqlite": "date(o.contract_date, 'start of month')",
}


def upgrade() -> None:
    op.create_table(
        "shipment_month",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("mcu_model_id", sa.Integer(), nullable=False),
        sa.Column("product_domain_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("priced_lines", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint(
            "month",
            "agent_id",
            "mcu_model_id",
            "product_domain_id",
            "currency",
            name=op.f("pk_shipment_month"),
        ),
    )
    month = _MONTH[op.get_bind().dialect.name]
    op.execute(
        f"""
        INSERT INTO shipment_month (month, agent_id, mcu_model_id, product_domain_id, currency,
            lines, quantity, priced_lines, amount, first_day, last_day)
        SELECT {month}, o.agent_id, l.mcu_model_id, l.product_domain_id, COALESCE(l.currency, ''),
            COUNT(*), SUM(l.quantity), COUNT(l.unit_price),
            COALESCE(SUM(l.quantity * l.unit_price), 0), MIN(o.contract_date), MAX(o.contract_date)
        FROM order_line l JOIN sales_order o ON o.id = l.order_id
        WHERE o.deleted_at IS NULL
        GROUP BY {month}, o.agent_id, l.mcu_model_id, l.product_domain_id, COALESCE(l.currency, '')
        """
    )
    if op.get_bind().dialect.name == "postgresql":
        # Planner statistics now, not at autovacuum's leisure: without them the first statistics
        # requests sort the whole table on disk (0.3 s instead of 0.07 s at 2.5 M lines).
        op.execute("ANALYZE shipment_month")


def downgrade() -> None:
    op.drop_table("shipment_month")
