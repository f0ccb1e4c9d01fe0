from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from api.agents.models import Agent
from api.applications.models import ApplicationStatus
from api.customers.models import Customer
from api.kit.clock import now
from api.kit.tables import UTCDateTime, enum_column
from api.users.models import User


class RegistrationKind(StrEnum):
    NEW = "new"  # a customer nobody had registered
    POOL = "pool"  # an application for a customer in the resource pool


class Registration(SQLModel, table=True):
    """A registration application (报备申请): an agent asks to protect a customer."""

    __tablename__ = "registration"
    __table_args__ = (sa.Index("ix_registration_agent_status", "agent_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    agent_id: int = Field(foreign_key="agent.id")
    applicant_id: int = Field(foreign_key="user_account.id", index=True)
    kind: RegistrationKind = Field(sa_column=enum_column(RegistrationKind, "registration_kind"))
    status: ApplicationStatus = Field(
        sa_column=enum_column(ApplicationStatus, "application_status")
    )
    note: str = Field(default="", max_length=1000)
    # Fuzzy matches found at application time, for the vendor to weigh (names and scores only).
    conflicts: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    decided_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decision_reason: str = Field(default="", max_length=1000)
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime, index=True)

    customer: Customer = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    agent: Agent = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    applicant: User = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "Registration.applicant_id"}
    )
    decided_by: User | None = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "Registration.decided_by_id"}
    )


class RegistrationCheck(SQLModel, table=True):
    """Every conflict check, so the vendor can see who probes names without applying."""

    __tablename__ = "registration_check"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    agent_id: int | None = Field(default=None, foreign_key="agent.id")
    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200)
    best_score: float = 0.0
    at: datetime = Field(default_factory=now, sa_type=UTCDateTime, index=True)
