from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from api.kit.schemas import StrictInput

Phone = Field(default="", max_length=30, pattern=r"^[0-9+\-() ]*$")


class AgentBrief(BaseModel):
    """An agent as shown inside other objects."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str


class AgentFields(StrictInput):
    contact_name: str = Field(default="", max_length=50)
    contact_phone: str = Phone
    contact_email: EmailStr | None = None
    address: str = Field(default="", max_length=200)


class MasterAccountIn(StrictInput):
    """The agent's master account (公司主账户), created together with the agent."""

    username: str = Field(min_length=3, max_length=50, pattern=r"^[A-Za-z0-9._-]+$")
    display_name: str = Field(min_length=1, max_length=50)
    email: EmailStr
    phone: str = Phone


class AgentCreate(AgentFields):
    name: str = Field(min_length=2, max_length=100)
    admin: MasterAccountIn


class AgentUpdate(StrictInput):
    name: str | None = Field(default=None, min_length=2, max_length=100)
    contact_name: str | None = Field(default=None, max_length=50)
    contact_phone: str | None = Field(default=None, max_length=30, pattern=r"^[0-9+\-() ]*$")
    contact_email: EmailStr | None = None
    address: str | None = Field(default=None, max_length=200)


class AgentPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    contact_name: str
    contact_phone: str
    contact_email: str
    address: str
    is_active: bool
    created_at: datetime
