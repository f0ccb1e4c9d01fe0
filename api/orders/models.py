from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel, col

from api.catalog.models import McuModel, ProductDomain
from api.customers.models import Customer
from api.kit.clock import now
from api.kit.tables import UTCDateTime
from api.projects.models import Project
from api.users.models import User

_LIVE = "deleted_at IS NULL"


class OrderLine(SQLModel, table=True):
    """One product of an order. Model and domain are copied from the project as recorded."""

    __tablename__ = "order_line"

    id: int | None = Field(default=None, primary_key=True)
    # Set by the relationship when the line is added to its order.
    order_id: int | None = Field(
        default=None, foreign_key="sales_order.id", index=True, nullable=False, ondelete="CASCADE"
    )
    project_id: int = Field(foreign_key="project.id", index=True)
    mcu_model_id: int = Field(foreign_key="mcu_model.id", index=True)
    product_domain_id: int = Field(foreign_key="product_domain.id")
    quantity: int = Field(sa_type=sa.BigInteger)  # units, > 0
    unit_price: Decimal | None = Field(default=None, sa_type=sa.Numeric(14, 4))
    currency: str | None = Field(default=None, max_length=3)
    batches: list[str] = Field(default_factory=list, sa_type=sa.JSON)  # 批次, in the order given

    project: Project = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    mcu_model: McuModel = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    product_domain: ProductDomain = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class Order(SQLModel, table=True):
    """A sales record (销售记录): what an agent shipped to a customer, entered daily (SPEC §9)."""

    # "order" is reserved in SQL.
    __tablename__ = "sales_order"
    __table_args__ = (
        sa.Index(
            "uq_sales_order_agent_number",
            "agent_id",
            "order_number",
            unique=True,
            sqlite_where=sa.text(_LIVE),
            postgresql_where=sa.text(_LIVE),
        ),
        sa.Index("ix_sales_order_agent_date", "agent_id", "contract_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    agent_id: int = Field(foreign_key="agent.id")
    order_number: str = Field(max_length=50)
    contract_date: date = Field(index=True)  # 销售日期 = the contract's date
    remarks: str = Field(default="", max_length=1000)
    created_by_id: int = Field(foreign_key="user_account.id")
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    deleted_reason: str = Field(default="", max_length=1000)

    customer: Customer = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    created_by: User = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    lines: list[OrderLine] = Relationship(
        sa_relationship_kwargs={
            "lazy": "raise",
            "order_by": "OrderLine.id",
            "cascade": "all, delete-orphan",
        }
    )


def not_deleted() -> sa.ColumnElement[bool]:
    """A deleted order leaves every list and statistic (the audit keeps it). Every order query,
    in this domain or another's repository, starts from
    `readable_statement(principal, Order).where(not_deleted())`."""
    return col(Order.deleted_at).is_(None)


class ShipmentMonth(SQLModel, table=True):
    """The live order lines of one calendar month summed per agent, MCU model, product domain and
    currency: the vendor's shipment statistics read a few thousand of these instead of millions
    of lines. Every order write adds its signed lines here in the same transaction
    (orders.totals), so it is never behind. `first_day`..`last_day` bound the contract dates
    summed here (a delete does not narrow them): a month whose bounds lie inside a requested
    range can stand for that range."""

    __tablename__ = "shipment_month"

    # No foreign keys: the lines' own keep the ids honest, and a catalog merge folds these
    # totals into the target's (orders.service.move_domain_totals) instead of re-pointing them
    # as references, which would collide with the target's cells of the same month.
    month: date = Field(primary_key=True)  # the month's first day
    agent_id: int = Field(primary_key=True)
    mcu_model_id: int = Field(primary_key=True)
    product_domain_id: int = Field(primary_key=True)
    currency: str = Field(primary_key=True, max_length=3)  # "" for lines without a price
    lines: int  # 0 once every line summed here is deleted: the cell is then ignored
    quantity: int = Field(sa_type=sa.BigInteger)
    priced_lines: int  # lines with a unit price; `amount` means nothing while it is 0
    amount: Decimal = Field(sa_type=sa.Numeric(20, 4))  # Σ quantity × unit price
    first_day: date
    last_day: date
