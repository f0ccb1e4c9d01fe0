from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from api.kit.schemas import StrictInput
from api.tokens.scopes import TokenScope


class ApiTokenCreate(StrictInput):
    name: str = Field(min_length=2, max_length=100, description="Who uses it, e.g. 'ERP planning'")
    scopes: list[TokenScope] = Field(min_length=1, max_length=len(TokenScope))
    expires_in_days: int | None = Field(
        default=None, ge=1, le=3650, description="None: until revoked"
    )


class ApiTokenPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None


class ApiTokenCreated(ApiTokenPublic):
    token: str = Field(
        description="Shown only in this answer: store it in the integrator's secrets"
    )
