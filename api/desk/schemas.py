from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from api.agents.schemas import AgentBrief
from api.catalog.schemas import ProductDomainBrief
from api.extensions.schemas import ExtensionPublic
from api.projects.schemas import ProjectBrief
from api.projects.stages import ProjectStage
from api.registrations.schemas import RegistrationPublic
from api.users.schemas import UserBrief


class QueueKey(StrEnum):
    REGISTRATIONS = "registrations"  # registrations waiting for the vendor
    EXTENSIONS = "extensions"  # extensions waiting for the vendor
    NEW_REPORTS = "new_reports"  # reports written since the person last looked
    OPEN_QUESTIONS = "open_questions"  # entries' questions no vendor comment answered yet
    REVIEWS_DUE = "reviews_due"  # 量产 customers whose periodic review is due or overdue


class QuestionStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"


class DeskQueue(BaseModel):
    key: QueueKey
    count: int


class WaitingRegistration(RegistrationPublic):
    age_days: int = Field(description="Whole days since the application (先报先得)")


class WaitingExtension(ExtensionPublic):
    age_days: int = Field(description="Whole days since the request")


class Desk(BaseModel):
    """The caller's queues with counts, and the applications waiting, oldest first."""

    seen_at: datetime | None = Field(description="When the caller last marked the desk seen")
    queues: list[DeskQueue]
    registrations: list[WaitingRegistration] = Field(description="Oldest first, up to 100")
    extensions: list[WaitingExtension] = Field(description="Oldest first, up to 100")


class DeskSeenOut(BaseModel):
    seen_at: datetime


class CustomerRef(BaseModel):
    id: int
    name: str


class DeskEntry(BaseModel):
    id: int
    project: ProjectBrief
    stage: ProjectStage
    previous_stage: ProjectStage | None = Field(
        description="The project's stage in its entry before this one (None: its first entry)"
    )
    product_domain: ProductDomainBrief
    progress: str
    open_questions: str = Field(description="需原厂解答的问题")


class NewReport(BaseModel):
    id: int
    customer: CustomerRef
    agent: AgentBrief
    author: UserBrief
    report_date: date
    created_at: datetime
    customer_news: str
    entries: list[DeskEntry]


class Question(BaseModel):
    """An entry's open question (需原厂解答的问题): a thread the vendor answers with a comment."""

    entry_id: int
    report_id: int
    customer: CustomerRef
    agent: AgentBrief
    author: UserBrief
    project: ProjectBrief
    question: str
    asked_at: datetime
    age_days: int = Field(
        description="Days the agent's side has waited: since the question, or its newest reply"
    )
    answered: bool = Field(description="The vendor's newest comment is newer than every reply")
    answered_at: datetime | None = Field(description="The vendor's newest comment on it")
    replied_at: datetime | None = Field(description="The agent's side's newest reply in the thread")


class ReviewDue(BaseModel):
    customer: CustomerRef
    agent: AgentBrief | None
    next_review_at: datetime
    days_left: int = Field(description="Negative once overdue")
    overdue: bool
