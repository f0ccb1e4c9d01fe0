"""Who is calling: the one dependency that turns a bearer token into a Principal."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.agents.models import Agent
from api.authz.roles import Role
from api.db import Session
from api.kit.errors import Forbidden, Unauthorized
from api.security import decode_access_token
from api.users.models import User

_bearer = HTTPBearer(auto_error=False, description="Access token from POST /api/v1/auth/login")


@dataclass(frozen=True)
class Principal:
    user_id: int
    username: str
    display_name: str
    role: Role
    agent_id: int | None
    must_change_password: bool

    @property
    def is_vendor(self) -> bool:
        return self.role is Role.VENDOR


async def authenticated_principal(
    request: Request,
    session: Session,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """Any signed-in active user, including one who still has to change the one-time password."""
    if credentials is None:
        raise Unauthorized()
    claims = decode_access_token(credentials.credentials)
    if claims is None:
        raise Unauthorized("token_invalid")
    user = await session.get(User, int(claims["sub"]))
    if user is None or user.token_version != claims.get("ver"):
        raise Unauthorized("token_invalid")
    if not user.is_active:
        raise Unauthorized("account_disabled")
    if user.agent_id is not None:
        agent = await session.get(Agent, user.agent_id)
        if agent is None or not agent.is_active:
            raise Unauthorized("account_disabled")
    assert user.id is not None
    principal = Principal(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        agent_id=user.agent_id,
        must_change_password=user.must_change_password,
    )
    request.state.principal = principal
    return principal


async def active_principal(
    principal: Annotated[Principal, Depends(authenticated_principal)],
) -> Principal:
    """A signed-in user with a password of their own: required by every business endpoint."""
    if principal.must_change_password:
        raise Forbidden("password_change_required")
    return principal


# What routes ask for. The routers add the same dependency, so a route cannot skip it.
CurrentPrincipal = Annotated[Principal, Depends(active_principal)]
PendingPrincipal = Annotated[Principal, Depends(authenticated_principal)]
