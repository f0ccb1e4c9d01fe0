"""Legacy import (SPEC §11): an uploaded spreadsheet of customers, checked row by row in the
background, then committed. The job's state lives here, so any API server answers the poll."""

from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from api.agents.models import Agent
from api.kit.clock import now
from api.kit.tables import UTCDateTime, enum_column
from api.users.models import User


class ImportStatus(StrEnum):
    CHECKING = "checking"  # the dry run is running: nothing is written
    CHECKED = "checked"  # the dry run is done: the rows say what a commit would do
    COMMITTING = "committing"  # re-checking, then writing every ready row in one transaction
    COMMITTED = "committed"
    FAILED = "failed"  # the commit failed and wrote nothing; it may be committed again


class RowStatus(StrEnum):
    PENDING = "pending"  # not checked yet
    READY = "ready"  # valid and free: a commit creates it
    CONFLICT = "conflict"  # the company is already held (a candidate blocks it)
    INVALID = "invalid"  # a value is missing or wrong (see reasons)
    CREATED = "created"  # committed: customer_id is the new customer


class CustomerImport(SQLModel, table=True):
    """One uploaded file of legacy customers for one agent."""

    __tablename__ = "customer_import"

    id: int | None = Field(default=None, primary_key=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)
    created_by_id: int = Field(foreign_key="user_account.id")
    committed_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    filename: str = Field(default="", max_length=200)
    status: ImportStatus = Field(sa_column=enum_column(ImportStatus, "import_status"))
    row_count: int = 0
    progress: int = 0  # rows checked in the current pass (dry run, or the commit's re-check)
    ready_count: int = 0
    conflict_count: int = 0
    invalid_count: int = 0
    created_count: int = 0
    error: str = Field(default="", max_length=500)
    heartbeat_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
    committed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    agent: Agent = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    created_by: User = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "CustomerImport.created_by_id"}
    )


class CustomerImportRow(SQLModel, table=True):
    """One data row of the file: the cells as text, and what the last check found."""

    __tablename__ = "customer_import_row"
    __table_args__ = (sa.Index("ix_customer_import_row_job_status", "import_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(foreign_key="customer_import.id", ondelete="CASCADE")
    row_number: int  # as Excel shows it (the header is row 1)
    values: dict[str, str] = Field(default_factory=dict, sa_type=sa.JSON)
    status: RowStatus = Field(sa_column=enum_column(RowStatus, "import_row_status"))
    reasons: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    candidates: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    customer_id: int | None = Field(default=None, foreign_key="customer.id")
