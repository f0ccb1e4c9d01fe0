from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


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
    actor_name: str = Field(default="", description="The person's name ('' for the system)")
    object_name: str = Field(
        default="", description="The object's name (a report or application: its customer's)"
    )
    names: dict[str, str] = Field(
        default_factory=dict,
        description='"field=id" of an id in before/after -> the name of what it refers to',
    )


class AuditFacets(BaseModel):
    """The values the trail holds, for the filters (read from the rows, so never stale)."""

    object_types: list[str]
    actions: list[str]
