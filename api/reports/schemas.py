from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from api.catalog.schemas import McuModelBrief, ProductDomainBrief
from api.kit.ids import RowId
from api.kit.schemas import StrictInput
from api.projects.schemas import NewProject, ProjectBrief, ProjectState
from api.projects.stages import ProjectStage
from api.users.schemas import UserBrief


class EntryIn(ProjectState):
    """A project entry: an existing project (imported with one click) or a new one."""

    project_id: RowId | None = None
    new_project: NewProject | None = None

    @model_validator(mode="after")
    def _one_project(self) -> "EntryIn":
        if (self.project_id is None) == (self.new_project is None):
            raise ValueError("give either project_id or new_project / 请选择已有项目或新建项目")
        return self


class ReportIn(StrictInput):
    report_date: date | None = Field(
        default=None, description="Defaults to today; never in the future"
    )
    customer_news: str = Field(min_length=2, max_length=5000, description="客户动态 (required)")
    entries: list[EntryIn] = Field(default_factory=list, max_length=50)


class ReportEdit(ReportIn):
    version: int = Field(
        ge=1, description="The version the edit started from; 409 when the report changed since"
    )


class CommentIn(StrictInput):
    body: str = Field(min_length=1, max_length=5000)
    entry_id: RowId | None = Field(
        default=None, description="Comment on one entry instead of the report"
    )


class EntryPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    project: ProjectBrief
    stage: ProjectStage
    progress: str
    mcu_model: McuModelBrief | None
    product_domain: ProductDomainBrief
    annual_volume: int
    milestone_date: date | None
    milestone_text: str
    open_questions: str
    written_by_id: int


class CommentPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    entry_id: int | None
    author: UserBrief
    body: str
    created_at: datetime
    unread: bool = Field(default=False, description="Not yet read by the caller")


class ReportSummary(BaseModel):
    """A report in a list (pane 1 of the follow-up screen)."""

    id: int
    customer_id: int
    report_date: date
    author: UserBrief
    customer_news: str
    projects: list[ProjectBrief]
    comment_count: int
    unread_comments: int
    version: int
    updated_at: datetime


class ReportDetail(BaseModel):
    id: int
    customer_id: int
    report_date: date
    author: UserBrief
    customer_news: str
    entries: list[EntryPublic]
    comments: list[CommentPublic]
    version: int
    created_at: datetime
    updated_at: datetime


class ReportRevisionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    version: int
    content: dict[str, Any]
    edited_by: UserBrief
    edited_at: datetime


class UnreadReport(BaseModel):
    report_id: int
    customer_id: int
    customer_name: str
    unread: int


class UnreadComments(BaseModel):
    total: int
    reports: list[UnreadReport]
