"""One-time credentials for new and reset accounts (replaces the legacy shared 123456)."""

from datetime import timedelta

from api.auth import repository
from api.auth.models import SetPasswordLink
from api.auth.schemas import Credentials
from api.auth.tokens import revoke_all_for_user
from api.config import get_settings
from api.db import AsyncSession
from api.kit.clock import now
from api.kit.errors import AppError
from api.security import hash_opaque_token, hash_password, new_opaque_token, temporary_password
from api.users.models import User


async def issue_credentials(session: AsyncSession, user: User) -> Credentials:
    """Give `user` a random one-time password and a set-password link; earlier links, sessions
    and access tokens stop working. The user must choose a password at next sign-in."""
    settings = get_settings()
    password = temporary_password()
    password_hash = await hash_password(password)  # tens of milliseconds: before the lock
    if user.id is not None:  # an existing account (a reset), not one being created
        await repository.lock_account(session, user)
    user.password_hash = password_hash
    user.must_change_password = True
    user.token_version += 1
    expires_at = now() + timedelta(hours=settings.set_password_link_hours)
    user.temporary_password_expires_at = expires_at
    session.add(user)
    await session.flush()
    assert user.id is not None
    await repository.use_up_links(session, user.id)
    await revoke_all_for_user(session, user.id)
    token, token_hash = new_opaque_token()
    session.add(SetPasswordLink(user_id=user.id, token_hash=token_hash, expires_at=expires_at))
    return Credentials(
        temporary_password=password,
        set_password_url=f"{settings.public_base_url.rstrip('/')}/set-password?token={token}",
        expires_at=expires_at,
    )


async def usable_link(
    session: AsyncSession, token: str, for_update: bool = False
) -> tuple[SetPasswordLink, User]:
    """The unexpired, unused link and its active user; raises set_password_link_invalid.
    `for_update`: the link is about to be used up (the account, then the link, locked until
    commit: the order a reset locks them in)."""
    token_hash = hash_opaque_token(token)
    link = await repository.link_by_hash(session, token_hash)
    user = await repository.account(session, link.user_id, for_update) if link else None
    if link is not None and for_update:
        link = await repository.link_by_hash(session, token_hash, for_update)
    if (
        link is None
        or user is None
        or link.used_at
        or link.expires_at <= now()
        or not user.is_active
    ):
        raise AppError("set_password_link_invalid", 400)
    return link, user


async def set_own_password(session: AsyncSession, user: User, new_password: str) -> None:
    """Store a password the user chose; every other session and link of the user ends."""
    password_hash = await hash_password(new_password)  # tens of milliseconds: before the lock
    await repository.lock_account(session, user)
    user.password_hash = password_hash
    user.must_change_password = False
    user.temporary_password_expires_at = None
    user.token_version += 1
    session.add(user)
    assert user.id is not None
    await repository.use_up_links(session, user.id)
    await revoke_all_for_user(session, user.id)
