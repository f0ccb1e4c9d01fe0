from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.kit.clock import now
from api.kit.tables import UTCDateTime


class AuditLog(SQLModel, table=True):
    """Who changed what and when, with the object before and after (SPEC §11)."""

    __tablename__ = "audit_log"
    __table_args__ = (sa.Index("ix_audit_log_object", "object_type", "object_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=now, sa_type=UTCDateTime, index=True)
    actor_id: int | None = Field(default=None, foreign_key="user_account.id", index=True)
    actor_username: str = Field(default="", max_length=50)
    action: str = Field(max_length=50, index=True)
    object_type: str = Field(max_length=30)
    object_id: str = Field(default="", max_length=40)
    agent_id: int | None = Field(default=None, index=True)
    before: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    request_id: str = Field(default="", max_length=40)
    reason: str = Field(default="", max_length=1000)  # why, where the rule asks for one
