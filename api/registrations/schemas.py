from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from api.agents.schemas import AgentBrief
from api.applications.models import ApplicationStatus
from api.customers.models import CustomerStatus
from api.customers.schemas import CustomerDetails
from api.kit.schemas import StrictInput
from api.registrations.models import RegistrationKind
from api.users.schemas import UserBrief


class ConflictCandidate(BaseModel):
    """A possibly-same company. An agent is told neither who holds it nor, unless the names are
    the same company's, another agent's customer's name (SPEC §3, §12)."""

    name: str
    score: float = Field(ge=0, le=1)
    reason: str
    status: CustomerStatus
    status_text: str = Field(description='e.g. "已报备，保护至 2027-03" / "资源池客户"')
    pool_customer_id: int | None = Field(
        default=None, description="Set when it can be applied for from the pool"
    )
    customer_id: int | None = Field(default=None, description="The vendor only")
    holder_agent_id: int | None = Field(
        default=None, description="The agent holding it (the vendor only)"
    )


class CheckResult(BaseModel):
    blocked: bool
    candidates: list[ConflictCandidate]
    warnings: list[str] = Field(default_factory=list, description="Name warnings (not blocking)")


class RegistrationCreate(CustomerDetails):
    name: str = Field(min_length=2, max_length=200, description="官方全称")
    province: str = Field(min_length=2, max_length=20)
    city: str = Field(min_length=2, max_length=30)
    product_domain_id: int
    annual_mcu_usage_wan: Decimal = Field(
        ge=0, le=10_000_000, decimal_places=2, description="总出货量（万）"
    )
    contact_user_id: int | None = Field(
        default=None, description="Master account only; sales are the contact"
    )
    note: str = Field(default="", max_length=1000)


class PoolApplication(StrictInput):
    note: str = Field(default="", max_length=1000)
    contact_user_id: int | None = None


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


class BlockedOut(BaseModel):
    """409 from POST /registrations: the company is already held; who holds it is not told."""

    detail: str
    code: str
    candidates: list[ConflictCandidate]


class ProbingUser(BaseModel):
    user: UserBrief
    agent: AgentBrief | None
    names_checked: int
    applications: int
    flagged: bool
