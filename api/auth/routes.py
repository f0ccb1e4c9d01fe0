from typing import Annotated

from fastapi import Cookie, Depends, Query, Request, Response, status

from api.auth import service
from api.auth.schemas import (
    ChangePasswordIn,
    LoginIn,
    PasswordRules,
    SetPasswordIn,
    SetPasswordLinkInfo,
    TokenOut,
)
from api.auth.tokens import IssuedSession
from api.authz.principal import PendingPrincipal
from api.authz.routers import pending_router, public_router
from api.config import get_settings
from api.db import Session
from api.kit.errors import error_responses
from api.kit.routing import API_PREFIX
from api.security import PASSWORD_MAX_LENGTH

REFRESH_COOKIE = "channeldesk_refresh"
REFRESH_COOKIE_PATH = f"{API_PREFIX}/auth"

router = public_router("auth")
password_router = pending_router("auth")

RefreshCookie = Annotated[str | None, Cookie(alias=REFRESH_COOKIE, include_in_schema=False)]


def _client_address(request: Request) -> str:
    """The address failed sign-ins count against (behind a proxy: run uvicorn with
    --proxy-headers and --forwarded-allow-ips so this is the caller, not the proxy)."""
    return request.client.host if request.client else "unknown"


ClientAddress = Annotated[str, Depends(_client_address)]


def _answer(response: Response, issued: IssuedSession) -> TokenOut:
    """Access token in the body (kept in memory by the SPA), refresh token in an HttpOnly cookie."""
    settings = get_settings()
    response.set_cookie(
        REFRESH_COOKIE,
        issued.refresh_token,
        max_age=settings.refresh_token_days * 86400,
        path=REFRESH_COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.public_base_url.startswith("https"),
    )
    return TokenOut(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        must_change_password=issued.must_change_password,
    )


@router.post(
    "/auth/login",
    responses=error_responses(401, 403, 429),
)
async def login(
    body: LoginIn, response: Response, session: Session, address: ClientAddress
) -> TokenOut:
    """Sign in with login name (or email) and password."""
    issued = await service.login(session, body.username, body.password, address)
    return _answer(response, issued)


@router.post("/auth/refresh", responses=error_responses(401))
async def refresh(response: Response, session: Session, token: RefreshCookie = None) -> TokenOut:
    """Get a new access token with the refresh cookie (rotates the cookie)."""
    return _answer(response, await service.refresh(session, token))


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(response: Response, session: Session, token: RefreshCookie = None) -> None:
    """Sign out: end the refresh session and clear its cookie."""
    await service.logout(session, token)
    response.delete_cookie(REFRESH_COOKIE, path=REFRESH_COOKIE_PATH)


@router.get("/auth/password-rules")
async def password_rules() -> PasswordRules:
    """The password rules: length bounds (common and guessable passwords are refused too)."""
    return PasswordRules(
        min_length=get_settings().password_min_length, max_length=PASSWORD_MAX_LENGTH
    )


@router.get("/auth/set-password", responses=error_responses(400))
async def set_password_link(
    session: Session, token: Annotated[str, Query(min_length=10, max_length=200)]
) -> SetPasswordLinkInfo:
    """Tell whose account a one-time set-password link opens, if it is still valid."""
    return await service.link_info(session, token)


@router.post("/auth/set-password", responses=error_responses(400, 422))
async def set_password(body: SetPasswordIn, response: Response, session: Session) -> TokenOut:
    """Choose a password with a one-time link and sign in."""
    issued = await service.set_password_with_link(session, body.token, body.new_password)
    return _answer(response, issued)


@password_router.post("/auth/change-password", responses=error_responses(400, 422, 429))
async def change_password(
    body: ChangePasswordIn,
    response: Response,
    session: Session,
    principal: PendingPrincipal,
    address: ClientAddress,
) -> TokenOut:
    """Change the caller's own password (required after a one-time password)."""
    issued = await service.change_password(
        session, principal, body.current_password, body.new_password, address
    )
    return _answer(response, issued)
