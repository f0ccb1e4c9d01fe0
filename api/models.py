"""Every table model, imported so the metadata is complete (Alembic, tests)."""

from sqlmodel import SQLModel

from api.agents.models import Agent
from api.audit.models import AuditLog
from api.auth.models import LoginThrottle, RefreshToken, SetPasswordLink
from api.users.models import User

metadata = SQLModel.metadata

__all__ = [
    "Agent",
    "AuditLog",
    "LoginThrottle",
    "RefreshToken",
    "SetPasswordLink",
    "User",
    "metadata",
]
