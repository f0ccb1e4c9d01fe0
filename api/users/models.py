from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from api.agents.models import Agent
from api.authz.roles import Role
from api.kit.clock import now
from api.kit.tables import UTCDateTime, enum_column


class User(SQLModel, table=True):
    """A person who signs in: vendor staff or an agent's staff."""

    # "user" is a reserved word in PostgreSQL.
    __tablename__ = "user_account"
    __table_args__ = (
        sa.CheckConstraint(
            "(role = 'vendor' AND agent_id IS NULL) OR (role <> 'vendor' AND agent_id IS NOT NULL)",
            name="role_matches_agent",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=50, unique=True)  # stored lower-case
    display_name: str = Field(max_length=50)
    email: str = Field(max_length=254, unique=True)  # stored lower-case
    phone: str = Field(default="", max_length=30)
    role: Role = Field(sa_column=enum_column(Role, "role"))
    agent_id: int | None = Field(default=None, foreign_key="agent.id", index=True)
    is_active: bool = True
    must_change_password: bool = True
    # A one-time password given by an administrator works until then, like its set-password link.
    temporary_password_expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    password_hash: str = Field(max_length=255)
    # Bumped on sign-out, password change or reset, and deactivation: every access token issued
    # before is void (checked on every request, api/authz/principal.py).
    token_version: int = 0
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
    last_login_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    language: str = Field(default="zh", max_length=5)  # of the emails the user gets: zh or en
    email_opt_out: list[str] = Field(default_factory=list, sa_type=sa.JSON)  # kinds not wanted

    agent: Agent | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
