from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from api.agents.models import Agent
from api.kit.clock import now
from api.kit.tables import UTCDateTime, enum_column
from api.users.models import User


class Importance(StrEnum):
    NORMAL = "normal"
    IMPORTANT = "important"
    CRITICAL = "critical"


# Most important first: the order the unread ones pop up in after login.
IMPORTANCE_RANK = {Importance.CRITICAL: 0, Importance.IMPORTANT: 1, Importance.NORMAL: 2}


class Audience(StrEnum):
    ALL = "all"  # everybody
    AGENTS = "agents"  # every agent's people
    AGENT = "agent"  # one agent's people
    VENDOR = "vendor"  # the vendor's staff


class Announcement(SQLModel, table=True):
    """公告: the vendor's notice to an audience, shown from its publish time until it expires or
    is withdrawn."""

    __tablename__ = "announcement"
    __table_args__ = (
        sa.CheckConstraint(
            "(audience = 'agent' AND agent_id IS NOT NULL) "
            "OR (audience <> 'agent' AND agent_id IS NULL)",
            name="agent_matches_audience",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    body: str = Field(max_length=20000)  # Markdown
    importance: Importance = Field(sa_column=enum_column(Importance, "announcement_importance"))
    audience: Audience = Field(sa_column=enum_column(Audience, "announcement_audience"))
    agent_id: int | None = Field(default=None, foreign_key="agent.id", index=True)
    publish_at: datetime = Field(sa_type=UTCDateTime, index=True)
    expire_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    withdrawal_reason: str = Field(default="", max_length=500)
    created_by_id: int = Field(foreign_key="user_account.id")
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)

    agent: Agent | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    created_by: User = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class AnnouncementReceipt(SQLModel, table=True):
    """已阅读: a person acknowledged an announcement (one per person and announcement)."""

    __tablename__ = "announcement_receipt"

    announcement_id: int = Field(
        foreign_key="announcement.id", primary_key=True, ondelete="CASCADE"
    )
    user_id: int = Field(foreign_key="user_account.id", primary_key=True, index=True)
    read_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
