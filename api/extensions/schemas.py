from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from api.agents.schemas import AgentBrief
from api.applications.models import ApplicationStatus
from api.kit.schemas import StrictInput
from api.registrations.schemas import CustomerBrief
from api.users.schemas import UserBrief


class ExtensionCreate(StrictInput):
    reason: str = Field(min_length=5, max_length=1000, description="Why the agent needs more time")
    requested_until: datetime | None = Field(
        default=None, description="The end date the agent hopes for"
    )


class ExtensionApproval(StrictInput):
    protection_until: datetime = Field(description="The new end of protection (later than today's)")
    reason: str = Field(default="", max_length=1000)


class FollowupEvidence(BaseModel):
    """What the vendor weighs (SPEC §7: frequency and content of reports are the evidence)."""

    reports_last_90_days: int
    last_report_at: date | None
    followup_overdue: bool


class ExtensionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    status: ApplicationStatus
    customer: CustomerBrief
    agent: AgentBrief
    applicant: UserBrief
    reason: str
    requested_until: datetime | None
    protection_until_at_request: datetime
    decided_by: UserBrief | None
    decided_at: datetime | None
    decided_until: datetime | None
    decision_reason: str
    created_at: datetime
    evidence: FollowupEvidence | None = None
