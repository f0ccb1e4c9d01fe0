from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from api.catalog.schemas import McuModelBrief, ProductDomainBrief
from api.kit.ids import RowId
from api.kit.schemas import StrictInput
from api.projects.stages import ProjectStage
from api.users.schemas import UserBrief


class ProjectState(StrictInput):
    """What a report entry says about a project (SPEC §7)."""

    stage: ProjectStage
    progress: str = Field(default="", max_length=2000, description="进展")
    mcu_model_id: RowId | None = Field(default=None, description="Our MCU model (catalog)")
    product_domain_id: RowId
    annual_volume: int = Field(ge=0, le=10**12, description="年预期: expected units per year")
    milestone_date: date | None = Field(default=None, description="节点: when")
    milestone_text: str = Field(default="", max_length=500, description="节点: what happens")
    open_questions: str = Field(
        default="", max_length=2000, description="Questions for the manufacturer"
    )


class NewProject(StrictInput):
    name: str = Field(min_length=1, max_length=100)
    product: str = Field(default="", max_length=100, description="What the customer builds")


class ProjectBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str


class ProjectPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    customer_id: int
    name: str
    product: str
    product_domain: ProductDomainBrief
    mcu_model: McuModelBrief | None
    stage: ProjectStage
    progress: str
    annual_volume: int
    milestone_date: date | None
    milestone_text: str
    open_questions: str
    last_report_date: date | None
    created_at: datetime
    updated_at: datetime


class ProjectHistoryEntry(BaseModel):
    """One report entry of the project, with the report it came from."""

    report_id: int
    report_date: date
    written_by: UserBrief
    stage: ProjectStage
    progress: str
    mcu_model: McuModelBrief | None
    annual_volume: int
    milestone_date: date | None
    milestone_text: str
    open_questions: str


class ProjectWithHistory(ProjectPublic):
    history: list[ProjectHistoryEntry]
