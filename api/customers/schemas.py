from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from api.agents.schemas import AgentBrief
from api.catalog.schemas import ProductDomainBrief
from api.customers.models import CustomerStatus, ProtectionMode
from api.customers.todo import TodoKind
from api.identity.schemas import AliasPublic, CustomerGroupPublic
from api.kit.ids import RowId
from api.kit.schemas import StrictInput
from api.projects.stages import ProjectStage
from api.users.schemas import UserBrief

PartNumber = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]


def _unique(parts: list[str]) -> list[str]:
    return list(dict.fromkeys(parts))


McuList = Annotated[list[PartNumber], AfterValidator(_unique), Field(max_length=30)]


class CustomerDetails(StrictInput):
    """What an agent may fill in at registration or complete after approval (SPEC §5)."""

    credit_code: str | None = Field(default=None, max_length=30, description="统一社会信用代码")
    mcus_in_use: McuList = Field(default_factory=list, description="在用MCU型号（任何品牌）")
    purchaser: str = Field(default="", max_length=200, description="采购方")
    factory: str = Field(default="", max_length=200, description="加工厂")
    founded_on: date | None = Field(default=None, description="成立时间")
    registered_capital: str = Field(default="", max_length=50, description="注册资本")
    major_events: str = Field(default="", max_length=2000, description="重大事项")
    industry_position: str = Field(default="", max_length=2000, description="行业地位")


class CustomerUpdate(StrictInput):
    """Correct or complete a customer's details; only the fields sent change."""

    credit_code: str | None = Field(default=None, max_length=30)
    province: str | None = Field(default=None, max_length=20)
    city: str | None = Field(default=None, max_length=30)
    product_domain_id: RowId | None = None
    annual_mcu_usage_wan: Decimal | None = Field(
        default=None, ge=0, le=10_000_000, decimal_places=2
    )
    mcus_in_use: McuList | None = None
    purchaser: str | None = Field(default=None, max_length=200)
    factory: str | None = Field(default=None, max_length=200)
    founded_on: date | None = None
    registered_capital: str | None = Field(default=None, max_length=50)
    major_events: str | None = Field(default=None, max_length=2000)
    industry_position: str | None = Field(default=None, max_length=2000)


class ContactAssignment(StrictInput):
    contact_user_id: RowId = Field(description="A salesperson of the customer's agent")


class FaeAssignment(StrictInput):
    fae_user_ids: list[RowId] = Field(max_length=20, description="FAEs of the customer's agent")


class ReasonIn(StrictInput):
    reason: str = Field(min_length=2, max_length=1000)


class CustomerPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    credit_code: str | None
    province: str
    city: str
    product_domain: ProductDomainBrief
    annual_mcu_usage_wan: float
    mcus_in_use: list[str]
    purchaser: str
    factory: str
    founded_on: date | None
    registered_capital: str
    major_events: str
    industry_position: str
    status: CustomerStatus
    agent: AgentBrief | None
    contact: UserBrief | None
    faes: list[UserBrief]
    project_stage: ProjectStage | None
    protection_mode: ProtectionMode
    protection_until: datetime | None
    next_review_at: datetime | None
    days_left: int | None = Field(description="Days of protection left (period mode)")
    near_expiry: bool = Field(description="Protection ends within the warning window: shown red")
    approved_at: datetime | None
    last_report_at: date | None = Field(description="Date of the latest follow-up report")
    followup_overdue: bool = Field(description="No report within the follow-up interval (15 days)")
    unread_comments: int = Field(description="Comments on its reports the caller has not read")
    open_extension: bool = Field(description="An extension application awaits the vendor")
    created_at: datetime
    updated_at: datetime
    aliases: list[AliasPublic] = Field(
        default_factory=list, description="Other names (detail only): 英文名, 简称, 曾用名"
    )
    group: CustomerGroupPublic | None = Field(
        default=None, description="Branches and subsidiaries (detail, vendor only)"
    )


class ReviewIn(StrictInput):
    keep: bool = Field(
        description="true: protected until the next review; false: released to the pool"
    )
    reason: str = Field(min_length=2, max_length=1000)


class ReassignIn(StrictInput):
    """Customers to hand over (the ones listed, or all of one person's) and who takes them."""

    customer_ids: list[RowId] | None = Field(
        default=None, min_length=1, max_length=1000, description="The customers to hand over"
    )
    from_user_id: RowId | None = Field(
        default=None,
        description="Instead of customer_ids: every pending and protected customer of this "
        "person (a salesperson leaving)",
    )
    to_user_ids: list[RowId] = Field(
        min_length=1,
        max_length=50,
        description="Active salespeople of the agent; the customers are dealt to them in turn, "
        "in customer id order (round robin)",
    )

    @model_validator(mode="after")
    def _one_source(self) -> "ReassignIn":
        if (self.customer_ids is None) == (self.from_user_id is None):
            raise ValueError(
                "give either customer_ids or from_user_id"
                " / 请选择客户，或选择要转出的人员（二选一）"
            )
        return self


class ReassignedTo(BaseModel):
    user: UserBrief
    customer_ids: list[int]


class ReassignOut(BaseModel):
    count: int = Field(description="Customers handed over")
    targets: list[ReassignedTo]


class TodoCount(BaseModel):
    kind: TodoKind
    count: int


class TodoStrip(BaseModel):
    """The caller's to-do strip: each kind filters the home list (GET /customers?todo=kind)."""

    recent_days: int = Field(description="How far back answers and decisions count as news")
    counts: list[TodoCount]
