from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel, col

from api.agents.models import Agent
from api.catalog.models import ProductDomain
from api.kit.clock import CHINA, now
from api.kit.tables import UTCDateTime, enum_column
from api.projects.stages import ProjectStage
from api.users.models import User


class CustomerStatus(StrEnum):
    PENDING = "pending"  # registration awaiting the vendor
    PROTECTED = "protected"  # approved: the agent's customer until protection_until
    RELEASED = "released"  # in the resource pool (资源池)
    REJECTED = "rejected"  # a new registration the vendor refused
    WITHDRAWN = "withdrawn"  # a new registration the agent took back


# A name in one of these states belongs to someone (or to the pool): nobody may register it again.
HELD_STATUSES = (CustomerStatus.PENDING, CustomerStatus.PROTECTED, CustomerStatus.RELEASED)
_HELD_SQL = "status IN ('pending', 'protected', 'released')"


class ProtectionMode(StrEnum):
    PERIOD = "period"  # lapses at protection_until unless extended
    REVIEW = "review"  # mass production (量产): reviewed by the vendor at an interval instead


class CustomerFae(SQLModel, table=True):
    """An FAE assigned to help on a customer's projects."""

    __tablename__ = "customer_fae"

    customer_id: int = Field(foreign_key="customer.id", primary_key=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="user_account.id", primary_key=True, index=True)


class Customer(SQLModel, table=True):
    """An end customer (客户): a company found and registered by an agent (SPEC §5)."""

    __tablename__ = "customer"
    __table_args__ = (
        # The database, not only Python, decides who was first (SPEC §5: exactly one wins).
        sa.Index(
            "uq_customer_held_name",
            "name_key",
            unique=True,
            sqlite_where=sa.text(_HELD_SQL),
            postgresql_where=sa.text(_HELD_SQL),
        ),
        sa.Index(
            "uq_customer_held_credit_code",
            "credit_code",
            unique=True,
            sqlite_where=sa.text(f"credit_code IS NOT NULL AND {_HELD_SQL}"),
            postgresql_where=sa.text(f"credit_code IS NOT NULL AND {_HELD_SQL}"),
        ),
        sa.Index("ix_customer_agent_status", "agent_id", "status"),
        # The home list's default sort (-updated_at, -id), read backwards: a page is the index's
        # last rows, however many customers share one updated_at (an import, a job).
        sa.Index("ix_customer_updated_at_id", "updated_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)  # 官方全称, as written
    name_key: str = Field(max_length=200)  # normalised full name (width, script, punctuation)
    name_core: str = Field(max_length=200)  # without region, legal form and filler words
    credit_code: str | None = Field(default=None, max_length=18)
    province: str = Field(max_length=20)
    city: str = Field(max_length=30)
    product_domain_id: int = Field(foreign_key="product_domain.id", index=True)
    annual_mcu_usage_wan: Decimal = Field(default=Decimal(0), sa_type=sa.Numeric(12, 2))
    mcus_in_use: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    purchaser: str = Field(default="", max_length=200)
    factory: str = Field(default="", max_length=200)
    founded_on: date | None = None
    registered_capital: str = Field(default="", max_length=50)
    major_events: str = Field(default="", max_length=2000)
    industry_position: str = Field(default="", max_length=2000)

    # A company is found pending; only the lifecycle moves it (api/customers/lifecycle.py).
    status: CustomerStatus = Field(
        default=CustomerStatus.PENDING, sa_column=enum_column(CustomerStatus, "customer_status")
    )
    agent_id: int | None = Field(default=None, foreign_key="agent.id")
    contact_user_id: int | None = Field(default=None, foreign_key="user_account.id", index=True)
    protection_mode: ProtectionMode = Field(
        default=ProtectionMode.PERIOD,
        sa_column=enum_column(ProtectionMode, "protection_mode", default=ProtectionMode.PERIOD),
    )
    protection_until: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    next_review_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    approved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    released_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    released_from_agent_id: int | None = Field(default=None, foreign_key="agent.id")
    # the most advanced stage of its projects (项目状态)
    project_stage: ProjectStage | None = Field(
        default=None,
        sa_column=enum_column(ProjectStage, "customer_project_stage", nullable=True),
    )
    last_report_at: date | None = None  # date of the latest follow-up report
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)

    agent: Agent | None = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "Customer.agent_id"}
    )
    contact: User | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    product_domain: ProductDomain = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    faes: list[User] = Relationship(
        link_model=CustomerFae, sa_relationship_kwargs={"lazy": "raise"}
    )


def followup_overdue(cutoff: datetime) -> sa.ColumnElement[bool]:
    """Protected and without a report since `cutoff` (now - the follow-up interval; SPEC §7):
    the customer list's filter and the scorecard's count, the same rule as
    `protection.is_followup_overdue` in SQL."""
    return sa.and_(
        col(Customer.status) == CustomerStatus.PROTECTED,
        sa.or_(
            col(Customer.last_report_at) < cutoff.astimezone(CHINA).date(),
            sa.and_(col(Customer.last_report_at).is_(None), col(Customer.approved_at) < cutoff),
        ),
    )
