"""The three kinds of router. Every route hangs from one of them, so none is unprotected by
accident: a public route is one you put on the public router on purpose."""

from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Depends

from api.authz.principal import Principal, active_principal, authenticated_principal
from api.kit.errors import error_responses

# What any route may answer besides its own errors: a body it cannot read or that is too large,
# refused input, the database out of reach; signed-in routes also a missing or dead token and a
# role that may not.
ANY_ROUTE = error_responses(400, 413, 422, 503)
SIGNED_IN = error_responses(400, 401, 403, 413, 422, 503)


def public_router(tag: str) -> APIRouter:
    """No sign-in: login, refresh, set-password, health."""
    return APIRouter(tags=[tag], responses=ANY_ROUTE)


def pending_router(tag: str) -> APIRouter:
    """Signed in, even before the one-time password is changed: /me, change-password."""
    return APIRouter(
        tags=[tag], dependencies=[Depends(authenticated_principal)], responses=SIGNED_IN
    )


def protected_router(tag: str) -> APIRouter:
    """Signed in with an own password: every business endpoint."""
    return APIRouter(tags=[tag], dependencies=[Depends(active_principal)], responses=SIGNED_IN)


def integration_router(tag: str, principal: Callable[..., Awaitable[Principal]]) -> APIRouter:
    """Readable by people and by API tokens with the scope of `principal` (scoped_principal)."""
    return APIRouter(tags=[tag], dependencies=[Depends(principal)], responses=SIGNED_IN)
