from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from api.agents.models import Agent
from api.applications.models import ApplicationStatus
from api.customers.models import Customer
from api.kit.clock import now
from api.kit.tables import UTCDateTime, enum_column
from api.users.models import User


class Extension(SQLModel, table=True):
    """An extension application (申请延期): the agent asks to keep a customer longer."""

    __tablename__ = "extension"
    __table_args__ = (
        # One open extension per customer, enforced by the database.
        sa.Index(
            "uq_extension_open_per_customer",
            "customer_id",
            unique=True,
            sqlite_where=sa.text("status = 'pending'"),
            postgresql_where=sa.text("status = 'pending'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)
    applicant_id: int = Field(foreign_key="user_account.id")
    reason: str = Field(max_length=1000)
    requested_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    protection_until_at_request: datetime = Field(sa_type=UTCDateTime)
    status: ApplicationStatus = Field(sa_column=enum_column(ApplicationStatus, "extension_status"))
    decided_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decided_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decision_reason: str = Field(default="", max_length=1000)
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime, index=True)

    customer: Customer = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    agent: Agent = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    applicant: User = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "Extension.applicant_id"}
    )
    decided_by: User | None = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "Extension.decided_by_id"}
    )
