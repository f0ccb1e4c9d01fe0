from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from api.agents.schemas import AgentBrief
from api.auth.schemas import Credentials
from api.authz.roles import Role
from api.kit.ids import RowId
from api.kit.schemas import StrictInput

USERNAME_PATTERN = r"^[A-Za-z0-9._-]+$"
PHONE_PATTERN = r"^[0-9+\-() ]*$"


class UserCreate(StrictInput):
    username: str = Field(min_length=3, max_length=50, pattern=USERNAME_PATTERN)
    display_name: str = Field(min_length=1, max_length=50)
    email: EmailStr
    phone: str = Field(default="", max_length=30, pattern=PHONE_PATTERN)
    role: Role
    agent_id: RowId | None = Field(
        default=None, description="Required when the vendor creates an agent master account"
    )


class UserUpdate(StrictInput):
    display_name: str | None = Field(default=None, min_length=1, max_length=50)
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=30, pattern=PHONE_PATTERN)
    role: Role | None = None


EmailKind = Literal[
    "registration_decided",
    "extension_decided",
    "new_comment",
    "protection_ending",
    "followup_overdue",
    "registration_submitted",
    "extension_submitted",
    "customer_released",
    "customer_taken",
    "review_due",
    "question_reply",
    "question_unanswered",
]


class ProfileUpdate(StrictInput):
    """What everyone may change about themselves (the manual's 修改信息)."""

    language: Literal["zh", "en"] | None = Field(default=None, description="Language of emails")
    email_opt_out: list[EmailKind] | None = Field(default=None, description="Emails not wanted")
    display_name: str | None = Field(default=None, min_length=1, max_length=50)
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=30, pattern=PHONE_PATTERN)


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    display_name: str
    email: str
    phone: str
    role: Role
    agent: AgentBrief | None
    is_active: bool
    must_change_password: bool
    created_at: datetime
    last_login_at: datetime | None
    language: str
    email_opt_out: list[str]


class UserCreated(BaseModel):
    user: UserPublic
    credentials: Credentials


class UserBrief(BaseModel):
    """A person as shown inside other objects."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    display_name: str
