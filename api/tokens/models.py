from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.kit.clock import now
from api.kit.tables import UTCDateTime


class ApiToken(SQLModel, table=True):
    """An integrator's bearer token (only its hash), limited to scopes such as forecast:read."""

    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    token_hash: str = Field(max_length=64, unique=True)
    prefix: str = Field(max_length=12)  # shown in lists, so people can tell tokens apart
    scopes: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    created_by_id: int = Field(foreign_key="user_account.id")
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
    expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
