"""Sign in, refresh, sign out, change and set passwords."""

from typing import NoReturn

from api.agents.models import Agent
from api.audit.service import record
from api.auth import repository, throttle
from api.auth.credentials import set_own_password, usable_link
from api.auth.password_policy import check_new_password
from api.auth.schemas import SetPasswordLinkInfo
from api.auth.tokens import IssuedSession, find_refresh_token, is_replayed, start_session
from api.authz.principal import Principal
from api.db import AsyncSession
from api.kit.clock import now
from api.kit.errors import AppError, Unauthorized
from api.security import burn_password_check, verify_password
from api.users.models import User
from api.users.service import end_access_tokens, find_by_login_name


async def _refuse_after_commit(session: AsyncSession, error: AppError) -> NoReturn:
    """Keep what was written (a revoked family) although the request fails."""
    await session.commit()
    raise error


async def login(
    session: AsyncSession, login_name: str, password: str, address: str
) -> IssuedSession:
    """Check the password of a login name or email. Raises 401 invalid_credentials (same for an
    unknown name and a wrong password), 429 login_throttled after repeated failures of the
    account or the client `address` (see `throttle`), and 403 account_disabled for a correct
    password of a deactivated account or agent, or temporary_password_expired for a one-time
    password older than its set-password link."""
    user = await find_by_login_name(session, login_name.strip().lower())
    counted = throttle.subjects(address, user.id if user else None)
    await throttle.attempt(session, counted)
    if user is None:
        await burn_password_check()
        raise Unauthorized("invalid_credentials")
    if not await verify_password(password, user.password_hash):
        raise Unauthorized("invalid_credentials")
    await throttle.succeeded(session, counted)
    agent = await session.get(Agent, user.agent_id) if user.agent_id else None
    if not user.is_active or (agent is not None and not agent.is_active):
        raise AppError("account_disabled", 403)
    expiry = user.temporary_password_expires_at
    if user.must_change_password and expiry is not None and expiry <= now():
        raise AppError("temporary_password_expired", 403)
    user.last_login_at = now()
    session.add(user)
    await record(session, user, "auth.login", user)
    return await start_session(session, user)


async def refresh(session: AsyncSession, token: str | None) -> IssuedSession:
    """Swap a refresh token for a new pair. A replayed (stolen) token ends its whole family."""
    stored = await find_refresh_token(session, token) if token else None
    if stored is None or stored.expires_at <= now():
        raise Unauthorized("refresh_invalid")
    if stored.revoked_at is not None:
        if is_replayed(stored):
            await repository.revoke_family(session, stored.family)
            await _refuse_after_commit(session, Unauthorized("refresh_invalid"))
        raise Unauthorized("refresh_invalid")
    user = await session.get(User, stored.user_id)
    agent = await session.get(Agent, user.agent_id) if user and user.agent_id else None
    if user is None or not user.is_active or (agent is not None and not agent.is_active):
        raise Unauthorized("refresh_invalid")
    if not await repository.revoke_if_valid(session, stored):
        raise Unauthorized("refresh_invalid")  # a simultaneous refresh with it won
    await record(session, user, "auth.refresh", user)
    return await start_session(session, user, family=stored.family)


async def logout(session: AsyncSession, token: str | None) -> None:
    """End the session of this refresh token (idempotent), and at once every access token of
    its user: the one in this browser must not outlive the sign-out. Other sessions keep their
    refresh tokens and get a new access token on their next call."""
    stored = await find_refresh_token(session, token) if token else None
    if stored is None or stored.revoked_at is not None:
        return
    if not await repository.revoke_family(session, stored.family):
        return  # a simultaneous sign-out of this session ended it
    await end_access_tokens(session, stored.user_id)
    user = await session.get(User, stored.user_id)
    if user is not None:
        await record(session, user, "auth.logout", user)


async def change_password(
    session: AsyncSession, principal: Principal, current: str, new: str, address: str
) -> IssuedSession:
    """The caller's own change (also the forced one after a one-time password). Raises 400
    current_password_wrong, 429 login_throttled like sign-in (a stolen access token must not
    become a password oracle), 422 on a rule the new password breaks."""
    user = await session.get(User, principal.user_id)
    assert user is not None
    counted = throttle.subjects(address, user.id)
    await throttle.attempt(session, counted)
    if not await verify_password(current, user.password_hash):
        raise AppError("current_password_wrong", 400)
    await throttle.succeeded(session, counted)
    check_new_password(new, user)
    if await verify_password(new, user.password_hash):
        raise AppError("password_reused", 422)
    await set_own_password(session, user, new)
    await record(session, principal, "auth.change_password", user)
    return await start_session(session, user)


async def link_info(session: AsyncSession, token: str) -> SetPasswordLinkInfo:
    link, user = await usable_link(session, token)
    return SetPasswordLinkInfo(
        username=user.username, display_name=user.display_name, expires_at=link.expires_at
    )


async def set_password_with_link(session: AsyncSession, token: str, new: str) -> IssuedSession:
    """Choose a password through a one-time link, which is then used up; signs the user in."""
    link, user = await usable_link(session, token, for_update=True)
    check_new_password(new, user)
    link.used_at = now()
    session.add(link)
    await set_own_password(session, user, new)
    await record(session, user, "auth.set_password", user)
    return await start_session(session, user)
