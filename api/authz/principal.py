"""Who is calling: the one place that turns a bearer credential into a Principal.

A person signs in and gets a JWT; an integrator uses an API token with scopes. Business routes
take persons only; a route that serves integrators declares the scope it needs."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.authz.repository import account_with_agent
from api.authz.roles import Role
from api.db import Session
from api.kit.errors import Forbidden, Unauthorized
from api.security import decode_access_token
from api.tokens.bearer import usable_token
from api.tokens.scopes import TOKEN_PREFIX

_bearer = HTTPBearer(
    auto_error=False, description="Access token from POST /api/v1/auth/login, or an API token"
)


@dataclass(frozen=True)
class Principal:
    user_id: int
    username: str
    display_name: str
    role: Role
    agent_id: int | None
    must_change_password: bool
    scopes: frozenset[str] | None = None  # set for API tokens: the only things they may read

    @property
    def is_vendor(self) -> bool:
        return self.role is Role.VENDOR

    @property
    def is_token(self) -> bool:
        return self.scopes is not None


# Scheduled jobs read as the vendor does (everything); they never act for a person.
SYSTEM = Principal(
    user_id=0,
    username="system",
    display_name="system",
    role=Role.VENDOR,
    agent_id=None,
    must_change_password=False,
)


async def _person(session: Session, token: str) -> Principal:
    claims = decode_access_token(token)
    if claims is None:
        raise Unauthorized("token_invalid")
    user = await account_with_agent(session, int(claims["sub"]))
    if user is None or user.token_version != claims.get("ver"):
        raise Unauthorized("token_invalid")
    if not user.is_active:
        raise Unauthorized("account_disabled")
    if user.agent_id is not None and (user.agent is None or not user.agent.is_active):
        raise Unauthorized("account_disabled")
    assert user.id is not None
    return Principal(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        agent_id=user.agent_id,
        must_change_password=user.must_change_password,
    )


async def _integrator(session: Session, token: str) -> Principal:
    """An API token reads with the vendor's view, limited to its scopes."""
    stored = await usable_token(session, token)
    if stored is None:
        raise Unauthorized("token_invalid")
    return Principal(
        user_id=stored.created_by_id,
        username=f"token:{stored.prefix}",
        display_name=stored.name,
        role=Role.VENDOR,
        agent_id=None,
        must_change_password=False,
        scopes=frozenset(stored.scopes),
    )


async def _resolve(
    request: Request,
    session: Session,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise Unauthorized()
    token = credentials.credentials
    resolve = _integrator if token.startswith(TOKEN_PREFIX) else _person
    principal = await resolve(session, token)
    request.state.principal = principal
    return principal


async def authenticated_principal(principal: Annotated[Principal, Depends(_resolve)]) -> Principal:
    """A signed-in person, including one who still has to change the one-time password."""
    if principal.is_token:
        raise Forbidden("token_scope")
    return principal


async def active_principal(
    principal: Annotated[Principal, Depends(authenticated_principal)],
) -> Principal:
    """A signed-in person with a password of their own: required by every business endpoint."""
    if principal.must_change_password:
        raise Forbidden("password_change_required")
    return principal


def scoped_principal(scope: str) -> Callable[..., Awaitable[Principal]]:
    """A person with an own password, or an API token that carries `scope`."""

    async def dependency(principal: Annotated[Principal, Depends(_resolve)]) -> Principal:
        if principal.is_token:
            if principal.scopes is None or scope not in principal.scopes:
                raise Forbidden("token_scope")
            return principal
        if principal.must_change_password:
            raise Forbidden("password_change_required")
        return principal

    dependency.token_scope = scope  # type: ignore[attr-defined]  # for the route-guard test
    return dependency


# What routes ask for. The routers add the same dependency, so a route cannot skip it.
CurrentPrincipal = Annotated[Principal, Depends(active_principal)]
PendingPrincipal = Annotated[Principal, Depends(authenticated_principal)]
