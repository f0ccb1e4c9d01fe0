from datetime import datetime

from sqlmodel import Field, SQLModel

from api.kit.clock import now
from api.kit.tables import UTCDateTime


class Agent(SQLModel, table=True):
    """A distribution agent company (代理商)."""

    __tablename__ = "agent"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    contact_name: str = Field(default="", max_length=50)
    contact_phone: str = Field(default="", max_length=30)
    contact_email: str = Field(default="", max_length=254)
    address: str = Field(default="", max_length=200)
    is_active: bool = True
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
