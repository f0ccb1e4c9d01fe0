from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from api.catalog.models import McuModel, ProductDomain
from api.kit.clock import now
from api.kit.tables import UTCDateTime, enum_column
from api.projects.stages import ProjectStage


class Project(SQLModel, table=True):
    """A customer's product design that uses (or may use) our MCU (SPEC §7). Its current state is
    its latest report entry; the entries are its history."""

    __tablename__ = "project"
    __table_args__ = (
        sa.UniqueConstraint(
            "customer_id", "agent_id", "name", name="uq_project_customer_agent_name"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    # The agent whose work this is: after a customer changes hands, the new agent starts afresh.
    agent_id: int = Field(foreign_key="agent.id", index=True)
    name: str = Field(max_length=100)
    product: str = Field(default="", max_length=100)
    product_domain_id: int = Field(foreign_key="product_domain.id")
    mcu_model_id: int | None = Field(default=None, foreign_key="mcu_model.id")
    stage: ProjectStage = Field(sa_column=enum_column(ProjectStage, "project_stage"))
    progress: str = Field(default="", max_length=2000)
    annual_volume: int = Field(default=0, sa_type=sa.BigInteger)  # 年预期, units per year
    milestone_date: date | None = None
    milestone_text: str = Field(default="", max_length=500)
    open_questions: str = Field(default="", max_length=2000)
    last_report_date: date | None = None  # the report date its current state comes from
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)

    product_domain: ProductDomain = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    mcu_model: McuModel | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
