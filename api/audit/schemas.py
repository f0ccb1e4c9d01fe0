from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


class AuditEntry(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    actor_id: int | None
    actor_username: str
    action: str
    object_type: str
    object_id: str
    agent_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    request_id: str
    reason: str


class AuditFacets(BaseModel):
    """The values the trail holds, for the filters (read from the rows, so never stale)."""

    object_types: list[str]
    actions: list[str]
