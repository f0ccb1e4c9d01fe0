from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from api.agents.schemas import AgentBrief
from api.announcements.models import Audience, Importance
from api.authz.roles import Role
from api.kit.ids import RowId
from api.kit.schemas import StrictInput
from api.users.schemas import UserBrief


class AnnouncementState(StrEnum):
    SCHEDULED = "scheduled"  # publish time still ahead
    ACTIVE = "active"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class AnnouncementIn(StrictInput):
    """An announcement as the vendor writes it (create and edit)."""

    title: str = Field(min_length=1, max_length=200)
    body: str = Field(
        min_length=1, max_length=20000, description="Markdown; raw HTML is not rendered"
    )
    importance: Importance = Importance.NORMAL
    audience: Audience = Audience.ALL
    agent_id: RowId | None = Field(default=None, description="The one agent, for audience 'agent'")
    publish_at: datetime | None = Field(
        default=None, description="When it starts to show; now when empty"
    )
    expire_at: datetime | None = Field(
        default=None, description="When it stops showing; never when empty"
    )


class AnnouncementUpdate(AnnouncementIn):
    ask_again: bool = Field(
        default=False,
        description="Ask everyone to read it again: the receipts given so far are removed",
    )


class WithdrawalIn(StrictInput):
    reason: str = Field(default="", max_length=500)


class AnnouncementPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    body: str
    importance: Importance
    audience: Audience
    agent: AgentBrief | None
    publish_at: datetime
    expire_at: datetime | None
    withdrawn_at: datetime | None
    withdrawal_reason: str
    created_by: UserBrief
    created_at: datetime
    updated_at: datetime
    state: AnnouncementState = AnnouncementState.ACTIVE
    read_at: datetime | None = Field(default=None, description="When the caller acknowledged it")
    addressed_to_me: bool = Field(
        default=True, description="The caller is in its audience (the vendor lists every one)"
    )


class ReceiptPublic(BaseModel):
    announcement_id: int
    read_at: datetime


class ReaderRow(BaseModel):
    """One person of the audience and whether they have read the announcement."""

    user_id: int
    username: str
    display_name: str
    role: Role
    agent: AgentBrief | None
    is_active: bool
    read_at: datetime | None


class AnnouncementReceipts(BaseModel):
    announcement_id: int
    title: str
    audience_total: int
    read_total: int
    readers: list[ReaderRow]
