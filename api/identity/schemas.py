from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from api.customers.models import CustomerStatus
from api.identity.models import AliasKind, LinkKind
from api.kit.ids import RowId
from api.kit.schemas import StrictInput


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


class AliasIn(StrictInput):
    kind: AliasKind = Field(description="english: 英文名, short: 简称, former: 曾用名")
    name: str = Field(min_length=2, max_length=200)


class AliasPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: AliasKind
    name: str
    created_at: datetime


class RenameIn(StrictInput):
    name: str = Field(min_length=2, max_length=200, description="The corrected 官方全称")
    reason: str = Field(min_length=2, max_length=1000)


class GroupLinkIn(StrictInput):
    parent_id: RowId = Field(description="The customer it belongs to")
    kind: LinkKind = Field(description="branch: 分公司, subsidiary: 子公司")


class GroupMember(BaseModel):
    id: int
    name: str
    kind: LinkKind


class CustomerGroupPublic(BaseModel):
    """The vendor's group structure around a customer (shown to the vendor)."""

    parent: GroupMember | None = Field(description="What this customer is of whom")
    children: list[GroupMember]


class BlockedOut(BaseModel):
    """409: the company (or the name) is already held; who holds it is not told."""

    detail: str
    code: str
    candidates: list[ConflictCandidate]
