from datetime import datetime

from pydantic import BaseModel, Field

from api.kit.schemas import StrictInput


class LoginIn(StrictInput):
    username: str = Field(min_length=1, max_length=254, description="Login name or email")
    password: str = Field(min_length=1, max_length=1024)


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires")
    must_change_password: bool


class ChangePasswordIn(StrictInput):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024)


class SetPasswordIn(StrictInput):
    token: str = Field(min_length=10, max_length=200)
    new_password: str = Field(min_length=1, max_length=1024)


class SetPasswordLinkInfo(BaseModel):
    username: str
    display_name: str
    expires_at: datetime


class Credentials(BaseModel):
    """Shown once to whoever created or reset the account; never stored in clear."""

    temporary_password: str = Field(description="One-time password; must be changed at first login")
    set_password_url: str = Field(description="One-time link to choose a password instead")
    expires_at: datetime = Field(description="When the set-password link expires")


class PasswordRules(BaseModel):
    """What the server checks, so forms can say it before the user submits."""

    min_length: int
    max_length: int
