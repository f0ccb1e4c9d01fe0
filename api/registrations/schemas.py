from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from api.agents.schemas import AgentBrief
from api.applications.models import ApplicationStatus
from api.customers.models import CustomerStatus
from api.customers.schemas import CustomerDetails
from api.identity.schemas import AliasIn, ConflictCandidate
from api.kit.ids import RowId
from api.kit.schemas import StrictInput
from api.registrations.models import RegistrationKind
from api.users.schemas import UserBrief


class CheckResult(BaseModel):
    blocked: bool
    candidates: list[ConflictCandidate]
    warnings: list[str] = Field(default_factory=list, description="Name warnings (not blocking)")


class RegistrationCreate(CustomerDetails):
    name: str = Field(min_length=2, max_length=200, description="官方全称")
    province: str = Field(min_length=2, max_length=20)
    city: str = Field(min_length=2, max_length=30)
    product_domain_id: RowId
    annual_mcu_usage_wan: Decimal = Field(
        ge=0, le=10_000_000, decimal_places=2, description="总出货量（万）"
    )
    contact_user_id: RowId | None = Field(
        default=None, description="Master account only; sales are the contact"
    )
    note: str = Field(default="", max_length=1000)
    aliases: list[AliasIn] = Field(
        default_factory=list,
        max_length=10,
        description="英文名, 简称, 曾用名: checked like the name",
    )


class PoolApplication(StrictInput):
    note: str = Field(default="", max_length=1000)
    contact_user_id: RowId | None = None


class CustomerBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    province: str
    city: str
    status: CustomerStatus
    protection_until: datetime | None
    last_report_at: date | None


class RegistrationPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: RegistrationKind
    status: ApplicationStatus
    customer: CustomerBrief
    agent: AgentBrief
    applicant: UserBrief
    note: str
    conflicts: list[ConflictCandidate] = Field(description="Candidates found at application time")
    decided_by: UserBrief | None
    decided_at: datetime | None
    decision_reason: str
    created_at: datetime
    warnings: list[str] = Field(default_factory=list)


class ProbingUser(BaseModel):
    user: UserBrief
    agent: AgentBrief | None
    names_checked: int
    applications: int
    flagged: bool
