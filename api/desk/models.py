from datetime import datetime

from sqlmodel import Field, SQLModel

from api.kit.clock import now
from api.kit.tables import UTCDateTime


class DeskSeen(SQLModel, table=True):
    """When a person last looked at their desk (工作台): what came in after it is new to them."""

    __tablename__ = "desk_seen"

    user_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    seen_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
