"""People management (人员管理): accounts are managed only below one's own power."""

from typing import Any

from api.agents.models import Agent
from api.audit.service import record, snapshot
from api.auth.credentials import issue_credentials
from api.auth.schemas import Credentials
from api.auth.tokens import revoke_all_for_user
from api.authz.policy import authorize, can_manage_user
from api.authz.principal import Principal
from api.authz.roles import MANAGEABLE_ROLES, Role
from api.db import AsyncSession
from api.kit.clock import CHINA
from api.kit.errors import AppError, Conflict, NotFound
from api.notifications.service import notify
from api.users import repository
from api.users.models import User
from api.users.schemas import ProfileUpdate, UserCreate, UserUpdate


async def find_by_login_name(session: AsyncSession, login_name: str) -> User | None:
    """The account a login name or email (lower-case) names, for signing in: not scoped, as
    nobody is signed in yet. None when there is none."""
    return await repository.by_login_name(session, login_name)


async def end_access_tokens(session: AsyncSession, user_id: int) -> None:
    """Sign-out: the user's access tokens are refused from the next request on (401)."""
    await repository.end_access_tokens(session, user_id)


async def _check_placement(session: AsyncSession, role: Role, agent_id: int | None) -> None:
    """Vendor staff belong to no agent; agent staff to an existing, active agent."""
    if role is Role.VENDOR:
        if agent_id is not None:
            raise AppError("agent_not_allowed", 422)
        return
    if agent_id is None:
        raise AppError("agent_required", 422)
    agent = await session.get(Agent, agent_id)
    if agent is None:
        raise NotFound("agent")
    if not agent.is_active:
        raise AppError("agent_inactive", 422)


async def _ensure_unique(
    session: AsyncSession, username: str | None, email: str | None, user_id: int | None = None
) -> None:
    if username is not None and await repository.username_taken(session, username):
        raise Conflict("username_taken", username=username)
    if email is not None and await repository.email_taken(session, email, except_id=user_id):
        raise Conflict("email_taken", email=email)


async def create_user(
    session: AsyncSession, principal: Principal, data: UserCreate
) -> tuple[User, Credentials]:
    """Create an account with one-time credentials. Raises 403 role_not_assignable above the
    caller's power, 403 for another agent, 409 on a taken login name or email."""
    if data.role not in MANAGEABLE_ROLES.get(principal.role, frozenset()):
        raise AppError("role_not_assignable", 403)
    # An agent master account creates in its own agent; naming another agent is refused below.
    agent_id = data.agent_id
    if agent_id is None and principal.role is Role.AGENT_ADMIN:
        agent_id = principal.agent_id
    authorize(can_manage_user(principal, data.role, agent_id))
    await _check_placement(session, data.role, agent_id)
    username, email = data.username.lower(), data.email.lower()
    await _ensure_unique(session, username, email)
    user = User(
        username=username,
        display_name=data.display_name,
        email=email,
        phone=data.phone,
        role=data.role,
        agent_id=agent_id,
        password_hash="!",  # replaced by issue_credentials below
    )
    session.add(user)
    credentials = await issue_credentials(session, user)
    _email_link(session, user, credentials)
    await record(session, principal, "user.create", user)
    return await repository.get_visible(session, principal, user.id or 0), credentials


async def _managed(session: AsyncSession, principal: Principal, user_id: int) -> User:
    """Load through the caller's scope (404), then check the caller manages that account (403)."""
    user = await repository.get_visible(session, principal, user_id)
    authorize(can_manage_user(principal, user.role, user.agent_id))
    return user


async def update_user(
    session: AsyncSession, principal: Principal, user_id: int, data: UserUpdate
) -> User:
    user = await _managed(session, principal, user_id)
    before = snapshot(user)
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    new_role = changes.get("role")
    # A role change stays on its side: vendor staff never become agent staff or the reverse.
    if new_role is not None and (
        not can_manage_user(principal, new_role, user.agent_id)
        or (new_role is Role.VENDOR) != (user.role is Role.VENDOR)
    ):
        raise AppError("role_not_assignable", 403)
    await _apply_profile(session, user, changes)
    await record(session, principal, "user.update", user, before=before)
    return user


async def _apply_profile(session: AsyncSession, user: User, changes: dict[str, Any]) -> None:
    if "email" in changes:
        changes["email"] = changes["email"].lower()
        await _ensure_unique(session, None, changes["email"], user.id)
    for field, value in changes.items():
        setattr(user, field, value)
    session.add(user)


async def update_profile(session: AsyncSession, principal: Principal, data: ProfileUpdate) -> User:
    """The caller's own name, email and phone."""
    user = await repository.get_visible(session, principal, principal.user_id)
    before = snapshot(user)
    await _apply_profile(session, user, data.model_dump(exclude_unset=True, exclude_none=True))
    await record(session, principal, "user.update_profile", user, before=before)
    return user


async def set_active(
    session: AsyncSession, principal: Principal, user_id: int, active: bool
) -> User:
    """Deactivate (signs the user out everywhere) or reactivate. Nobody deactivates themselves."""
    user = await _managed(session, principal, user_id)
    if not active and user.id == principal.user_id:
        raise AppError("cannot_deactivate_self", 422)
    before = snapshot(user)
    user.is_active = active
    if not active:
        user.token_version += 1
        await revoke_all_for_user(session, user_id)
    session.add(user)
    await record(
        session, principal, "user.reactivate" if active else "user.deactivate", user, before=before
    )
    return user


async def reset_password(session: AsyncSession, principal: Principal, user_id: int) -> Credentials:
    """New one-time credentials for a managed account; the old password stops working. Raises
    403 cannot_reset_own_password for the caller's own account: that is a change of password,
    which asks for the current one."""
    user = await repository.get_visible(session, principal, user_id)
    if user.id == principal.user_id:
        raise AppError("cannot_reset_own_password", 403)
    authorize(can_manage_user(principal, user.role, user.agent_id))
    credentials = await issue_credentials(session, user)
    _email_link(session, user, credentials)
    await record(session, principal, "user.reset_password", user)
    return credentials


def _email_link(session: AsyncSession, user: User, credentials: Credentials) -> None:
    """The one-time link by email too (the one-time password is only ever shown, never sent)."""
    notify(
        session,
        user,
        "set_password_link",
        username=user.username,
        link=credentials.set_password_url,
        expires=credentials.expires_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M"),
    )
