"""SQL of sign-in: refresh tokens and set-password links, looked up by the hash of the token the
caller presents. None is scoped by role: the caller is not known until the token is checked."""

from sqlalchemy import update
from sqlmodel import col, select

from api.auth.models import RefreshToken, SetPasswordLink
from api.db import AsyncSession
from api.kit.clock import now


async def refresh_token_by_hash(session: AsyncSession, token_hash: str) -> RefreshToken | None:
    return await session.scalar(
        select(RefreshToken).where(col(RefreshToken.token_hash) == token_hash)
    )


async def revoke_family(session: AsyncSession, family: str) -> None:
    """Revoke every refresh token of the family still valid."""
    await session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.family) == family, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=now())
    )


async def revoke_user_refresh_tokens(session: AsyncSession, user_id: int) -> None:
    await session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.user_id) == user_id, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=now())
    )


async def link_by_hash(session: AsyncSession, token_hash: str) -> SetPasswordLink | None:
    return await session.scalar(
        select(SetPasswordLink).where(col(SetPasswordLink.token_hash) == token_hash)
    )


async def use_up_links(session: AsyncSession, user_id: int) -> None:
    """Mark every unused set-password link of the user as used, so none works any more."""
    await session.execute(
        update(SetPasswordLink)
        .where(col(SetPasswordLink.user_id) == user_id, col(SetPasswordLink.used_at).is_(None))
        .values(used_at=now())
    )
