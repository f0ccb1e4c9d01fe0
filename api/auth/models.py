from datetime import datetime

from sqlmodel import Field, SQLModel

from api.kit.clock import now
from api.kit.tables import UTCDateTime


class RefreshToken(SQLModel, table=True):
    """A refresh token (only its hash). Rotated on every use; a reused one revokes its family."""

    __tablename__ = "refresh_token"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    family: str = Field(max_length=32, index=True)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)


class SetPasswordLink(SQLModel, table=True):
    """A one-time set-password link (only its hash); replaces the legacy shared password."""

    __tablename__ = "set_password_link"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)


class LoginThrottle(SQLModel, table=True):
    """Failed sign-ins counted against one subject: an account (`account:<id>`, whichever of its
    identifiers was typed) or a client address (`address:<ip>`). Unknown login names count only
    against the address, so guessing names adds no rows."""

    __tablename__ = "login_throttle"

    subject: str = Field(primary_key=True, max_length=80)
    failures: int = 0
    blocked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_failure_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
