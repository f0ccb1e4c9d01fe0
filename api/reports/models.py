from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from api.catalog.models import McuModel, ProductDomain
from api.kit.clock import now
from api.kit.tables import UTCDateTime, enum_column
from api.projects.models import Project
from api.projects.stages import ProjectStage
from api.users.models import User


class ReportEntry(SQLModel, table=True):
    """One project's state as told in one report: the project's history is its entries."""

    __tablename__ = "report_entry"
    __table_args__ = (
        sa.UniqueConstraint("report_id", "project_id", name="uq_report_entry_report_project"),
    )

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True, ondelete="CASCADE")
    project_id: int = Field(foreign_key="project.id", index=True)
    stage: ProjectStage = Field(sa_column=enum_column(ProjectStage, "entry_stage"))
    progress: str = Field(default="", max_length=2000)
    mcu_model_id: int | None = Field(default=None, foreign_key="mcu_model.id")
    product_domain_id: int = Field(foreign_key="product_domain.id")
    annual_volume: int = Field(default=0, sa_type=sa.BigInteger)
    milestone_date: date | None = None
    milestone_text: str = Field(default="", max_length=500)
    open_questions: str = Field(default="", max_length=2000)
    written_by_id: int = Field(foreign_key="user_account.id")

    project: Project = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    written_by: User = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    mcu_model: McuModel | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    product_domain: ProductDomain = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class Report(SQLModel, table=True):
    """A follow-up report (客户跟进): customer news plus one entry per project touched."""

    __tablename__ = "report"
    __table_args__ = (sa.Index("ix_report_customer_date", "customer_id", "report_date"),)

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    agent_id: int = Field(foreign_key="agent.id", index=True)
    author_id: int = Field(foreign_key="user_account.id", index=True)
    report_date: date
    customer_news: str = Field(max_length=5000)  # 客户动态: the overall situation
    version: int = 1
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)

    author: User = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    entries: list[ReportEntry] = Relationship(
        sa_relationship_kwargs={
            "lazy": "raise",
            "order_by": "ReportEntry.id",
            "cascade": "all, delete-orphan",
        }
    )


class ReportRevision(SQLModel, table=True):
    """A report as it was before an edit (the vendor sees the history)."""

    __tablename__ = "report_revision"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True, ondelete="CASCADE")
    version: int
    content: dict[str, Any] = Field(sa_type=sa.JSON)
    edited_by_id: int = Field(foreign_key="user_account.id")
    edited_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)

    edited_by: User = Relationship(sa_relationship_kwargs={"lazy": "raise"})
